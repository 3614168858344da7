import { describe, it } from 'vitest';
import { importStudentModule } from '../support/studentModule';
import { defineExerciseTests } from './checks';

const student = importStudentModule('03-projection', 'projection.ts');

describe('Exercise 03: a projection (orders by customer)', () => {
  for (const check of defineExerciseTests(student).checks) it(check.name, check.run);
});
