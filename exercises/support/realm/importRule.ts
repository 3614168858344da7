import { existsSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';

/**
 * What exercise code may import: the shared modules of exercises/support/ that the starters use, and files of its
 * own exercise folder. Anything else (another exercise, the teacher's `_solutions/`, a package, a file of the
 * grading machine) is refused, naming the path the student wrote.
 */

/** The support modules a starter imports (`../support/order`), the same list the browser's runner offers. */
export const studentSupportModules = ['order', 'events'] as const;

export type ImportTarget =
  | { readonly kind: 'support'; readonly name: string }
  | { readonly kind: 'own'; readonly path: string }
  | { readonly kind: 'refused'; readonly message: string };

/** `../support/order`, `../../support/order.ts` → `order` (the solutions sit one folder deeper). */
export function supportImportName(specifier: string): string | undefined {
  const name = /^(?:\.\.\/)+support\/([\w-]+?)(?:\.ts|\.js)?$/.exec(specifier)?.[1];
  return name !== undefined && (studentSupportModules as readonly string[]).includes(name) ? name : undefined;
}

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
  return {
    kind: 'refused',
    message:
      `${importerShown} imports "${specifier}", which exercise code may not import: only files of its own folder (${exerciseId}/) ` +
      `and ${studentSupportModules.map((name) => `../support/${name}`).join(', ')} can be imported.`,
  };
}
