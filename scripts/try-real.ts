import { checkRequirement } from '../src/grading';
import { REQUIREMENT_1_CORPUS } from '../test/grading/corpus/requirement1.corpus';
import { REQUIREMENT_2_CORPUS } from '../test/grading/corpus/requirement2.corpus';
import { REQUIREMENT_3_CORPUS } from '../test/grading/corpus/requirement3.corpus';
import { REQUIREMENT_4_CORPUS } from '../test/grading/corpus/requirement4.corpus';
import { REQUIREMENT_5_CORPUS } from '../test/grading/corpus/requirement5.corpus';
import { REQUIREMENT_6_CORPUS } from '../test/grading/corpus/requirement6.corpus';
const corpora = { 1: REQUIREMENT_1_CORPUS, 2: REQUIREMENT_2_CORPUS, 3: REQUIREMENT_3_CORPUS, 4: REQUIREMENT_4_CORPUS, 5: REQUIREMENT_5_CORPUS, 6: REQUIREMENT_6_CORPUS } as const;
const n = Number(process.argv[2]) as 1 | 2 | 3 | 4 | 5 | 6;
let ok = 0;
for (const c of corpora[n]) {
  const r = checkRequirement(n, `# A\n\n## Requirement ${n}\n\n${c.section}\n`);
  if (r.status === c.verdict) ok += 1;
  else console.log(`[${c.verdict}] ${c.name} :: ${c.why}\n   -> ${r.message.slice(0, 700)}`);
}
console.log(`== R${n} ${ok}/${corpora[n].length}`);
