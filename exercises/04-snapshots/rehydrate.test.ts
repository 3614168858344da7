import { describe, it } from 'vitest';
import { studentPath } from '../support/studentFile';
import { defineExerciseTests } from './checks';

const student = (await import(/* @vite-ignore */ studentPath('04-snapshots', 'rehydrate.ts'))) as Record<string, unknown>;

describe('Exercise 04: snapshot rehydration', () => {
  for (const check of defineExerciseTests(student).checks) it(check.name, check.run);
});
