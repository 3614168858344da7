import { describe, expect, it } from 'vitest';
import { exercises } from '../../exercises/manifest';
import type { ProgressRow } from '../../src/db/schema';
import { exerciseState, progressSummary, solutionAsStudentFile, solutionUnlocked } from '../../src/workbook/exerciseProgress';
import { emptyProgress } from '../../src/workbook/progressStore';

const row = (exerciseId: string, itemId: string, status: ProgressRow['status']): ProgressRow => ({ ...emptyProgress(exerciseId, itemId), status });

describe('progress through the exercise list', () => {
  it('counts a coding exercise done when its tests passed, Exercise 06 when all six requirements passed', () => {
    const rows = [
      row('01-decide', 'exercise', 'pass'),
      row('02-evolve', 'exercise', 'fail'),
      ...['1', '2', '3', '4', '5'].map((item) => row('06-cqrs-event-sourcing', item, 'pass')),
    ];
    expect(progressSummary(exercises, rows).text).toBe(`1 of ${exercises.length} done`);
    expect(exerciseState(exercises.find((e) => e.id === '02-evolve')!, rows)).toBe('started');
    expect(exerciseState(exercises.find((e) => e.id === '06-cqrs-event-sourcing')!, rows)).toBe('started');
    const all06 = [...rows, row('06-cqrs-event-sourcing', '6', 'pass')];
    expect(progressSummary(exercises, all06).done).toBe(2);
    expect(exerciseState(exercises.find((e) => e.id === '03-projection')!, all06)).toBe('new');
  });

  it('unlocks the solution after solving or an explicit give-up, not after hints', () => {
    expect(solutionUnlocked(undefined)).toBe(false);
    expect(solutionUnlocked({ ...emptyProgress('x', 'exercise'), hintsRevealed: 2, status: 'fail' })).toBe(false);
    expect(solutionUnlocked({ ...emptyProgress('x', 'exercise'), gaveUp: true })).toBe(true);
    expect(solutionUnlocked(row('x', 'exercise', 'pass'))).toBe(true);
  });

  it('shows a solution with the starter\'s import paths', () => {
    expect(solutionAsStudentFile("import { a } from '../../support/order';")).toBe("import { a } from '../support/order';");
  });
});
