import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exercises, codeExercises } from '../../exercises/manifest';

/** The manifest and the folders agree, so the app, the grader and the proof all see the same exercises. */
const exercisesDir = new URL('../../exercises/', import.meta.url);

describe('the exercise manifest', () => {
  it('lists the exercises in number order, 06 (written) among them, ids unique', () => {
    expect(exercises.map((exercise) => exercise.number)).toEqual(['01', '02', '03', '04', '05', '06', '07']);
    expect(new Set(exercises.map((exercise) => exercise.id)).size).toBe(exercises.length);
    const written = exercises.find((exercise) => exercise.id === '06-cqrs-event-sourcing');
    expect(written).toMatchObject({ kind: 'written', route: '#/exercise-06' });
  });

  it.each(codeExercises.map((exercise) => [exercise.id, exercise] as const))('%s has README, starter with TODOs, test, checks and a solution', (id, exercise) => {
    expect(id.startsWith(exercise.number)).toBe(true);
    const starter = readFileSync(new URL(`${id}/${exercise.files.starter}`, exercisesDir), 'utf8');
    expect(starter).toContain('TODO');
    expect(starter).toMatch(new RegExp(`export (async )?function ${exercise.exportName}[<(]`));
    for (const file of ['README.md', exercise.files.test, exercise.files.checks]) expect(existsSync(new URL(`${id}/${file}`, exercisesDir))).toBe(true);
    expect(readFileSync(new URL(`${id}/README.md`, exercisesDir), 'utf8')).toMatch(/How the tests compare/);
    expect(existsSync(new URL(`_solutions/${id}/${exercise.files.starter}`, exercisesDir))).toBe(true);
    expect(exercise.hints[0]).not.toBe(exercise.hints[1]);
  });
});
