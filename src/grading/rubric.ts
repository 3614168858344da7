import { claims, prepare, says } from './meaning';

/**
 * A rubric is data: the ideas a correct answer must contain and the misconceptions that make it wrong, each
 * written as patterns (see meaning.ts). Judging one answer = every idea said, no misconception claimed.
 */
export type Idea = {
  /** Completes "… doesn't say …": "that events are never changed after they are stored". */
  readonly says: string;
  readonly patterns: readonly string[];
};

export type Misconception = {
  /** Completes "… says …": "that queries change state". */
  readonly says: string;
  /** What is true instead, in one clause. */
  readonly correction: string;
  readonly patterns: readonly string[];
};

export type AnswerRubric = {
  readonly ideas: readonly Idea[];
  readonly misconceptions: readonly Misconception[];
};

export type Judgement = { readonly ok: true } | { readonly ok: false; readonly problem: string };

/** Judges one answer; `subject` names it in the message ("Question 2", "The CQRS cell of 'Data consistency'"). */
export function judgeAnswer(subject: string, rubric: AnswerRubric, text: string): Judgement {
  const answer = prepare(text);
  for (const misconception of rubric.misconceptions) {
    if (claims(answer, misconception.patterns)) {
      return { ok: false, problem: `${subject} says ${misconception.says}, but ${misconception.correction}` };
    }
  }
  const missing = rubric.ideas.filter((idea) => !says(answer, idea.patterns));
  if (missing.length > 0) {
    return { ok: false, problem: `${subject} doesn't say ${joinIdeas(missing.map((idea) => idea.says))}` };
  }
  return { ok: true };
}

function joinIdeas(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} or ${parts.at(-1)}`;
}
