import { existsSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { refusedImportMessage, supportImportName } from './importNames';

/**
 * What exercise code may import: the shared modules of exercises/support/ that the starters use, and files of its
 * own exercise folder. Anything else (another exercise, the teacher's `_solutions/`, a package, a file of the
 * grading machine) is refused, naming the path the student wrote.
 */

export { studentSupportModules, supportImportName } from './importNames';

export type ImportTarget =
  | { readonly kind: 'support'; readonly name: string }
  | { readonly kind: 'own'; readonly path: string }
  | { readonly kind: 'refused'; readonly message: string };

/**
 * Where `specifier`, imported by the file at `importer`, leads. `exerciseFolder` is the student's copy of the
 * exercise (`<solution-dir>/01-decide`); `exerciseId` and `importerShown` (`<solution-dir>/01-decide/decide.ts`) name
 * them in the refusal.
 */
export function resolveStudentImport(specifier: string, importer: string, exerciseFolder: string, exerciseId: string, importerShown = 'Your file'): ImportTarget {
  const support = supportImportName(specifier);
  if (support !== undefined) return { kind: 'support', name: support };
  if (specifier.startsWith('./') || specifier.startsWith('../')) {
    const base = resolve(dirname(importer), specifier);
    if (base.startsWith(exerciseFolder + sep)) {
      const found = [base, `${base}.ts`, `${base}.js`, `${base}/index.ts`].find((path) => existsSync(path) && statSync(path).isFile());
      if (found !== undefined) return { kind: 'own', path: found };
    }
  }
  return { kind: 'refused', message: refusedImportMessage(specifier, exerciseId, importerShown) };
}
