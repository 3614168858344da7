import { describe, expect, it } from 'vitest';
import { checkRequirement } from '../../src/grading';
import type { RequirementNumber } from '../../src/grading';
import type { CorpusCase } from './corpus/case';
import { REQUIREMENT_1_CORPUS } from './corpus/requirement1.corpus';
import { REQUIREMENT_2_CORPUS } from './corpus/requirement2.corpus';
import { REQUIREMENT_3_CORPUS } from './corpus/requirement3.corpus';
import { REQUIREMENT_4_CORPUS } from './corpus/requirement4.corpus';
import { REQUIREMENT_5_CORPUS } from './corpus/requirement5.corpus';
import { REQUIREMENT_6_CORPUS } from './corpus/requirement6.corpus';

/**
 * The grader against an independent corpus: answers written and judged by a teacher, not derived from the rubrics.
 * Not one assertion per case: agreement per requirement is measured and printed with every disagreement, and the
 * whole must agree at least 95% of the time, with no wrong answer passed.
 */
const CORPUS: readonly (readonly [RequirementNumber, readonly CorpusCase[]])[] = [
  [1, REQUIREMENT_1_CORPUS],
  [2, REQUIREMENT_2_CORPUS],
  [3, REQUIREMENT_3_CORPUS],
  [4, REQUIREMENT_4_CORPUS],
  [5, REQUIREMENT_5_CORPUS],
  [6, REQUIREMENT_6_CORPUS],
];

type Disagreement = { readonly requirement: number; readonly name: string; readonly verdict: string; readonly message: string };

type Tally = {
  readonly requirement: number;
  readonly rightPassed: number;
  readonly right: number;
  readonly wrongFailed: number;
  readonly wrong: number;
  readonly mentionsMissed: number;
  readonly disagreements: readonly Disagreement[];
};

function grade(n: RequirementNumber, cases: readonly CorpusCase[]): Tally {
  let rightPassed = 0;
  let wrongFailed = 0;
  let mentionsMissed = 0;
  const disagreements: Disagreement[] = [];
  for (const c of cases) {
    const result = checkRequirement(n, `# Answers\n\n## Requirement ${n}\n\n${c.section}\n`);
    if (result.status === c.verdict) {
      if (c.verdict === 'pass') rightPassed += 1;
      else {
        wrongFailed += 1;
        if (c.mentions && !result.message.toLowerCase().includes(c.mentions.toLowerCase())) mentionsMissed += 1;
      }
    } else {
      disagreements.push({ requirement: n, name: c.name, verdict: c.verdict, message: result.message });
    }
  }
  const right = cases.filter((c) => c.verdict === 'pass').length;
  return { requirement: n, rightPassed, right, wrongFailed, wrong: cases.length - right, mentionsMissed, disagreements };
}

const percent = (a: number, b: number): string => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);

describe('the grader against the independent teacher corpus', () => {
  it('every requirement has a corpus of right and wrong answers, with unique names', () => {
    for (const [, cases] of CORPUS) {
      expect(cases.filter((c) => c.verdict === 'pass').length).toBeGreaterThanOrEqual(20);
      expect(cases.filter((c) => c.verdict === 'fail').length).toBeGreaterThanOrEqual(15);
      expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
      for (const c of cases) expect(c.why.length, c.name).toBeGreaterThan(0);
    }
    expect(CORPUS.reduce((sum, [, cases]) => sum + cases.length, 0)).toBeGreaterThanOrEqual(330);
  });

  it('agrees with the teacher on at least 95% of the answers and passes no wrong answer', { timeout: 120_000 }, () => {
    const tallies = CORPUS.map(([n, cases]) => grade(n, cases));
    const lines = tallies.map(
      (t) =>
        `Requirement ${t.requirement}: agreement ${percent(t.rightPassed + t.wrongFailed, t.right + t.wrong)}` +
        ` (right passed ${t.rightPassed}/${t.right}, wrong failed ${t.wrongFailed}/${t.wrong}` +
        `${t.mentionsMissed ? `, ${t.mentionsMissed} failure messages without the expected term` : ''})`,
    );
    const all = tallies.flatMap((t) => t.disagreements);
    const agreed = tallies.reduce((sum, t) => sum + t.rightPassed + t.wrongFailed, 0);
    const total = tallies.reduce((sum, t) => sum + t.right + t.wrong, 0);
    lines.push(`Overall: ${agreed}/${total} (${percent(agreed, total)})`);
    if (all.length > 0) {
      lines.push('', 'Disagreements (requirement, teacher verdict, case: grader message):');
      for (const d of all) lines.push(`  R${d.requirement} [teacher: ${d.verdict}] ${d.name}: ${d.message.replace(/\s+/g, ' ').slice(0, 300)}`);
    }
    console.log(lines.join('\n'));

    const wrongPassed = all.filter((d) => d.verdict === 'fail');
    expect(agreed / total, lines.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(wrongPassed.map((d) => `R${d.requirement}: ${d.name}`), 'wrong answers the grader passed').toEqual([]);
  });
});
