/**
 * `npm run self-checks`: writes docs/self-checks.md, the lessons' self-check questions with their answers and
 * explanations, for instructors. test/workbook/selfCheck/instructorMarkdown.test.ts fails when the committed file is
 * not what this writes.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lessons } from '../content/index';
import { selfChecks } from '../content/self-checks/index';
import { selfChecksMarkdown } from '../src/workbook/selfCheck/instructorMarkdown';

export const selfChecksDocPath = fileURLToPath(new URL('../docs/self-checks.md', import.meta.url));

writeFileSync(selfChecksDocPath, selfChecksMarkdown(selfChecks, lessons));
console.log(`Wrote ${selfChecksDocPath}.`);
