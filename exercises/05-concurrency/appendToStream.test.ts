import { describe, it } from 'vitest';
import { studentPath } from '../support/studentFile';
import { defineExerciseTests } from './checks';

const student = (await import(/* @vite-ignore */ studentPath('05-concurrency', 'appendToStream.ts'))) as Record<string, unknown>;

describe('Exercise 05: optimistic concurrency', () => {
  for (const check of defineExerciseTests(student).checks) it(check.name, check.run);
});
