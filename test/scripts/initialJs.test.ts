import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { measureInitialJs } from '../../scripts/bundle/initialJs';

const dirs: string[] = [];

function builtApp(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'initial-js-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'assets'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the initial JavaScript of a build', () => {
  it('counts the entry, its preloads and static imports, but not chunks loaded with import()', () => {
    const initial = {
      'assets/index.js': 'import{a as b}from"./shared.js";const m=()=>import("./mermaid.js");export{m};',
      'assets/lit.js': 'export const lit=1;',
      'assets/shared.js': 'import"./lit.js";export const a=2;',
    };
    const dir = builtApp({
      'index.html':
        '<script type="module" crossorigin src="./assets/index.js"></script><link rel="modulepreload" crossorigin href="./assets/lit.js">',
      ...initial,
      'assets/mermaid.js': 'x'.repeat(50_000),
    });
    const measured = measureInitialJs(dir);
    expect(measured.files.map((file) => file.file).sort()).toEqual(Object.keys(initial).sort());
    const expectedGzip = Object.values(initial).reduce((sum, code) => sum + gzipSync(code, { level: 9 }).length, 0);
    expect(measured.gzipBytes).toBe(expectedGzip);
  });

  it('says which chunk is missing rather than measuring a broken build', () => {
    const dir = builtApp({
      'index.html': '<script type="module" src="./assets/index.js"></script>',
      'assets/index.js': 'import"./gone.js";',
    });
    expect(() => measureInitialJs(dir)).toThrow(/imports assets\/gone\.js, which the build does not contain/);
  });

  it('refuses a folder whose index.html names no script', () => {
    const dir = builtApp({ 'index.html': '<p>not an app</p>' });
    expect(() => measureInitialJs(dir)).toThrow(/names no script/);
  });
});
