import type { ApiResponse, SeedId } from './types';

/**
 * Requests a person can load with one click, grouped by the seed they come from, as the seeds write them.
 * `{order_id}` and `{user_id}` stand for the ids of the last order and user the console created (see `fillIds`).
 */

export type ExampleGroup = {
  /** `malformed` holds requests that show the console's refusals. */
  readonly seed: SeedId | 'malformed';
  readonly title: string;
  readonly examples: readonly ApiExample[];
};

export type ApiExample = {
  /** The button's name: the request line, with a word added where one line has several examples. */
  readonly label: string;
  readonly request: string;
};

const json = (value: unknown): string => JSON.stringify(value, null, 2);

export const exampleGroups: readonly ExampleGroup[] = [
  {
    seed: '000',
    title: 'Seed 000 · order service (FastAPI)',
    examples: [
      { label: 'POST /orders/', request: `POST /orders/\n\n${json({ customer_id: '123', product: 'Laptop', quantity: 2 })}` },
      { label: 'PUT /orders/{order_id}/status/ (processing)', request: `PUT /orders/{order_id}/status/\n\n${json({ new_status: 'processing' })}` },
      { label: 'PUT /orders/{order_id}/status/ (shipped)', request: `PUT /orders/{order_id}/status/\n\n${json({ new_status: 'shipped' })}` },
      { label: 'PUT /orders/{order_id}/status/ (cancelled)', request: `PUT /orders/{order_id}/status/\n\n${json({ new_status: 'cancelled' })}` },
      { label: 'GET /orders/{order_id}/', request: 'GET /orders/{order_id}/' },
      { label: 'GET /orders/', request: 'GET /orders/' },
    ],
  },
  {
    seed: '001',
    title: 'Seed 001 · users (FastAPI + SQLite)',
    examples: [
      {
        label: 'POST /users/',
        request: `POST /users/\n\n${json({ first_name: 'John', last_name: 'Doe', email: 'john.doe@example.com' })}`,
      },
      { label: 'PUT /users/{user_id}', request: `PUT /users/{user_id}\n\n${json({ email: 'john.new@example.com' })}` },
      { label: 'GET /users/{user_id}', request: 'GET /users/{user_id}' },
      { label: 'GET /users/', request: 'GET /users/' },
      { label: 'GET /events/', request: 'GET /events/' },
    ],
  },
  {
    seed: '002',
    title: 'Seed 002 · CQRS order system (Express)',
    examples: [
      {
        label: 'POST /api/v1/orders/order',
        request: `POST /api/v1/orders/order\n\n${json({
          customerEmail: 'ada@example.com',
          items: [{ productId: 'Laptop', quantity: 1, price: 999.99 }],
        })}`,
      },
      { label: 'PUT /api/v1/orders/order/{order_id}/status', request: `PUT /api/v1/orders/order/{order_id}/status\n\n${json({ status: 'confirmed' })}` },
      { label: 'PUT /api/v1/orders/order/{order_id}/cancel', request: `PUT /api/v1/orders/order/{order_id}/cancel\n\n${json({ reason: 'Customer changed their mind' })}` },
      { label: 'DELETE /api/v1/orders/order/{order_id}', request: 'DELETE /api/v1/orders/order/{order_id}' },
      { label: 'GET /api/v1/orders?status=pending', request: 'GET /api/v1/orders?status=pending&limit=10' },
      { label: 'GET /api/v1/orders/order/{order_id}', request: 'GET /api/v1/orders/order/{order_id}' },
      { label: 'GET /api/v1/orders/status/pending', request: 'GET /api/v1/orders/status/pending' },
      { label: 'GET /api/v1/orders/customer/ada@example.com', request: 'GET /api/v1/orders/customer/ada@example.com' },
      { label: 'GET /api/v1/orders/summary', request: 'GET /api/v1/orders/summary' },
      { label: 'GET /api/v1/orders/top-customers', request: 'GET /api/v1/orders/top-customers?limit=5' },
      { label: 'GET /api/v1/orders/search?q=laptop', request: 'GET /api/v1/orders/search?q=laptop' },
    ],
  },
  {
    seed: '004',
    title: 'Seed 004 · command, query and admin APIs (Go)',
    examples: [
      {
        label: 'POST /api/v1/orders',
        request: `POST /api/v1/orders\nContent-Type: application/json\n\n${json({
          customer_id: '550e8400-e29b-41d4-a716-446655440000',
          items: [{ product_id: 'Mouse', quantity: 2, price: 25 }],
        })}`,
      },
      {
        label: 'POST /api/v1/orders with Idempotency-Key',
        request: `POST /api/v1/orders\nContent-Type: application/json\nIdempotency-Key: checkout-7f3a\n\n${json({
          customer_id: '550e8400-e29b-41d4-a716-446655440000',
          items: [{ product_id: 'Mouse', quantity: 1, price: 25 }],
        })}`,
      },
      { label: 'GET /api/v1/orders/{order_id}', request: 'GET /api/v1/orders/{order_id}' },
      { label: 'GET /api/v1/admin/events/{order_id}', request: 'GET /api/v1/admin/events/{order_id}' },
      { label: 'GET /api/v1/admin/projections', request: 'GET /api/v1/admin/projections' },
      { label: 'GET /api/v1/admin/projections/orders', request: 'GET /api/v1/admin/projections/orders' },
      { label: 'POST /api/v1/admin/projections/orders/replay', request: 'POST /api/v1/admin/projections/orders/replay' },
      { label: 'GET /api/v1/admin/sagas/{order_id}', request: 'GET /api/v1/admin/sagas/{order_id}' },
      { label: 'GET /metrics', request: 'GET /metrics' },
    ],
  },
  {
    seed: 'malformed',
    title: 'Refused requests',
    examples: [
      { label: 'Broken JSON', request: `POST /orders/ {"customer_id": "123", "product": "Laptop" "quantity": 2}` },
      { label: 'Invalid fields', request: `POST /orders/ ${JSON.stringify({ customer_id: '', product: 'Laptop', quantity: -1 })}` },
      { label: 'Illegal transition (seed 002)', request: `PUT /api/v1/orders/order/{order_id}/status {"status": "delivered"}` },
      { label: 'Body on a GET', request: 'GET /orders/ {"status": "pending"}' },
      { label: 'Wrong method', request: 'DELETE /orders/' },
      { label: 'Unknown route', request: 'GET /products/' },
    ],
  },
];

/** The ids the examples' placeholders stand for. */
export type KnownIds = { readonly order_id?: string; readonly user_id?: string };

/** Puts the last created ids into an example; a placeholder with no id yet stays as it is (and gets a 404 or 400). */
export function fillIds(request: string, ids: KnownIds): string {
  return request.replace(/\{(order_id|user_id)\}/g, (placeholder, name: keyof KnownIds) =>
    ids[name] === undefined ? placeholder : encodeURIComponent(ids[name]),
  );
}

/** The id a `201 Created` names in its Location header, as the order or the user it is. */
export function idsCreatedBy(response: ApiResponse): KnownIds {
  const location = response.status === 201 ? response.headers['Location'] : undefined;
  if (location === undefined) return {};
  const id = decodeURIComponent(location.split('/').filter((segment) => segment !== '').at(-1) ?? '');
  return location.startsWith('/users/') ? { user_id: id } : { order_id: id };
}
