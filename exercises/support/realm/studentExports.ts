import type { StudentModule } from '../checks';

/**
 * The student's exports as the checks see them, in either realm (node:vm for `npm run grade`, the sandbox worker in
 * the app): each function wrapped by `bridge` so its results cross as copies, each other value copied by `copy`.
 * Reading the exports is guarded: a getter that throws, or an export object that cannot be listed, exports nothing.
 */
export function studentExports(
  exported: unknown,
  bridge: (fn: (...args: unknown[]) => unknown) => (...args: unknown[]) => unknown,
  copy: (value: unknown) => unknown,
): StudentModule {
  const module: Record<string, unknown> = {};
  let names: string[] = [];
  try {
    names = Object.keys(exported as object);
  } catch {
    // An export object that cannot be listed exports nothing the checks can use.
  }
  for (const name of names) {
    let value: unknown;
    try {
      value = (exported as Record<string, unknown>)[name];
    } catch {
      continue;
    }
    module[name] = typeof value === 'function' ? bridge(value as (...args: unknown[]) => unknown) : copy(value);
  }
  return Object.freeze(module);
}
