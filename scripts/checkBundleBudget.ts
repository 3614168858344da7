import { resolve } from 'node:path';
import { measureInitialJs } from './bundle/initialJs';

/**
 * Fails the build when the JavaScript needed for the first screen grows past its budget (issue 9: 120 KB gzip).
 * Usage: `tsx scripts/checkBundleBudget.ts [distDir]` (default `dist`); `npm run build` runs it after `vite build`.
 */

export const initialJsBudgetBytes = 120 * 1024;

const distDir = resolve(process.argv[2] ?? 'dist');
try {
  const { files, gzipBytes } = measureInitialJs(distDir);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  for (const file of files) console.log(`  ${file.file}  ${kb(file.bytes)} (${kb(file.gzipBytes)} gzip)`);
  const verdict = `initial JavaScript: ${kb(gzipBytes)} gzip of a ${kb(initialJsBudgetBytes)} budget`;
  if (gzipBytes > initialJsBudgetBytes) {
    console.error(`Over budget — ${verdict}. Load the new code lazily (a screen's import() in src/ui/routes.ts).`);
    process.exit(1);
  }
  console.log(`Within budget — ${verdict}.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
