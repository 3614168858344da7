import { resolve } from 'node:path';

/**
 * Where an exercise's test finds the student's file: `<GRADE_DIR>/<exerciseId>/<file>`, GRADE_DIR defaulting to
 * `exercises` (the working copy). `npm run grade -- --dir <folder>` points it at a submission folder instead, and
 * the maintainers' proof points it at `exercises/_solutions`. Relative folders are taken from the current directory.
 */
export function studentPath(exerciseId: string, file: string): string {
  return resolve(process.env['GRADE_DIR'] ?? 'exercises', exerciseId, file);
}
