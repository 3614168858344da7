/**
 * The import rule's words and names, shared by `npm run grade` (importRule.ts, which also looks at the files) and
 * the app's sandboxed runner (src/workbook/sandbox/), so a refused import reads the same in both.
 */

/** The support modules a starter imports (`../support/order`). */
export const studentSupportModules = ['order', 'events'] as const;

/** `../support/order`, `../../support/order.ts` → `order` (the solutions sit one folder deeper). */
export function supportImportName(specifier: string): string | undefined {
  const name = /^(?:\.\.\/)+support\/([\w-]+?)(?:\.ts|\.js)?$/.exec(specifier)?.[1];
  return name !== undefined && (studentSupportModules as readonly string[]).includes(name) ? name : undefined;
}

/** Why `importer` may not import `specifier`, naming both. */
export function refusedImportMessage(specifier: string, exerciseId: string, importerShown: string): string {
  return (
    `${importerShown} imports "${specifier}", which exercise code may not import: only files of its own folder (${exerciseId}/) ` +
    `and ${studentSupportModules.map((name) => `../support/${name}`).join(', ')} can be imported.`
  );
}
