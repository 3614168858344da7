/**
 * What a check says about one requirement. The same shape is shown by the in-app Check button, printed by
 * `npm run grade`, and written to `--json` (see DESIGN.md, "Grading contract").
 */
export type RequirementStatus = 'pass' | 'fail';

export type RequirementResult = {
  /** The requirement number as a string (`'1'`..`'6'` for Exercise 06), or a coding exercise's test name. */
  readonly id: string;
  readonly status: RequirementStatus;
  /** On fail: what is missing, in the student's terms. On pass: what the answer got right, briefly. */
  readonly message: string;
};

export type ExerciseResult = {
  /** The exercise folder name, e.g. `06-cqrs-event-sourcing`. */
  readonly id: string;
  readonly requirements: readonly RequirementResult[];
};

export type GradeReport = { readonly exercises: readonly ExerciseResult[] };
