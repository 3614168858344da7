import { describe, it } from 'vitest';
import { importStudentModule } from '../support/studentModule';
import { defineExerciseTests } from './checks';

const student = importStudentModule('01-decide', 'decide.ts');

describe('Exercise 01: decide', () => {
  for (const check of defineExerciseTests(student).checks) it(check.name, check.run);
});
