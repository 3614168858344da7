import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The JavaScript a browser must fetch before the app's first screen: the scripts and module preloads named by
 * index.html, plus every module they import statically (which the browser fetches before running them). Chunks
 * reached only through `import()` are lazy and left out: they load when a person opens the screen that needs them.
 */

export type InitialFile = { readonly file: string; readonly bytes: number; readonly gzipBytes: number };

export type InitialJs = {
  readonly files: readonly InitialFile[];
  readonly gzipBytes: number;
};

const scriptSrc = /<script\b[^>]*\bsrc="([^"]+\.js)"/g;
const modulePreload = /<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+\.js)"|<link\b[^>]*\bhref="([^"]+\.js)"[^>]*\brel="modulepreload"/g;
/** `import x from "./a.js"`, `import{a}from"./a.js"`, `import "./a.js"`, `export * from "./a.js"` — never `import(`. */
const staticImport = /(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g;

function isLocal(url: string): boolean {
  return !/^[a-z]+:|^\/\//i.test(url);
}

/** Every initial JS file of a built app in `distDir`, each with its size and gzip size. */
export function measureInitialJs(distDir: string): InitialJs {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const entries = [...html.matchAll(scriptSrc), ...html.matchAll(modulePreload)]
    .map((match) => match[1] ?? match[2]!)
    .filter(isLocal)
    .map((url) => normalize(join(distDir, url.replace(/^\//, ''))));
  if (entries.length === 0) throw new Error(`${join(distDir, 'index.html')} names no script: is this a built app?`);

  const seen = new Set<string>();
  const queue = [...entries];
  const files: InitialFile[] = [];
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    if (!existsSync(path)) throw new Error(`index.html or a chunk imports ${relative(distDir, path)}, which the build does not contain.`);
    const code = readFileSync(path);
    files.push({ file: relative(distDir, path), bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length });
    for (const match of code.toString('utf8').matchAll(staticImport)) {
      if (isLocal(match[1]!)) queue.push(normalize(join(dirname(path), match[1]!)));
    }
  }
  return { files, gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0) };
}
