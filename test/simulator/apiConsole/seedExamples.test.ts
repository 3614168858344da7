import { describe, expect, it } from 'vitest';
import { openConsole, type ConsoleFixture } from './consoleFixture';
import { consoleRequest, seedText } from './seedDocuments';

/**
 * The seeds' own examples, read from the seed documents (copied verbatim into test/fixtures/seeds/): each curl request
 * is sent to the console as written, and the answer is compared with the seed's "Response example".
 */

type SeedExample = {
  /** The section heading, e.g. "Update Order Status". */
  readonly title: string;
  /** The request as the console reads it: `PUT /orders/{order_id}/status/` and the JSON body. */
  readonly request: string;
  /** The response example under it, when the seed gives one. */
  readonly response?: unknown;
};

/** Every `##` section of the seed with a curl request, and the response example that follows it. */
function examplesOf(markdown: string): SeedExample[] {
  return markdown
    .split(/^## /m)
    .slice(1)
    .flatMap((section) => {
      const blocks = [...section.matchAll(/```\w*\n([\s\S]*?)```/g)].map((match) => match[1]!);
      const curl = blocks.find((block) => block.trimStart().startsWith('curl'));
      if (curl === undefined) return [];
      const answer = blocks[blocks.indexOf(curl) + 1];
      const title = section.split('\n')[0]!.trim();
      return [{ title, request: consoleRequest(curl), ...(answer === undefined ? {} : { response: JSON.parse(answer) }) }];
    });
}

/** The seed's uuids stand for whatever id the service minted: put ours in their place, by order of appearance. */
function withIds(expected: unknown, ids: readonly string[]): unknown {
  const seen: string[] = [];
  return JSON.parse(JSON.stringify(expected), (key, value: unknown) => {
    if (key !== 'order_id' || typeof value !== 'string') return value;
    if (!seen.includes(value)) seen.push(value);
    return ids[seen.indexOf(value)];
  });
}

const send = (api: ConsoleFixture, example: SeedExample, orderId: string) =>
  api.send(example.request.replaceAll('{order_id}', orderId), { readYourWrites: true });

describe('seed 000’s README, example by example', () => {
  const examples = examplesOf(seedText('000-order-service.md'));
  const example = (title: string): SeedExample => {
    const found = examples.find((candidate) => candidate.title.startsWith(title));
    if (!found) throw new Error(`Seed 000 has no section "${title}"`);
    return found;
  };

  it('finds the five requests of the README', () => {
    expect(examples.map((found) => found.title)).toEqual([
      'Create an Order',
      'Update Order Status',
      'Get Order Details',
      'List All Orders',
      'Delete an Order (Optional - CRUD Operation)',
    ]);
  });

  it('Create an Order: 201 with the seed’s message and the new id', async () => {
    const api = await openConsole();
    const response = await api.send(example('Create an Order').request);
    expect(response.status).toBe(201);
    expect(response.body).toEqual(withIds(example('Create an Order').response, ['o-1']));
  });

  it('Update Order Status: a new order goes straight to shipped, as the seed does it (no state machine)', async () => {
    const api = await openConsole();
    await api.send(example('Create an Order').request);
    const response = await send(api, example('Update Order Status'), 'o-1');
    expect(response.status).toBe(200);
    expect(response.body).toEqual(withIds(example('Update Order Status').response, ['o-1']));
  });

  it('Get Order Details: the order in the seed’s shape, keys in its order', async () => {
    const api = await openConsole();
    await api.send(example('Create an Order').request);
    await send(api, example('Update Order Status'), 'o-1');
    const response = await send(api, example('Get Order Details'), 'o-1');
    expect(response.status).toBe(200);
    expect(JSON.stringify(response.body)).toBe(JSON.stringify(withIds(example('Get Order Details').response, ['o-1'])));
  });

  it('List All Orders: one shipped, one processing, as in the seed’s list', async () => {
    const api = await openConsole();
    await api.send(example('Create an Order').request);
    await send(api, example('Update Order Status'), 'o-1');
    await api.send(example('Create an Order').request);
    await api.send('PUT /orders/o-2/status/ {"new_status": "processing"}', { readYourWrites: true });
    const response = await send(api, example('List All Orders'), '');
    expect(response.status).toBe(200);
    expect(JSON.stringify(response.body)).toBe(JSON.stringify(withIds(example('List All Orders').response, ['o-1', 'o-2'])));
  });

  it('Delete an Order: marking it cancelled answers like any status update, and the log keeps every status', async () => {
    const api = await openConsole();
    await api.send(example('Create an Order').request);
    await send(api, example('Update Order Status'), 'o-1');
    const response = await send(api, example('Delete an Order'), 'o-1');
    expect(response).toMatchObject({ status: 200, body: { order_id: 'o-1', message: 'Order status updated to cancelled' } });
    const events = await api.simulator.store.readStream('order-o-1');
    expect(events.map((event) => [event.type, (event.data as { status?: string }).status])).toEqual([
      ['OrderPlaced', undefined],
      ['OrderStatusSet', 'shipped'],
      ['OrderStatusSet', 'cancelled'],
    ]);
  });
});

describe('seed 001’s README: the example of stored events', () => {
  const [, stored] = /## 📂 Example of Stored Events\s+```json\n([\s\S]*?)```/.exec(seedText('001-users.md')) ?? [];

  it('GET /events/ answers the two events of the seed after its create and email update', async () => {
    const api = await openConsole();
    await api.send('POST /users/ {"first_name": "John", "last_name": "Doe", "email": "john.doe@example.com"}');
    await api.send('PUT /users/1 {"email": "john.new@example.com"}');
    const response = await api.send('GET /events/');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject(JSON.parse(stored!) as unknown[]);
  });
});
