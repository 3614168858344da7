import { isUnanswered } from './answersDocument';
import type { RequirementSection } from './answersDocument';
import { foldOrder1001, isOrder1001, lifecycleStageOf, orderIdOf, parseRequirement5Events } from './orderEvents';
import { lifecycleTransitionProblems } from './orderLifecycle';
import type { AnswerEvent } from './orderEvents';
import { judgeAnswer } from './rubric';
import { STATE_DERIVATION } from './rubrics/requirement5.rubric';
import { fail, pass } from './result';
import type { RequirementResult } from './types';

/**
 * Requirement 5: four events in lifecycle order, each naming its order, every transition one the order state
 * machine allows (orderLifecycle.ts); order #1001 (placed, paid, shipped) folds
 * to `shipped`; the prose derives the state by applying the events in order.
 */
export function checkRequirement5(section: RequirementSection): RequirementResult {
  const parsed = parseRequirement5Events(section.body);
  const problems: string[] = [];
  if (parsed.events.length === 0) {
    return fail(5, [parsed.problems.length > 0 ? `requirement 5: ${parsed.problems.join('; ')}` : 'requirement 5 has no events: write them as JSON in ```json blocks']);
  }
  problems.push(...parsed.problems.map((p) => `requirement 5: ${p}`));
  problems.push(...lifecycleProblems(parsed.events));

  const fold = foldOrder1001(parsed.events);
  if (parsed.events.some(isOrder1001)) {
    if (fold.state.status !== 'shipped') {
      const path = fold.steps.filter((s) => s.applied).map((s) => s.event.type).join(' → ');
      problems.push(
        `applying your events for order 1001 in the order written (${path}) ends in '${fold.state.status}', not 'shipped': order 1001 was placed, paid, then shipped`,
      );
    }
  } else {
    problems.push('none of your events is for order 1001: give the payloads an "orderId": "1001" so its state can be derived');
  }

  if (isUnanswered(section.prose.replace(/\|.*\|/g, ''))) {
    problems.push('requirement 5 has no explanation of how order 1001’s state is derived from the events');
  } else {
    const judgement = judgeAnswer('Your explanation', STATE_DERIVATION, section.prose);
    if (!judgement.ok) problems.push(judgement.problem);
  }
  return problems.length > 0
    ? fail(5, problems)
    : pass(5, `Four lifecycle events; order 1001 folds to shipped (${fold.steps.filter((s) => s.applied).map((s) => s.event.type).join(' → ')}).`);
}

/** `PlaceOrder`, `Ship_Order`, `pay-order`: an imperative verb first, then the order. */
const IMPERATIVE = /^(?:place|pay|ship|create|cancel|deliver|confirm|process|submit|refund|update|delete|complete|start)[\s_-]*order\b/i;

function lifecycleProblems(events: readonly AnswerEvent[]): string[] {
  const problems: string[] = [];
  const types = [...new Set(events.map((e) => e.type))];
  if (types.length < 4) {
    problems.push(`your events have ${types.length} different type${types.length === 1 ? '' : 's'} (${types.join(', ')}); the lifecycle needs four, e.g. OrderPlaced, OrderPaid, OrderShipped, OrderDelivered`);
  }
  const stages = events.map((e) => lifecycleStageOf(e.type));
  for (const needed of ['placed', 'paid', 'shipped'] as const) {
    if (!stages.includes(needed)) {
      const example = { placed: 'OrderPlaced (or OrderCreated)', paid: 'OrderPaid', shipped: 'OrderShipped' }[needed];
      problems.push(`your events have no event for the order being ${needed}, such as ${example}`);
    }
  }
  const imperative = types.filter((type) => IMPERATIVE.test(type));
  if (imperative.length > 0) {
    problems.push(
      `${imperative.join(', ')} ${imperative.length === 1 ? 'is' : 'are'} named like ${imperative.length === 1 ? 'a command' : 'commands'} (a request to do something); an event records a fact that already happened, named in the past tense, such as OrderPlaced or OrderShipped`,
    );
  }
  problems.push(...lifecycleTransitionProblems(events));
  const unnamed = events.filter((e) => orderIdOf(e) === undefined).map((e) => e.type);
  if (unnamed.length > 0) {
    problems.push(`the payload of ${unnamed.join(', ')} does not say which order it is about (add "orderId": "1001")`);
  }
  return problems;
}
