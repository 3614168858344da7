import { claimsOf } from '../src/grading/language/claims';
import { REQUIREMENT_1_CORPUS } from '../test/grading/corpus/requirement1.corpus';
import { REQUIREMENT_4_CORPUS } from '../test/grading/corpus/requirement4.corpus';
import { REQUIREMENT_5_CORPUS } from '../test/grading/corpus/requirement5.corpus';
import { REQUIREMENT_6_CORPUS } from '../test/grading/corpus/requirement6.corpus';
const all = [...REQUIREMENT_1_CORPUS, ...REQUIREMENT_4_CORPUS, ...REQUIREMENT_5_CORPUS, ...REQUIREMENT_6_CORPUS];
const [name, q] = process.argv.slice(2);
const c = all.find((x) => x.name === name)!;
const parts = c.section.split(/^###\s+/m).slice(1);
for (const part of parts) {
  const [heading, ...rest] = part.split('\n');
  if (q && !new RegExp(q, 'i').test(heading!)) continue;
  console.log('###', heading);
  for (const s of rest.join('\n').trim().split('\n').filter(Boolean)) console.log('  ', s);
  for (const cl of claimsOf(rest.join('\n'), [])) console.log(`     ${cl.negated ? 'NOT ' : ''}[${cl.agent}] ${cl.action.join('/')} [${cl.patient}]`);
}
