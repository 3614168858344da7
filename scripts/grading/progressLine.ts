/**
 * The class run's progress on stderr: students done out of the total and how many could not be graded so far.
 * On a terminal one line is rewritten in place; anywhere else (a CI log, a pipe) each step is a line of its own.
 */

export type ProgressStream = { readonly isTTY?: boolean; write(text: string): unknown };

export function progressText(done: number, total: number, errors: number, elapsedMs: number): string {
  const failures = errors === 0 ? 'no failures so far' : `${errors} ${errors === 1 ? 'failure' : 'failures'} so far (could not be graded)`;
  return `Graded ${done}/${total} students, ${failures}, ${(elapsedMs / 1000).toFixed(1)} s`;
}

export function progressLine(stream: ProgressStream, total: number, now: () => number = Date.now): {
  update(done: number, errors: number): void;
  finish(): void;
} {
  const started = now();
  const tty = stream.isTTY === true;
  let shown = false;
  return {
    update(done, errors) {
      const text = progressText(done, total, errors, now() - started);
      stream.write(tty ? `\r\u001b[2K${text}` : `${text}\n`);
      shown = true;
    },
    finish() {
      if (tty && shown) stream.write('\n');
    },
  };
}
