/**
 * The classroom server as the bench runs it: in a process of its own (so the simulated students do not share its
 * thread), rate limits lifted (500 students come from one address), on the database named by argv[2]
 * (`sqlite:<file>` or a PostgreSQL URL). Prints one JSON line `{ url, classCode, instructorToken }`.
 */
import { startClassroomServer } from '../server/classroom/startServer';

const target = process.argv[2] ?? '';
const unlimited = { perSecond: 1e9, burst: 1e9 };
const server = await startClassroomServer({
  database: target.startsWith('sqlite:') ? { sqliteFile: target.slice('sqlite:'.length) } : { postgresUrl: target },
  newClass: true,
  rateLimits: { perAddress: unlimited, joinsPerAddress: unlimited, perSession: unlimited },
});
console.log(JSON.stringify({ url: server.url, classCode: server.classCode, instructorToken: server.instructorToken }));
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
