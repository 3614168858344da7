import { describe, it } from 'vitest';
import { importStudentModule } from '../support/studentModule';
import { defineExerciseTests } from './checks';

const student = importStudentModule('02-evolve', 'evolve.ts');

describe('Exercise 02: evolve', () => {
  for (const check of defineExerciseTests(student).checks) it(check.name, check.run);
});
