/**
 * A lesson's self-check: three to five questions a student answers at the end of the lesson, graded in the browser
 * (grade.ts) with an explanation for every choice. The questions are content (content/self-checks/), typed here so
 * that a question without explanations, or naming a read model that does not exist, does not compile.
 */

/** The read models of src/projections (their projection names); test/workbook/selfCheck checks the list is real. */
export type ReadModelName = 'orders' | 'orderSummary' | 'topCustomers' | 'users';

/** One answer a student can pick, and why it is right or wrong: shown after they check their answer. */
export type Choice = {
  /** Unique within its question; kept in the student's saved answer. */
  readonly id: string;
  /** What the student reads. Text in `backticks` is shown as code. */
  readonly text: string;
  readonly correct: boolean;
  readonly explanation: string;
};

/** Pick one (radio buttons) or several (checkboxes) of the choices. */
export type ChoiceQuestion = {
  readonly kind: 'choice';
  readonly id: string;
  readonly prompt: string;
  /** True: check every right one (any number); false: exactly one choice is right. */
  readonly multiple: boolean;
  readonly choices: readonly Choice[];
};

/** One event (or step) of an order question, and why it stands where it does. */
export type OrderItem = {
  readonly id: string;
  readonly text: string;
  readonly explanation: string;
};

/** Put the items in order with move-up / move-down buttons. */
export type OrderQuestion = {
  readonly kind: 'order';
  readonly id: string;
  readonly prompt: string;
  /** In the right order. The student starts from a scrambled order (startingOrder in grade.ts). */
  readonly items: readonly OrderItem[];
};

/** Which of the workbook's read models answers this query. */
export type ReadModelChoice = {
  readonly readModel: ReadModelName;
  readonly correct: boolean;
  readonly explanation: string;
};

export type ReadModelQuestion = {
  readonly kind: 'read-model';
  readonly id: string;
  /** The query, in a person's words or as a seed's endpoint. */
  readonly prompt: string;
  readonly choices: readonly ReadModelChoice[];
};

export type SelfCheckQuestion = ChoiceQuestion | OrderQuestion | ReadModelQuestion;

/** The self-check of one lesson. */
export type SelfCheck = {
  /** The lesson's id in content/index.ts. */
  readonly lessonId: string;
  readonly questions: readonly SelfCheckQuestion[];
};

/** What a student answered to one question; saved in ProgressDb and in the progress file. */
export type SelfCheckAnswer =
  | { readonly kind: 'choice'; readonly chosen: readonly string[] }
  | { readonly kind: 'order'; readonly order: readonly string[] }
  | { readonly kind: 'read-model'; readonly chosen: ReadModelName | null };

/** right: exactly right; partial: some right choices of a multiple-choice question, not all or with wrong ones. */
export type Verdict = 'right' | 'partial' | 'wrong' | 'unanswered';

/** What the student sees beside one choice (or one item of an order question) once they checked. */
export type ChoiceFeedback = {
  readonly id: string;
  readonly text: string;
  /** A choice the student picked; for an order item, whether it stands in its right place. */
  readonly picked: boolean;
  /** A right choice; for an order item, always true (its explanation says where it belongs). */
  readonly correct: boolean;
  /** For an order item: its position (1-based) in the right order. */
  readonly rightPosition?: number;
  readonly explanation: string;
};

export type Grade = {
  readonly verdict: Verdict;
  /** One sentence in the student's terms: "Right.", "2 of 3 right choices, and 1 that is not." */
  readonly message: string;
  readonly feedback: readonly ChoiceFeedback[];
};
