import { describe, it } from 'vitest';
import { studentPath } from '../support/studentFile';
import { defineExerciseTests } from './checks';

const student = (await import(/* @vite-ignore */ studentPath('02-evolve', 'evolve.ts'))) as Record<string, unknown>;

describe('Exercise 02: evolve', () => {
  for (const check of defineExerciseTests(student).checks) it(check.name, check.run);
});
