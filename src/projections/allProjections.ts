import { ordersProjection } from './readModels/orders';
import { summaryProjection } from './readModels/summary';
import { topCustomersProjection } from './readModels/topCustomers';
import { usersProjection } from './readModels/users';
import type { AnyProjection } from './types';

/** Every read model of the workbook, in the order the projector status panel lists them. */
export const workbookProjections: readonly AnyProjection[] = [
  ordersProjection,
  summaryProjection,
  topCustomersProjection,
  usersProjection,
];
