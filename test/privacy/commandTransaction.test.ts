import 'fake-indexeddb/auto';
import { cryptoCommandCases } from './cryptoCommandCases';

cryptoCommandCases('Dexie on fake-indexeddb');
