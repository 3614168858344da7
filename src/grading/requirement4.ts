import type { RequirementSection } from './answersDocument';
import { judgeQuestions } from './questionAnswers';
import { REQUIREMENT_4_QUESTIONS } from './rubrics/requirement4.rubric';
import { fail, pass } from './result';
import type { RequirementResult } from './types';

/** Requirement 4, event sourcing concepts: four answers judged on meaning. */
export function checkRequirement4(section: RequirementSection): RequirementResult {
  const problems = judgeQuestions(section, REQUIREMENT_4_QUESTIONS);
  return problems.length > 0 ? fail(4, problems) : pass(4, 'All four event sourcing answers say what they need to.');
}
