import { describe, it } from 'vitest';
import { studentPath } from '../support/studentFile';
import { defineExerciseTests } from './checks';

const student = (await import(/* @vite-ignore */ studentPath('07-upcaster', 'upcaster.ts'))) as Record<string, unknown>;

describe('Exercise 07: an upcaster', () => {
  for (const check of defineExerciseTests(student).checks) it(check.name, check.run);
});
