import { describe, it } from 'vitest';
import { studentPath } from '../support/studentFile';
import { defineExerciseTests } from './checks';

const student = (await import(/* @vite-ignore */ studentPath('03-projection', 'projection.ts'))) as Record<string, unknown>;

describe('Exercise 03: a projection (orders by customer)', () => {
  for (const check of defineExerciseTests(student).checks) it(check.name, check.run);
});
