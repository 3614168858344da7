import { fork, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClassCell, ClassColumn } from '../../src/grading/classReport';
import { withoutMachinePaths } from './results';
import type { GradeReply, GradeRequest } from './studentProcess';

/**
 * Grades many student folders at once: `jobs` grading processes (studentProcess.ts), each grading one student at a
 * time and reused for the next. A student that runs past the time limit (a loop that never ends, in their code or
 * at the top of their file) has their process killed and is reported as an error; so is a process that dies
 * (out of memory, a crash). Either way the run goes on with a fresh process for the next student.
 */

export type StudentToGrade = { readonly name: string; readonly folder: string };
export type GradedStudent =
  | { readonly name: string; readonly cells: readonly ClassCell[] }
  | { readonly name: string; readonly error: string };

export type PoolOptions = {
  readonly jobs: number;
  readonly timeLimitMs: number;
  /** Called as each student is done, in the order they finish. */
  readonly onGraded?: (student: GradedStudent, done: number, total: number) => void;
};

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const processScript = join(repositoryRoot, 'scripts', 'grading', 'studentProcess.ts');
/** A student may use this much heap; past it their process dies, and they are reported as an error. */
const HEAP_LIMIT_MB = 1024;

export async function gradeStudentsInPool(students: readonly StudentToGrade[], columns: readonly ClassColumn[], options: PoolOptions): Promise<GradedStudent[]> {
  const results: GradedStudent[] = new Array(students.length);
  let next = 0;
  let done = 0;
  const lane = async (): Promise<void> => {
    let worker: GradingProcess | undefined;
    try {
      while (next < students.length) {
        const index = next++;
        const student = students[index]!;
        worker ??= new GradingProcess();
        const outcome = await worker.grade(student.folder, columns, options.timeLimitMs);
        if (outcome.kind !== 'graded') {
          worker.kill();
          worker = undefined;
        }
        results[index] = outcome.kind === 'graded' ? { name: student.name, cells: outcome.cells } : { name: student.name, error: outcome.message };
        done += 1;
        options.onGraded?.(results[index]!, done, students.length);
      }
    } finally {
      worker?.kill();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.jobs, students.length)) }, lane));
  return results;
}

type Outcome = { readonly kind: 'graded'; readonly cells: readonly ClassCell[] } | { readonly kind: 'error'; readonly message: string };

/** One grading process, started once and reused; `grade` never rejects. */
class GradingProcess {
  private readonly child: ChildProcess;
  private readonly ready: Promise<boolean>;
  private stderrTail = '';
  private onReply: ((reply: GradeReply) => void) | undefined;
  private onExit: ((why: string) => void) | undefined;

  constructor() {
    this.child = fork(processScript, [], {
      cwd: repositoryRoot,
      execArgv: ['--import', 'tsx', `--max-old-space-size=${HEAP_LIMIT_MB}`],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    this.child.stderr?.on('data', (chunk: Buffer) => (this.stderrTail = (this.stderrTail + chunk.toString()).slice(-2000)));
    this.child.on('message', (reply: GradeReply) => this.onReply?.(reply));
    const exited = (why: string): void => this.onExit?.(why);
    this.child.on('exit', (code, signal) => exited(signal !== null ? `signal ${signal}` : `exit code ${code}`));
    this.child.on('error', (error) => exited(error.message));
    this.ready = new Promise((resolveReady) => {
      this.onReply = (reply) => resolveReady(reply.kind === 'ready');
      this.onExit = () => resolveReady(false);
    });
  }

  async grade(folder: string, columns: readonly ClassColumn[], timeLimitMs: number): Promise<Outcome> {
    if (!(await this.ready)) return { kind: 'error', message: `The grading process did not start: ${this.stderrShown(folder)}` };
    return new Promise<Outcome>((resolveOutcome) => {
      const timer = setTimeout(() => {
        settle({ kind: 'error', message: `Grading this folder took longer than the time limit of ${timeLimitMs / 1000} s, so it was stopped: does some code loop forever (a while loop whose condition never changes, a recursion without an end)?` });
      }, timeLimitMs);
      const settle = (outcome: Outcome): void => {
        clearTimeout(timer);
        this.onReply = undefined;
        this.onExit = undefined;
        resolveOutcome(outcome);
      };
      this.onReply = (reply) => {
        if (reply.kind === 'graded') settle({ kind: 'graded', cells: reply.cells });
        else if (reply.kind === 'error') settle({ kind: 'error', message: reply.message });
      };
      this.onExit = (why) => settle({ kind: 'error', message: `The grading process stopped (${why}) while grading this folder: it ran out of memory or crashed. ${this.stderrShown(folder)}`.trim() });
      const request: GradeRequest = { folder, columns };
      this.child.send(request);
    });
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }

  private stderrShown(folder: string): string {
    const tail = this.stderrTail.trim().split('\n').slice(-6).join('\n');
    return withoutMachinePaths(tail, repositoryRoot, folder);
  }
}
