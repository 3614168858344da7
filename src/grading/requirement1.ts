import type { RequirementSection } from './answersDocument';
import { orderServiceExamples } from './orderServiceExamples';
import { judgeQuestions } from './questionAnswers';
import { REQUIREMENT_1_QUESTIONS } from './rubrics/requirement1.rubric';
import { fail, pass } from './result';
import type { RequirementResult } from './types';

/** Requirement 1, CQRS concepts: five answers judged on meaning, plus two Order Service examples each for commands and queries. */
export function checkRequirement1(section: RequirementSection): RequirementResult {
  const problems = judgeQuestions(section, REQUIREMENT_1_QUESTIONS, (index, text) => {
    if (index === 1 && orderServiceExamples(text, 'command').length < 2) {
      return 'needs two command examples from the Order Service (e.g. PlaceOrder, CancelOrder)';
    }
    if (index === 2 && orderServiceExamples(text, 'query').length < 2) {
      return 'needs two query examples from the Order Service (e.g. GetOrderById, ListOrdersByCustomer)';
    }
    return undefined;
  });
  return problems.length > 0 ? fail(1, problems) : pass(1, 'All five CQRS answers say what they need to.');
}
