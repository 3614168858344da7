import 'fake-indexeddb/auto';
import { commandTransactionCases } from './commandTransactionCases';

commandTransactionCases('Dexie on fake-indexeddb');
