import type { Projection } from '../types';
import { toCents } from './money';
import { asOrderEvent } from './orderEvents';

/** What one customer has spent on orders that were neither cancelled nor deleted. */
export type CustomerSpend = {
  readonly customerId: string;
  /** The email of the customer's latest order that had one. */
  readonly customerEmail: string | null;
  readonly orderCount: number;
  readonly totalSpentCents: number;
};

/**
 * All customers in one document. A cancel names the order, not the customer, so the projector could not know which
 * customer document to load before applying it; one document for all customers (a few hundred in a workbook) avoids
 * a second round of loading.
 */
export type CustomerSpendsDoc = { readonly kind: 'customers'; readonly byCustomer: Readonly<Record<string, CustomerSpend>> };

/** Which customer an order belongs to and whether its total is counted, so a cancel can take it back out. */
export type CustomerOrderDoc = {
  readonly kind: 'order';
  readonly customerId: string;
  readonly totalCents: number;
  readonly counted: boolean;
};

export type TopCustomersDoc = CustomerSpendsDoc | CustomerOrderDoc;

export const customersDocId = 'customers';
const orderDocId = (orderId: string): string => `order:${orderId}`;

/** Top customers of seed 002 (`GET /api/v1/orders/top-customers`): spend per customer, kept up to date per event. */
export const topCustomersProjection: Projection<TopCustomersDoc> = {
  name: 'topCustomers',
  version: 1,
  // Confirm/process/ship/deliver change no spend: the projector moves past them without loading anything.
  handles: ['OrderPlaced', 'OrderCancelled', 'OrderDeleted'],
  documentIds: (event) => [customersDocId, orderDocId(asOrderEvent(event).data.orderId)],
  evolve(docs, recorded) {
    const event = asOrderEvent(recorded);
    const orderKey = orderDocId(event.data.orderId);
    const foundOrder = docs.get(orderKey);
    const order = foundOrder?.kind === 'order' ? foundOrder : undefined;
    const foundCustomers = docs.get(customersDocId);
    const byCustomer = foundCustomers?.kind === 'customers' ? foundCustomers.byCustomer : {};

    const withSpend = (customerId: string, change: (spend: CustomerSpend) => CustomerSpend): void => {
      const spend = byCustomer[customerId] ?? { customerId, customerEmail: null, orderCount: 0, totalSpentCents: 0 };
      docs.put(customersDocId, { kind: 'customers', byCustomer: { ...byCustomer, [customerId]: change(spend) } });
    };

    switch (event.type) {
      case 'OrderPlaced': {
        if (order) return;
        const { customerId, customerEmail } = event.data;
        const totalCents = toCents(event.data.total);
        withSpend(customerId, (spend) => ({
          ...spend,
          customerEmail: customerEmail ?? spend.customerEmail,
          orderCount: spend.orderCount + 1,
          totalSpentCents: spend.totalSpentCents + totalCents,
        }));
        docs.put(orderKey, { kind: 'order', customerId, totalCents, counted: true });
        return;
      }
      case 'OrderCancelled':
      case 'OrderDeleted': {
        if (!order) return;
        if (order.counted) {
          withSpend(order.customerId, (spend) => ({
            ...spend,
            orderCount: spend.orderCount - 1,
            totalSpentCents: spend.totalSpentCents - order.totalCents,
          }));
        }
        if (event.type === 'OrderDeleted') docs.delete(orderKey);
        else docs.put(orderKey, { ...order, counted: false });
        return;
      }
      default:
        // handles lists only the three types above
        return;
    }
  },
};
