import { existsSync } from 'node:fs';
import type { StudentModule } from './checks';
import { loadStudentInRealm } from './realm/studentRealm';
import { gradeDir, studentPath } from './studentFile';

/**
 * The student's module for an exercise test (`npm run grade`): loaded from the folder graded into a realm of its
 * own (realm/studentRealm.ts), so nothing the file does at its top can change the checks. Messages name the
 * folder `<solution-dir>`, never a path of the grading machine.
 */
export function importStudentModule(exerciseId: string, file: string): StudentModule {
  if (!existsSync(studentPath(exerciseId, file))) {
    throw new Error(`${exerciseId}/${file} was not found in <solution-dir>: the submission must be laid out like exercises/`);
  }
  return loadStudentInRealm({ exerciseId, exerciseFolder: studentPath(exerciseId, '.'), file, shownRoot: '<solution-dir>', root: gradeDir() });
}
