import { describe, it } from 'vitest';
import { importStudentModule } from '../support/studentModule';
import { defineExerciseTests } from './checks';

const student = importStudentModule('07-upcaster', 'upcaster.ts');

describe('Exercise 07: an upcaster', () => {
  for (const check of defineExerciseTests(student).checks) it(check.name, check.run);
});
