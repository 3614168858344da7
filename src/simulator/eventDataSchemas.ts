import type { EventSchemas } from '../domain/core/eventFields';
import { inventoryEventSchemas } from '../domain/inventory/eventSchemas';
import { orderEventSchemas } from '../domain/order/eventSchemas';
import { paymentEventSchemas } from '../domain/payment/eventSchemas';
import { userEventSchemas } from '../domain/user/eventSchemas';
import { sagaEventSchemas } from '../sagas/eventSchemas';

/**
 * The shape of each event's `data`, per type and schema version, as an import checks it: the very schemas each
 * aggregate's decider holds its own events to (`checkedDecider`), plus the older versions that upcasters still read
 * (OrderPlaced v1 of seed 000). Strict objects, and the commands' limits (domain/core/limits.ts): a file cannot
 * bring in an event the workbook could never have recorded (a 10 MB product, a quantity of −5, 101 items, a customer
 * id of `<img src=x onerror=…>`).
 */
export const eventDataSchemas: EventSchemas = {
  ...orderEventSchemas,
  ...userEventSchemas,
  ...inventoryEventSchemas,
  ...paymentEventSchemas,
  ...sagaEventSchemas,
};
