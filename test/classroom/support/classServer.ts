import { createClassroomApi } from '../../../src/classroom/classroomApi';
import { startTestServer, type TestServer } from '../../server/classroom/support/testServer';

/**
 * A real classroom server (SQLite in a temp dir) for the browser side's node tests, reached through a `fetch` the
 * test can cut (the network gone, as when a laptop leaves the Wi-Fi) and that counts the commands sent.
 */
export async function classServer(): Promise<{
  readonly server: TestServer;
  readonly fetch: typeof fetch;
  readonly network: { cut: boolean; commands: number };
  /** The instructor's side: pause the class, read its view. */
  readonly instructor: ReturnType<typeof createClassroomApi>;
}> {
  const server = await startTestServer();
  const network = { cut: false, commands: 0 };
  const through: typeof fetch = async (input, init) => {
    if (network.cut) throw new TypeError('Failed to fetch');
    if (String(input).endsWith('/commands')) network.commands += 1;
    return fetch(input, init);
  };
  return { server, fetch: through, network, instructor: createClassroomApi({ server: server.url, code: server.classCode }) };
}
