import { describe, it } from 'vitest';
import { importStudentModule } from '../support/studentModule';
import { defineExerciseTests } from './checks';

const student = importStudentModule('04-snapshots', 'rehydrate.ts');

describe('Exercise 04: snapshot rehydration', () => {
  for (const check of defineExerciseTests(student).checks) it(check.name, check.run);
});
