import type { ClassColumn } from '../../src/grading/classReport';
import { gradeStudentFolder, warmUpGrader } from './gradeStudent';
import { withoutMachinePaths } from './results';

/**
 * A grading process of the class pool (classPool.ts): it loads the grader, says `ready`, then grades one student folder per message
 * and answers with the cells, or with an error when the folder could not be graded. Run as
 * `node --import tsx scripts/grading/studentProcess.ts` with an IPC channel; it never exits on its own while
 * the pool is connected, and the pool kills it when a student runs past the time limit.
 */

export type GradeRequest = { readonly folder: string; readonly columns: readonly ClassColumn[] };
export type GradeReply =
  | { readonly kind: 'ready' }
  | { readonly kind: 'graded'; readonly cells: Awaited<ReturnType<typeof gradeStudentFolder>> }
  | { readonly kind: 'error'; readonly message: string };

const send = (reply: GradeReply): void => {
  process.send?.(reply);
};

process.on('message', (request: GradeRequest) => {
  gradeStudentFolder(request.folder, request.columns).then(
    (cells) => send({ kind: 'graded', cells }),
    (error: unknown) => {
      const text = error instanceof Error ? error.message : String(error);
      send({ kind: 'error', message: `The grader could not grade this folder: ${withoutMachinePaths(text, process.cwd(), request.folder)}` });
    },
  );
});
process.on('disconnect', () => process.exit(0));
// Loading the grader (the language model of Exercise 06, every exercise's checks) is not the student's time.
await warmUpGrader();
send({ kind: 'ready' });
