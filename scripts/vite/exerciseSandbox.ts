import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { rolldown } from 'rolldown';
import type { Plugin } from 'vite';

/**
 * `virtual:exercise-sandbox`: what the app needs to run a student's code in a sandbox (src/workbook/sandbox/).
 * - `runnerScript`: the exercise runner and every exercise's checks bundled into one classic script (IIFE, global
 *   `exerciseRunner`). The sandbox's worker is made from it as a blob: an opaque-origin frame can neither load a
 *   worker from the app's URL nor be served by the app's service worker, so the code travels as text, inside a
 *   chunk the app loads (and the service worker precaches), which keeps Run tests working offline.
 * - `frameDocument`: the sandbox frame's srcdoc, its inline script allowed by its SHA-256 in both policies.
 * And in index.html, the app's Content-Security-Policy gains that one hash (a srcdoc frame inherits the app's
 * policy, so its script must be allowed there too); nothing else inline is.
 */

const virtualId = 'virtual:exercise-sandbox';
const resolvedId = `\0${virtualId}`;

export function exerciseSandbox(root: string): Plugin {
  const bootstrapFile = resolve(root, 'src/workbook/sandbox/frameBootstrap.js');
  const frameScript = (): string => readFileSync(bootstrapFile, 'utf8');
  const frameScriptHash = (): string => `'sha256-${createHash('sha256').update(frameScript(), 'utf8').digest('base64')}'`;
  let minify = false;

  return {
    name: 'exercise-sandbox',
    configResolved(config) {
      minify = config.command === 'build';
    },
    resolveId(id) {
      return id === virtualId ? resolvedId : undefined;
    },
    async load(id) {
      if (id !== resolvedId) return undefined;
      const { code, watchFiles } = await bundleRunner(root, minify);
      for (const file of [...watchFiles, bootstrapFile]) this.addWatchFile(file);
      const policy = `default-src 'none'; script-src ${frameScriptHash()}; worker-src blob:`;
      const frameDocument = `<!doctype html><meta http-equiv="Content-Security-Policy" content="${policy}"><script>${frameScript()}</script>`;
      return `export const runnerScript = ${JSON.stringify(code)};\nexport const frameDocument = ${JSON.stringify(frameDocument)};\n`;
    },
    transformIndexHtml(html) {
      // A page without a policy (the vitest browser runner's) has nothing to add to.
      if (!html.includes('http-equiv="Content-Security-Policy"')) return html;
      const pattern = /script-src 'self'(?=[;"])/;
      if (!pattern.test(html)) throw new Error("index.html's Content-Security-Policy has no \"script-src 'self'\" to add the exercise sandbox's hash to.");
      return html.replace(pattern, `script-src 'self' ${frameScriptHash()}`);
    },
  };
}

/** The runner and the checks of every exercise folder that has a checks.ts, as one IIFE. */
async function bundleRunner(root: string, minify: boolean): Promise<{ code: string; watchFiles: string[] }> {
  const exercisesDir = resolve(root, 'exercises');
  const withChecks = readdirSync(exercisesDir).filter((name) => /^\d\d-/.test(name) && existsSync(resolve(exercisesDir, name, 'checks.ts'))).sort();
  const entry = [
    `import { run as runWith } from ${JSON.stringify(resolve(root, 'src/workbook/sandbox/exerciseRunner.worker.ts'))};`,
    ...withChecks.map((name, index) => `import { defineExerciseTests as checks${index} } from ${JSON.stringify(resolve(exercisesDir, name, 'checks.ts'))};`),
    `const checksById = { ${withChecks.map((name, index) => `${JSON.stringify(name)}: checks${index}`).join(', ')} };`,
    'export function run(request, modules) { runWith(request, modules, checksById); }',
  ].join('\n');
  const bundle = await rolldown({
    input: 'exercise-runner-entry',
    platform: 'browser',
    logLevel: 'warn',
    plugins: [
      {
        name: 'exercise-runner-entry',
        resolveId: (id) => (id === 'exercise-runner-entry' ? id : undefined),
        load: (id) => (id === 'exercise-runner-entry' ? entry : undefined),
      },
    ],
  });
  try {
    const { output } = await bundle.generate({ format: 'iife', name: 'exerciseRunner', minify });
    const chunk = output.find((item) => item.type === 'chunk');
    if (chunk === undefined || chunk.type !== 'chunk') throw new Error('The exercise runner bundle is empty.');
    return { code: chunk.code, watchFiles: await bundle.watchFiles };
  } finally {
    await bundle.close();
  }
}
