import { commandTransactionCases } from '../eventStore/commandTransactionCases';
import { cryptoCommandCases } from '../privacy/cryptoCommandCases';

/**
 * A command in one IndexedDB transaction on Chromium's real IndexedDB: there, awaiting anything but IndexedDB inside
 * a transaction commits it (fake-indexeddb is more forgiving), so the path that decides and seals inside the read is
 * checked where it runs. The same cases as test/eventStore/ and test/privacy/ run in node.
 */
commandTransactionCases('Dexie on real IndexedDB (Chromium)');
cryptoCommandCases('Dexie on real IndexedDB (Chromium), through the crypto layer');
