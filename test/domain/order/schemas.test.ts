import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/domain/core/errors';
import {
  parseCancelOrder,
  parseConfirmOrder,
  parseDeleteOrder,
  parseDeliverOrder,
  parseOrderCommand,
  parseOrderRequest,
  parsePlaceOrder,
  parseSeed000Order,
  parseSeed002Order,
  parseShipOrder,
  parseStartProcessing,
  parseStatusUpdate,
} from '../../../src/domain/order/schemas';
import { issuesOf } from '../../support/issuesOf';

const at = '2025-01-02T10:00:00.000Z';


const validPlace = {
  orderId: 'o-1',
  customerId: 'c-1',
  customerEmail: 'ada@example.com',
  items: [{ product: 'Laptop', quantity: 2, unitPrice: 999.99 }],
};

describe('PlaceOrder input', () => {
  it('becomes a typed command, stamped with the boundary time', () => {
    expect(parsePlaceOrder(validPlace, at)).toEqual({ type: 'PlaceOrder', data: { ...validPlace, at } });
  });

  it('trims text and treats a missing, null or blank email as none', () => {
    const withoutEmail = {
      ...validPlace,
      customerEmail: undefined,
      items: [{ product: '  Laptop ', quantity: 1, unitPrice: 0 }],
    };
    expect(parsePlaceOrder(withoutEmail, at).data).toMatchObject({
      customerEmail: null,
      items: [{ product: 'Laptop', quantity: 1, unitPrice: 0 }],
    });
    expect(parsePlaceOrder({ ...validPlace, customerEmail: null }, at).data.customerEmail).toBeNull();
    expect(parsePlaceOrder({ ...validPlace, customerEmail: '  ' }, at).data.customerEmail).toBeNull();
  });

  it('names every missing field', () => {
    expect(issuesOf(() => parsePlaceOrder({}, at))).toEqual({
      orderId: 'is required',
      customerId: 'is required',
      items: 'is required',
    });
  });

  it('names every field of the wrong type, one issue per field', () => {
    expect(
      issuesOf(() =>
        parsePlaceOrder({ orderId: 7.5, customerId: true, customerEmail: 3, items: 'Laptop' }, at),
      ),
    ).toEqual({
      orderId: 'must be text',
      customerId: 'must be text such as "c-123"',
      customerEmail: 'must be text',
      items: 'must be a list of items, like [{"product": "Laptop", "quantity": 1, "unitPrice": 9.99}]',
    });
  });

  it('refuses input that is not an object at all', () => {
    for (const input of [null, 'order', 42, [validPlace]]) {
      expect(issuesOf(() => parsePlaceOrder(input, at))).toEqual({
        input: 'must be a JSON object, like {"key": "value"}',
      });
    }
  });

  it('refuses negative, zero, fractional and huge quantities in plain words', () => {
    const withQuantity = (quantity: unknown) => ({
      ...validPlace,
      items: [{ product: 'Pen', quantity, unitPrice: 1 }],
    });
    for (const quantity of [-1, 0, 1.5, '2', null, Number.NaN]) {
      expect(issuesOf(() => parsePlaceOrder(withQuantity(quantity), at))).toEqual({
        'items[0].quantity': 'must be a whole number of at least 1',
      });
    }
    expect(issuesOf(() => parsePlaceOrder(withQuantity(10_001), at))).toEqual({
      'items[0].quantity': 'must be at most 10000',
    });
    expect(parsePlaceOrder(withQuantity(10_000), at).data.items[0]?.quantity).toBe(10_000);
  });

  it('refuses negative prices, prices past 10 000 000 and fractions of a cent', () => {
    const withPrice = (unitPrice: unknown) => ({ ...validPlace, items: [{ product: 'Pen', quantity: 1, unitPrice }] });
    expect(issuesOf(() => parsePlaceOrder(withPrice(-0.01), at))).toEqual({
      'items[0].unitPrice': 'must not be negative',
    });
    expect(issuesOf(() => parsePlaceOrder(withPrice(10_000_000.01), at))).toEqual({
      'items[0].unitPrice': 'must be at most 10000000',
    });
    expect(issuesOf(() => parsePlaceOrder(withPrice(9.999), at))).toEqual({
      'items[0].unitPrice': 'must have at most 2 decimals (whole cents)',
    });
    expect(issuesOf(() => parsePlaceOrder(withPrice('9.99'), at))).toEqual({
      'items[0].unitPrice': 'must be a number, like 9.99',
    });
    expect(issuesOf(() => parsePlaceOrder(withPrice(Number.POSITIVE_INFINITY), at))).toEqual({
      'items[0].unitPrice': 'must be a number, like 9.99',
    });
    expect(parsePlaceOrder(withPrice(0.1), at).data.items[0]?.unitPrice).toBe(0.1);
    expect(parsePlaceOrder(withPrice(10_000_000), at).data.items[0]?.unitPrice).toBe(10_000_000);
  });

  it('points at the exact item and field that is wrong', () => {
    const items = [
      { product: 'Laptop', quantity: 1, unitPrice: 1 },
      { product: '', quantity: 1, unitPrice: 1 },
      { quantity: -3, unitPrice: 1 },
      'Mouse',
    ];
    expect(issuesOf(() => parsePlaceOrder({ ...validPlace, items }, at))).toEqual({
      'items[1].product': 'is required',
      'items[2].product': 'is required',
      'items[2].quantity': 'must be a whole number of at least 1',
      'items[3]': 'must be an object with product, quantity and unitPrice',
    });
  });

  it('needs 1 to 100 items', () => {
    const item = { product: 'Pen', quantity: 1, unitPrice: 1 };
    expect(issuesOf(() => parsePlaceOrder({ ...validPlace, items: [] }, at))).toEqual({
      items: 'must list at least 1 item',
    });
    expect(issuesOf(() => parsePlaceOrder({ ...validPlace, items: Array(101).fill(item) }, at))).toEqual({
      items: 'must list at most 100 items',
    });
    expect(parsePlaceOrder({ ...validPlace, items: Array(100).fill(item) }, at).data.items).toHaveLength(100);
  });

  it('refuses a list of a million items at once, without an issue per item', () => {
    const items = Array(1_000_000).fill('junk');
    expect(issuesOf(() => parsePlaceOrder({ ...validPlace, items }, at))).toEqual({
      items: 'must list at most 100 items',
    });
  });

  it('refuses oversized strings and never echoes them back', () => {
    const huge = 'x'.repeat(100_000);
    const error = (() => {
      try {
        parsePlaceOrder(
          {
            orderId: huge,
            customerId: huge,
            customerEmail: `${huge}@example.com`,
            items: [{ product: huge, quantity: 1, unitPrice: 1 }],
          },
          at,
        );
      } catch (caught) {
        return caught as ValidationError;
      }
      throw new Error('accepted');
    })();
    expect(Object.fromEntries(error.issues.map((i) => [i.field, i.message]))).toEqual({
      orderId: 'must be at most 100 characters',
      customerId: 'must be at most 100 characters',
      customerEmail: 'must be at most 254 characters',
      'items[0].product': 'must be at most 200 characters',
    });
    expect(error.message.length).toBeLessThan(400);
  });

  it('accepts strings exactly at the limits', () => {
    const command = parsePlaceOrder(
      { ...validPlace, orderId: 'o'.repeat(100), items: [{ product: 'p'.repeat(200), quantity: 1, unitPrice: 1 }] },
      at,
    );
    expect(command.data.orderId).toHaveLength(100);
  });

  it('refuses ids with spaces, slashes or markup', () => {
    for (const orderId of ['order 1', 'a/b', '<script>', '']) {
      expect(issuesOf(() => parsePlaceOrder({ ...validPlace, orderId }, at)).orderId).toMatch(
        /^(may contain only letters, digits, underscores, hyphens, dots and colons|is required)$/,
      );
    }
    expect(parsePlaceOrder({ ...validPlace, orderId: 'order_1-a.b:c' }, at).data.orderId).toBe('order_1-a.b:c');
  });

  it('refuses bad emails', () => {
    for (const customerEmail of ['ada', 'ada@', '@example.com', 'ada@example', 'a da@example.com']) {
      expect(issuesOf(() => parsePlaceOrder({ ...validPlace, customerEmail }, at))).toEqual({
        customerEmail: 'must be a valid email address, like ada@example.com',
      });
    }
  });
});

describe('the other order commands', () => {
  it('each takes an order id', () => {
    expect(parseConfirmOrder({ orderId: 'o-1' }, at)).toEqual({ type: 'ConfirmOrder', data: { orderId: 'o-1', at } });
    expect(parseStartProcessing({ orderId: 'o-1' }, at).type).toBe('StartProcessing');
    expect(parseDeliverOrder({ orderId: 'o-1' }, at).type).toBe('DeliverOrder');
    expect(parseDeleteOrder({ orderId: 'o-1' }, at).type).toBe('DeleteOrder');
    expect(issuesOf(() => parseConfirmOrder({}, at))).toEqual({ orderId: 'is required' });
  });

  it('ship takes an optional tracking number of at most 100 characters', () => {
    expect(parseShipOrder({ orderId: 'o-1' }, at).data.trackingNumber).toBeNull();
    expect(parseShipOrder({ orderId: 'o-1', trackingNumber: '' }, at).data.trackingNumber).toBeNull();
    expect(parseShipOrder({ orderId: 'o-1', trackingNumber: ' TN-1 ' }, at).data.trackingNumber).toBe('TN-1');
    expect(issuesOf(() => parseShipOrder({ orderId: 'o-1', trackingNumber: 't'.repeat(101) }, at))).toEqual({
      trackingNumber: 'must be at most 100 characters',
    });
  });

  it('cancel needs a reason of 1 to 500 characters', () => {
    expect(parseCancelOrder({ orderId: 'o-1', reason: 'Out of stock' }, at).data.reason).toBe('Out of stock');
    expect(issuesOf(() => parseCancelOrder({ orderId: 'o-1' }, at))).toEqual({ reason: 'is required' });
    expect(issuesOf(() => parseCancelOrder({ orderId: 'o-1', reason: '   ' }, at))).toEqual({ reason: 'is required' });
    expect(issuesOf(() => parseCancelOrder({ orderId: 'o-1', reason: 'r'.repeat(501) }, at))).toEqual({
      reason: 'must be at most 500 characters',
    });
  });

  it('parseOrderCommand dispatches on the command type', () => {
    expect(parseOrderCommand('CancelOrder', { orderId: 'o-1', reason: 'r' }, at)).toEqual(
      parseCancelOrder({ orderId: 'o-1', reason: 'r' }, at),
    );
    expect(parseOrderCommand('PlaceOrder', validPlace, at).type).toBe('PlaceOrder');
    expect(issuesOf(() => parseOrderCommand('ShipOrder', {}, at))).toEqual({ orderId: 'is required' });
  });
});

describe("seed 000's POST /orders/ body", () => {
  it('becomes one item at price 0 and no email', () => {
    expect(parseSeed000Order({ customer_id: '123', product: 'Laptop', quantity: 2 }, 'd136ca70', at)).toEqual({
      type: 'PlaceOrder',
      data: {
        orderId: 'd136ca70',
        customerId: '123',
        customerEmail: null,
        items: [{ product: 'Laptop', quantity: 2, unitPrice: 0 }],
        at,
      },
    });
  });

  it('takes a whole-number customer id, or customerId', () => {
    const numeric = parseSeed000Order({ customer_id: 123, product: 'Laptop', quantity: 2 }, 'o', at);
    expect(numeric.data.customerId).toBe('123');
    expect(parseSeed000Order({ customerId: 'c9', product: 'Laptop', quantity: 2 }, 'o', at).data.customerId).toBe('c9');
  });

  it("reports problems under the seed's own field names, with the path id", () => {
    expect(issuesOf(() => parseSeed000Order({ product: '', quantity: -2 }, 'bad id', at))).toEqual({
      orderId: 'may contain only letters, digits, underscores, hyphens, dots and colons',
      customer_id: 'is required',
      product: 'is required',
      quantity: 'must be a whole number of at least 1',
    });
    expect(issuesOf(() => parseSeed000Order({ customerId: -1, product: 'Laptop', quantity: 1 }, 'o', at))).toEqual({
      customerId: 'must be text such as "c-123"',
    });
  });
});

describe("seed 002's and seed 004's create-order bodies", () => {
  it('reads seed 002 (customerEmail, items with productId/name and price); the email is the customer', () => {
    const body = {
      customerEmail: 'ada@example.com',
      items: [
        { productId: 'sku-1', quantity: 2, price: 29.99 },
        { name: 'Mouse', quantity: 1, unitPrice: 5 },
      ],
    };
    expect(parseSeed002Order(body, 'o-2', at)).toEqual({
      type: 'PlaceOrder',
      data: {
        orderId: 'o-2',
        customerId: 'ada@example.com',
        customerEmail: 'ada@example.com',
        items: [
          { product: 'sku-1', quantity: 2, unitPrice: 29.99 },
          { product: 'Mouse', quantity: 1, unitPrice: 5 },
        ],
        at,
      },
    });
  });

  it('reads seed 004 (customer_id, product_id, price) and customer_email', () => {
    const body = {
      customer_id: '550e8400-e29b-41d4-a716-446655440000',
      customer_email: 'bob@example.com',
      items: [{ product_id: 'p-1', quantity: 2, price: 29.99 }],
    };
    expect(parseSeed002Order(body, 'o-4', at).data).toEqual({
      orderId: 'o-4',
      customerId: '550e8400-e29b-41d4-a716-446655440000',
      customerEmail: 'bob@example.com',
      items: [{ product: 'p-1', quantity: 2, unitPrice: 29.99 }],
      at,
    });
  });

  it('reports problems under the names the person used', () => {
    const body = { customer_email: 'nope', items: [{ product_id: '', quantity: 0, price: -1 }] };
    expect(issuesOf(() => parseSeed002Order(body, 'o', at))).toEqual({
      customer_email: 'must be a valid email address, like ada@example.com',
      'items[0].product_id': 'is required',
      'items[0].quantity': 'must be a whole number of at least 1',
      'items[0].price': 'must not be negative',
    });
  });

  it('needs a customer id or an email', () => {
    expect(issuesOf(() => parseSeed002Order({ items: [{ product: 'Pen', quantity: 1, price: 1 }] }, 'o', at))).toEqual({
      customerId: 'is required when there is no customerEmail',
    });
  });

  it('parseOrderRequest tells the two shapes apart', () => {
    expect(parseOrderRequest({ customer_id: '1', product: 'Pen', quantity: 1 }, 'o', at).data.items).toEqual([
      { product: 'Pen', quantity: 1, unitPrice: 0 },
    ]);
    expect(
      parseOrderRequest({ customer_id: '1', items: [{ product: 'Pen', quantity: 1, price: 2 }] }, 'o', at).data.items,
    ).toEqual([{ product: 'Pen', quantity: 1, unitPrice: 2 }]);
  });
});

describe("seed 000's PUT /orders/{id}/status/ body", () => {
  it('becomes the command for the status', () => {
    expect(parseStatusUpdate({ new_status: 'shipped' }, 'o-1', at)).toEqual({
      type: 'ShipOrder',
      data: { orderId: 'o-1', trackingNumber: null, at },
    });
    expect(parseStatusUpdate({ status: 'cancelled', reason: 'Too slow' }, 'o-1', at)).toEqual({
      type: 'CancelOrder',
      data: { orderId: 'o-1', reason: 'Too slow', at },
    });
  });

  it('names the valid statuses under the field the person used', () => {
    expect(issuesOf(() => parseStatusUpdate({ newStatus: 'pending' }, 'o-1', at)).newStatus).toMatch(
      /^cannot be "pending".*Choose one of: confirmed, processing, shipped, delivered, cancelled$/,
    );
    expect(issuesOf(() => parseStatusUpdate({ new_status: 'lost' }, 'o-1', at))).toEqual({
      new_status: '"lost" is not a status. Choose one of: confirmed, processing, shipped, delivered, cancelled',
    });
    expect(issuesOf(() => parseStatusUpdate({}, 'o-1', at))).toEqual({ new_status: 'is required' });
  });
});
