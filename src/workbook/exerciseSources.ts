import type { CodeExercise } from '../../exercises/manifest';

/**
 * The exercise files as text, for the page: README, starter and solution, bundled by Vite and loaded one file at
 * a time when a student opens an exercise (Vite-only: node tests read the files directly).
 */
const readmes = import.meta.glob<string>('../../exercises/*/README.md', { query: '?raw', import: 'default' });
const sources = import.meta.glob<string>(['../../exercises/*/*.ts', '!../../exercises/*/*.test.ts', '!../../exercises/*/checks.ts'], { query: '?raw', import: 'default' });
const solutions = import.meta.glob<string>('../../exercises/_solutions/*/*.ts', { query: '?raw', import: 'default' });

async function load(table: Record<string, () => Promise<string>>, path: string): Promise<string> {
  const loader = table[path];
  if (loader === undefined) throw new Error(`The workbook was built without ${path.replace('../../', '')}.`);
  return loader();
}

export const loadReadme = (exercise: CodeExercise): Promise<string> => load(readmes, `../../exercises/${exercise.id}/README.md`);
export const loadStarter = (exercise: CodeExercise): Promise<string> => load(sources, `../../exercises/${exercise.id}/${exercise.files.starter}`);
export const loadSolution = (exercise: CodeExercise): Promise<string> =>
  load(solutions, `../../exercises/_solutions/${exercise.id}/${exercise.files.starter}`);
