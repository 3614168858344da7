/**
 * The Exercise 06 grader: pure functions (no DOM, no node APIs), shared by `npm run grade` (through the
 * exercise's vitest file) and the in-app Check button.
 */
export type { RequirementResult, RequirementStatus, ExerciseResult, GradeReport } from './types';
export { parseAnswersDocument } from './answersDocument';
export type { AnswersDocument, RequirementSection, QuestionAnswer, CodeBlock, MarkdownTable } from './answersDocument';
export { gradeExercise06, checkRequirement, EXERCISE_06_ID, REQUIREMENT_NUMBERS, REQUIREMENT_TITLES } from './exercise06';
export type { RequirementNumber } from './exercise06';
export { parseDiagram, componentOf, COMPONENTS } from './diagram';
export type { Diagram, DiagramEdge, Component } from './diagram';
export { parseRequirement5Events, foldOrder1001, lifecycleStageOf } from './orderEvents';
export type { AnswerEvent, ParsedEvents, Order1001State, FoldStep, Order1001Fold, LifecycleStage } from './orderEvents';
export { classCsv, csvCell, filesOfZip, gradeClass, studentNameOf, submissionsFrom } from './classroom';
export type { GradedSubmission, LoadedFile, Submission } from './classroom';
export { CLASS_REPORT_FORMAT, classReport, classReportCsv, classReportOfSubmissions, parseClassReport } from './classReport';
export type { CellStatus, ClassCell, ClassColumn, ClassReport, ClassStudent } from './classReport';
