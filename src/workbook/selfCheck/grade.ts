import { assertNever } from '../../domain/core/message';
import { readModelLabel } from './readModels';
import type { ChoiceFeedback, Grade, OrderQuestion, SelfCheckAnswer, SelfCheckQuestion } from './types';

/**
 * Grades one answer to one question: pure, so the same function runs behind the lesson's Check button and in
 * vitest. Every choice comes back with its explanation, picked or not, because why a wrong answer is wrong is what
 * the student came to learn.
 */
export function gradeAnswer(question: SelfCheckQuestion, answer: SelfCheckAnswer | undefined): Grade {
  switch (question.kind) {
    case 'choice': {
      const chosen = new Set(answer?.kind === 'choice' ? answer.chosen : []);
      const feedback = question.choices.map((choice) => ({ ...choice, picked: chosen.has(choice.id) }));
      return gradePicks(feedback, question.multiple);
    }
    case 'read-model': {
      const chosen = answer?.kind === 'read-model' ? answer.chosen : null;
      const feedback = question.choices.map((choice) => ({
        id: choice.readModel,
        text: readModelLabel(choice.readModel),
        correct: choice.correct,
        explanation: choice.explanation,
        picked: choice.readModel === chosen,
      }));
      return gradePicks(feedback, false);
    }
    case 'order':
      return gradeOrder(question, answer?.kind === 'order' ? answer.order : undefined);
    default:
      return assertNever(question);
  }
}

function gradePicks(feedback: readonly ChoiceFeedback[], multiple: boolean): Grade {
  const rightPicked = feedback.filter((choice) => choice.picked && choice.correct).length;
  const wrongPicked = feedback.filter((choice) => choice.picked && !choice.correct).length;
  const rightCount = feedback.filter((choice) => choice.correct).length;
  if (rightPicked + wrongPicked === 0) {
    return { verdict: 'unanswered', message: multiple ? 'Not answered: check every choice you think is right.' : 'Not answered: choose one.', feedback };
  }
  if (rightPicked === rightCount && wrongPicked === 0) return { verdict: 'right', message: 'Right.', feedback };
  if (!multiple || rightPicked === 0) {
    return { verdict: 'wrong', message: multiple ? 'Not right: none of the choices you checked is right.' : 'Not right.', feedback };
  }
  const missing = rightCount - rightPicked;
  const parts = [`${rightPicked} of ${rightCount} right choices checked`];
  if (missing > 0) parts.push(`${missing} right ${missing === 1 ? 'one' : 'ones'} left unchecked`);
  if (wrongPicked > 0) parts.push(`${wrongPicked} checked that ${wrongPicked === 1 ? 'is' : 'are'} not right`);
  return { verdict: 'partial', message: `Partly right: ${parts.join(', ')}.`, feedback };
}

function gradeOrder(question: OrderQuestion, order: readonly string[] | undefined): Grade {
  const rightIds = question.items.map((item) => item.id);
  const isPermutation = order !== undefined && order.length === rightIds.length && rightIds.every((id) => order.includes(id));
  // An order question is answered once the student moved something or pressed Check on the starting order.
  const placed = isPermutation ? order : startingOrder(question);
  const feedback = placed.map((id, index) => {
    const rightIndex = rightIds.indexOf(id);
    const item = question.items[rightIndex]!;
    return { id, text: item.text, picked: rightIndex === index, correct: true, rightPosition: rightIndex + 1, explanation: item.explanation };
  });
  if (!isPermutation) return { verdict: 'unanswered', message: 'Not answered: put the items in order, then check.', feedback };
  const inPlace = feedback.filter((item) => item.picked).length;
  if (inPlace === rightIds.length) return { verdict: 'right', message: 'Right: that is the order.', feedback };
  return { verdict: 'wrong', message: `Not right: ${inPlace} of ${rightIds.length} in the right place.`, feedback };
}

/**
 * The scrambled order a student starts from: the same every time (a reload shows the same puzzle), never the
 * answer itself. Items are dealt from both ends inwards, then rotated by the question id's length.
 */
export function startingOrder(question: OrderQuestion): readonly string[] {
  const ids = question.items.map((item) => item.id);
  const dealt: string[] = [];
  for (let low = 0, high = ids.length - 1; low <= high; low += 1, high -= 1) {
    dealt.push(ids[high]!);
    if (low !== high) dealt.push(ids[low]!);
  }
  const shift = question.id.length % dealt.length;
  const rotated = [...dealt.slice(shift), ...dealt.slice(0, shift)];
  return rotated.every((id, index) => id === ids[index]) ? [...rotated.slice(1), rotated[0]!] : rotated;
}

/** Moves one item of an order answer up (−1) or down (+1); the order is returned unchanged at either end. */
export function moveItem(order: readonly string[], id: string, by: -1 | 1): readonly string[] {
  const from = order.indexOf(id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= order.length) return order;
  const next = [...order];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}
