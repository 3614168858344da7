import type { OrderStatus } from '../../domain/order/types';
import type { ProjectionStore } from '../projectionStore';
import type { OrderDoc } from '../readModels/orders';
import { ordersProjection } from '../readModels/orders';
import { summaryDocId, summaryProjection, type SummaryDoc } from '../readModels/summary';
import { customerDocIdPrefix, topCustomersProjection, type CustomerSpend } from '../readModels/topCustomers';
import { usersProjection, type UserDoc } from '../readModels/users';
import {
  defaultTopCustomers,
  listOrders,
  ordersByCustomerEmail,
  ordersByStatus,
  searchOrders,
  summaryFromReadModel,
  topCustomersFromReadModel,
  type OrderFilter,
  type OrderPage,
  type OrderSummary,
  type TopCustomer,
} from './orderQueries';
import { listUsers } from './userQueries';

/**
 * The query side as the simulator and the API console call it: each query reads the read model built for it, never
 * the event store. What they return lags the log by the projector's lag, which is the point of the lesson.
 */
export interface ReadModelQueries {
  listOrders(filter?: OrderFilter): Promise<OrderPage>;
  orderById(orderId: string): Promise<OrderDoc | undefined>;
  ordersByStatus(status: OrderStatus): Promise<OrderDoc[]>;
  ordersByCustomerEmail(customerEmail: string): Promise<OrderDoc[]>;
  /** From the incrementally maintained summary read model. */
  summary(): Promise<OrderSummary>;
  /** From the incrementally maintained top-customers read model. */
  topCustomers(limit?: number): Promise<TopCustomer[]>;
  searchOrders(query: string): Promise<OrderDoc[]>;
  listUsers(): Promise<UserDoc[]>;
  userById(userId: string): Promise<UserDoc | undefined>;
}

export function createReadModelQueries(projectionStore: ProjectionStore): ReadModelQueries {
  const allOrders = async (): Promise<OrderDoc[]> =>
    (await projectionStore.listDocuments<OrderDoc>(ordersProjection.name)).map(({ doc }) => doc);

  return {
    listOrders: async (filter) => listOrders(await allOrders(), filter),
    orderById: (orderId) => projectionStore.getDocument<OrderDoc>(ordersProjection.name, orderId),
    ordersByStatus: async (status) => ordersByStatus(await allOrders(), status),
    ordersByCustomerEmail: async (email) => ordersByCustomerEmail(await allOrders(), email),
    summary: async () =>
      summaryFromReadModel(await projectionStore.getDocument<SummaryDoc>(summaryProjection.name, summaryDocId)),
    topCustomers: async (limit = defaultTopCustomers) =>
      topCustomersFromReadModel(
        (
          await projectionStore.listDocuments<CustomerSpend>(topCustomersProjection.name, {
            idPrefix: customerDocIdPrefix,
          })
        ).map(({ doc }) => doc),
        limit,
      ),
    searchOrders: async (query) => searchOrders(await allOrders(), query),
    listUsers: async () =>
      listUsers((await projectionStore.listDocuments<UserDoc>(usersProjection.name)).map(({ doc }) => doc)),
    userById: (userId) => projectionStore.getDocument<UserDoc>(usersProjection.name, userId),
  };
}
