import { readFileSync } from 'node:fs';
import { checkRequirement } from '../src/grading';
const text = readFileSync(process.argv[2]!, 'utf8');
for (const n of [1, 2, 3, 4, 5, 6] as const) { const r = checkRequirement(n, text); console.log(n, r.status, r.message.slice(0, 600)); }
