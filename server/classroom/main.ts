/**
 * `npm run classroom`: the classroom server. Emmett's SQLite event store in a file by default, or Emmett's
 * PostgreSQL event store with `--postgres <url>` (several servers on one PostgreSQL serve the same classes).
 *
 *   npm run classroom -- [--port 8787] [--host 0.0.0.0] [--db classroom.sqlite] [--postgres <url>]
 *                        [--instructor-token <token>] [--new-class] [--no-app]
 *
 * Prints the address students open, the class code they join with, and the instructor's token.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startClassroomServer } from './startServer';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string): string | undefined => {
  const index = args.indexOf(name);
  if (index < 0) return undefined;
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--')) {
    console.error(`${name} needs a value`);
    process.exit(2);
  }
  return value;
};

const valued = ['--port', '--host', '--db', '--postgres', '--instructor-token'];
const known = [...valued, '--new-class', '--no-app'];
// Every argument is an option or the value right after an option that takes one.
const unknown = args.filter((arg, index) => !known.includes(arg) && !valued.includes(args[index - 1] ?? ''));
if (unknown.length > 0) {
  console.error(`Unknown option ${unknown.join(', ')}. Options: ${valued.map((name) => `${name} <value>`).join(' ')} --new-class --no-app`);
  process.exit(2);
}

const port = Number(option('--port') ?? process.env.PORT ?? 8787);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number (0 for any free one), not ${option('--port')}`);
  process.exit(2);
}
const host = option('--host') ?? '0.0.0.0';
const postgres = option('--postgres');
const appDir = join(root, 'dist');
if (!flag('--no-app') && !existsSync(join(appDir, 'index.html'))) {
  console.log('Building the app (dist/ is missing)…');
  const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) {
    console.error('The app did not build; start with --no-app to serve the API only.');
    process.exit(1);
  }
}

const server = await startClassroomServer({
  database: postgres === undefined ? { sqliteFile: resolve(option('--db') ?? 'classroom.sqlite') } : { postgresUrl: postgres },
  port,
  host,
  ...(flag('--no-app') ? {} : { appDir }),
  ...(option('--instructor-token') === undefined ? {} : { instructorToken: option('--instructor-token')! }),
  newClass: flag('--new-class'),
}).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

const addresses =
  host === '0.0.0.0' || host === '::'
    ? [
        `http://localhost:${server.port}`,
        ...Object.values(networkInterfaces())
          .flat()
          .flatMap((info) => (info && info.family === 'IPv4' && !info.internal ? [`http://${info.address}:${server.port}`] : [])),
      ]
    : [server.url];
console.log(`
Event Workbook classroom server (${postgres === undefined ? 'Emmett on SQLite' : 'Emmett on PostgreSQL'})
  open:              ${addresses.join('   ')}
  class code:        ${server.classCode}
  instructor token:  ${server.instructorToken}
Students open the address and join with the class code. Ctrl+C stops the server.`);

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
