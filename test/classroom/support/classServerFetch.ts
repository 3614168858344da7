import { ConcurrencyError } from '../../../src/eventStore/errors';
import { createMemoryEventStore } from '../../../src/eventStore/memoryEventStore';
import type { ExpectedVersion, NewEvent } from '../../../src/eventStore/types';

/**
 * A `fetch` that answers the classroom API from a memory event store, for the node tests of the browser's
 * classroom parts. The e2e journeys (test/e2e/classroom*.test.ts) run against the real server; this one only lets
 * a test cut the server off (`reachable = false`), pause the class and count requests without a network.
 */
export function classServerFetch(options: { readonly code?: string; readonly refusedNames?: readonly string[] } = {}) {
  const code = options.code ?? 'ABC123';
  const store = createMemoryEventStore();
  const tokens = new Map<string, string>();
  const progress = new Map<string, number>();
  const names = new Set(options.refusedNames ?? []);
  const state = { reachable: true, paused: false, commands: 0, refuseCommand: undefined as string | undefined };
  const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

  const fetchFn: typeof fetch = async (input, init) => {
    if (!state.reachable) throw new TypeError('Failed to fetch');
    const url = new URL(String(input));
    const match = /^\/api\/classes\/([^/]+)\/(.+)$/.exec(url.pathname);
    if (match === null || match[1] !== code) return answer(404, { error: 'NotFound', message: 'No such class' });
    const [, , route] = match;
    const token = (init?.headers as Record<string, string> | undefined)?.['authorization']?.replace(/^Bearer /, '');
    const body = init?.body === undefined ? undefined : (JSON.parse(String(init.body)) as Record<string, unknown>);
    if (route === 'join') {
      const name = String(body?.['name']);
      if (names.has(name)) {
        return answer(422, { error: 'ValidationError', message: `name: ${name} is not allowed in this class`, issues: [{ path: 'name', reason: 'not allowed' }] });
      }
      names.add(name);
      const sessionToken = `token-${tokens.size + 1}`;
      tokens.set(sessionToken, name);
      return answer(200, { classCode: code, studentId: `student-${tokens.size}`, sessionToken, headPosition: await store.headPosition(), paused: state.paused });
    }
    if (route === 'events') {
      const after = Number(url.searchParams.get('after') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 1000);
      return answer(200, await store.readAll({ after, limit }));
    }
    if (token === undefined || !tokens.has(token)) return answer(401, { error: 'Unauthorized', message: 'Unknown session' });
    if (route === 'progress') {
      progress.set(tokens.get(token)!, Number(body?.['checkpoint']));
      return answer(200, {});
    }
    if (route === 'commands') {
      state.commands += 1;
      if (state.paused) return answer(423, { error: 'Paused', message: 'The class is paused' });
      if (state.refuseCommand !== undefined) return answer(422, { error: 'ValidationError', message: state.refuseCommand, path: 'command' });
      const expectedVersion = body?.['expectedVersion'] as ExpectedVersion;
      try {
        const appended = await store.appendToStream(String(body?.['streamId']), body?.['events'] as NewEvent[], { expectedVersion });
        return answer(200, appended);
      } catch (error) {
        if (error instanceof ConcurrencyError) {
          return answer(409, { error: 'ConcurrencyError', message: error.message, expected: error.expected, actual: error.actual });
        }
        throw error;
      }
    }
    return answer(404, { error: 'NotFound', message: 'No such route' });
  };
  return { fetch: fetchFn, store, state, progress, code };
}
