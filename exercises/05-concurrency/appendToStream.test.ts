import { describe, it } from 'vitest';
import { importStudentModule } from '../support/studentModule';
import { defineExerciseTests } from './checks';

const student = importStudentModule('05-concurrency', 'appendToStream.ts');

describe('Exercise 05: optimistic concurrency', () => {
  for (const check of defineExerciseTests(student).checks) it(check.name, check.run);
});
