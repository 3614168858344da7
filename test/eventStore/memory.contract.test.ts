import { createMemoryEventStore } from '../../src/eventStore/memoryEventStore';
import { eventStoreContract } from './contract';

eventStoreContract('memory', async () => createMemoryEventStore());
