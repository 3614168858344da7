import type { QuestionAnswer, RequirementSection } from './answersDocument';
import { isUnanswered } from './answersDocument';
import { claimsOf } from './language/claims';
import { sentencesOf } from './language/tokens';
import { prepare, says } from './meaning';
import { judgeAnswer } from './rubric';
import { REQUIREMENT_6_SCENARIOS, verdictOf } from './rubrics/requirement6.rubric';
import { fail, pass } from './result';
import { readVerdict } from './verdict';
import type { RequirementResult } from './types';

/** Requirement 6: for each scenario a verdict matching the seed (in any clear form, see verdict.ts), and reasons naming the deciding factor. */
export function checkRequirement6(section: RequirementSection): RequirementResult {
  const problems: string[] = [];
  const unclaimed = [...section.questions];
  for (const scenario of REQUIREMENT_6_SCENARIOS) {
    const index = unclaimed.findIndex((q) => scenario.heading.test(q.heading));
    if (index === -1) {
      problems.push(`there is no '###' heading for the scenario '${scenario.name}'`);
      continue;
    }
    const answer: QuestionAnswer = unclaimed.splice(index, 1)[0]!;
    const written = readVerdict(answer.text) ?? '';
    if (isUnanswered(written)) {
      problems.push(`the scenario '${scenario.name}' has no verdict: choose one (a line 'Verdict: good fit', 'Verdict: not a good fit' or 'Verdict: partial fit')`);
      continue;
    }
    // "good fit — not worth the cost elsewhere": the verdict is the words before the first dash, comma or bracket.
    const verdict = verdictOf(written.split(/\s[-—–]\s|[—–(,;:]|\.\s/)[0]!);
    if (verdict === undefined) {
      problems.push(`the verdict '${written}' for '${scenario.name}' is not one of good fit, not a good fit, partial fit`);
      continue;
    }
    if (!scenario.accepted.includes(verdict)) {
      problems.push(`your verdict for '${scenario.name}' is '${verdict}', but it is ${scenario.accepted.map((each) => `'${each}'`).join(' or ')}: ${scenario.because}`);
      continue;
    }
    const reasons = answer.text.replace(written.split(/\s[-—–]\s|[—–(,;:]|\.\s/)[0]!, ' ');
    const judgement = judgeAnswer(`Your reasons for '${scenario.name}'`, { ideas: [], misconceptions: scenario.misconceptions }, reasons);
    if (!judgement.ok) {
      problems.push(judgement.problem);
      continue;
    }
    if (!assertedSentences(reasons).some((sentence) => says(prepare(sentence), scenario.factor.patterns))) {
      problems.push(`your reasons for '${scenario.name}' don't name ${scenario.factor.says} in a sentence that says something about it`);
    }
  }
  return problems.length > 0 ? fail(6, problems) : pass(6, 'All three scenarios have the right verdict and the deciding factor.');
}

/**
 * The reasons' sentences that say something: "CRUD, complexity, 50 employees." strings terms together and claims
 * nothing, while "too small and simple; CRUD suffices" says what the system is.
 */
function assertedSentences(reasons: string): string[] {
  return sentencesOf(reasons).filter((sentence) => claimsOf(sentence).length > 0 || sentence.split(',').filter((part) => part.trim().split(/\s+/).length <= 2).length < 3);
}
