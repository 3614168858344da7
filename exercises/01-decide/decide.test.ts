import { describe, it } from 'vitest';
import { studentPath } from '../support/studentFile';
import { defineExerciseTests } from './checks';

const student = (await import(/* @vite-ignore */ studentPath('01-decide', 'decide.ts'))) as Record<string, unknown>;

describe('Exercise 01: decide', () => {
  for (const check of defineExerciseTests(student).checks) it(check.name, check.run);
});
