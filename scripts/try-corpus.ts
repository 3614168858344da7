import { checkRequirement } from '../src/grading';
import { REQUIREMENT_1_CORPUS } from '../test/grading/corpus/requirement1.corpus';
import { REQUIREMENT_3_CORPUS } from '../test/grading/corpus/requirement3.corpus';
import { REQUIREMENT_4_CORPUS } from '../test/grading/corpus/requirement4.corpus';
import { REQUIREMENT_5_CORPUS } from '../test/grading/corpus/requirement5.corpus';
import { REQUIREMENT_6_CORPUS } from '../test/grading/corpus/requirement6.corpus';
import { REQUIREMENT_2_CORPUS } from '../test/grading/corpus/requirement2.corpus';
import { claimsOf } from '../src/grading/language/claims';
import { judgeAnswer } from '../src/grading/rubric';
import { REQUIREMENT_1_QUESTIONS } from '../src/grading/rubrics/requirement1.rubric';
import { REQUIREMENT_4_QUESTIONS } from '../src/grading/rubrics/requirement4.rubric';

const only = process.argv[2] ? Number(process.argv[2]) : undefined;
const MATCH1 = [/stand|acronym|core idea|cqrs mean|abbrev/i, /command/i, /quer/i, /read.?model|projection|differ/i, /trigger|update|refresh|kept|up to date|caus/i];
const MATCH4 = [/state|persist|differ|tradition|crud/i, /store/i, /replay/i, /snapshot/i];
function sections(section: string): { heading: string; text: string }[] {
  return section.split(/^###\s+/m).slice(1).map((chunk) => ({ heading: chunk.split('\n')[0]!, text: chunk.split('\n').slice(1).join('\n') }));
}
function byQuestion(n: 1 | 4, section: string): string[] {
  const qs = n === 1 ? REQUIREMENT_1_QUESTIONS : REQUIREMENT_4_QUESTIONS;
  const matchers = n === 1 ? MATCH1 : MATCH4;
  const parts = sections(section);
  const problems: string[] = [];
  const used = new Set<number>();
  qs.forEach((q, i) => {
    let idx = parts.findIndex((p, k) => !used.has(k) && matchers[i]!.test(p.heading) && (i !== 1 || n !== 1 || !/quer|stand|read.?model/i.test(p.heading)) && (i !== 4 || n !== 1 || !/stand/i.test(p.heading)));
    if (idx === -1) { problems.push(`Q${i + 1} heading not found`); return; }
    used.add(idx);
    const j = judgeAnswer(`Q${i + 1}`, q.rubric, parts[idx]!.text);
    if (!j.ok) {
      problems.push(j.problem);
      if (process.env.SHOW) problems.push(`\n      TEXT: ${parts[idx]!.text.trim().replace(/\n+/g, ' ')}\n` + claimsOf(parts[idx]!.text, q.rubric.topic).map((cl) => `        ${cl.negated ? 'NOT ' : ''}[${cl.agent}] ${cl.action.join('/')} [${cl.patient}]`).join('\n'));
    }
  });
  return problems;
}
const corpora = [[1, REQUIREMENT_1_CORPUS], [2, REQUIREMENT_2_CORPUS], [3, REQUIREMENT_3_CORPUS], [4, REQUIREMENT_4_CORPUS], [5, REQUIREMENT_5_CORPUS], [6, REQUIREMENT_6_CORPUS]] as const;
let agree = 0, total = 0;
for (const [n, cases] of corpora) {
  if (only !== undefined && only !== n) continue;
  let a = 0;
  for (const c of cases) {
    let status: string, message: string;
    if (n === 1 || n === 4) { const p = byQuestion(n, c.section); status = p.length ? 'fail' : 'pass'; message = p.join(' | '); }
    else { const r = checkRequirement(n, `# A\n\n## Requirement ${n}\n\n${c.section}\n`); status = r.status; message = r.message; }
    if (status === c.verdict) a += 1;
    else console.log(`R${n} [${c.verdict}] ${c.name} :: ${c.why}\n    -> ${message.slice(0, process.env.SHOW ? 3000 : 400)}`);
  }
  console.log(`== R${n}: ${a}/${cases.length}`);
  agree += a; total += cases.length;
}
console.log(`== all ${agree}/${total}`);
