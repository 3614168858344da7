import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Code in a lesson is the project's real API: every ```typescript block in content/ is compiled against src/ with
 * the project's strict settings. A block imports what it uses from `../src/...` (the path from content/ itself) and
 * may take the values in lessonCodeContext.ts as given.
 */

const root = resolve(import.meta.dirname, '../..');
const contentDir = join(root, 'content');

type CodeBlock = { readonly file: string; readonly line: number; readonly code: string };

/** The fenced ```typescript / ```ts blocks of one markdown file, with the line of their first code line. */
export function typescriptBlocks(file: string, markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = markdown.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const open = /^(\s*)(`{3,}|~{3,})\s*(typescript|ts)\b/i.exec(lines[index]!);
    if (!open) continue;
    const fence = open[2]!;
    const body: string[] = [];
    let end = index + 1;
    while (end < lines.length && !lines[end]!.trimStart().startsWith(fence)) body.push(lines[end++]!);
    blocks.push({ file, line: index + 2, code: body.join('\n') });
    index = end;
  }
  return blocks;
}

/**
 * What a lesson's block may take as given without importing it: the simulator's store and the sample values the
 * prose talks about. Kept in a string, not a .ts file, so these globals never leak into the project's own compile.
 * Each block is its own module, so a block that declares one of these names shadows it.
 */
const lessonCodeContext = `
import type { EventStore, NewEvent } from '../src/eventStore/types';
import type { OrderEvent } from '../src/domain/order/types';

declare global {
  /** The simulator's event store (IndexedDB in the app, memory in tests). */
  const store: EventStore;
  /** The events of order 1001's stream, oldest first. */
  const events: readonly OrderEvent[];
  /** Lesson 6's two racing decisions about order 1001, ready to append. */
  const orderShipped: NewEvent;
  const orderCancelled: NewEvent;
}

export {};
`;

const run = promisify(execFile);
let workDir: string | undefined;

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** Compiles the blocks in a scratch folder laid out like the repository (src/ and node_modules/ linked in). */
async function compile(blocks: readonly CodeBlock[]): Promise<string[]> {
  workDir = await mkdtemp(join(tmpdir(), 'lesson-code-'));
  await symlink(join(root, 'src'), join(workDir, 'src'));
  await symlink(join(root, 'node_modules'), join(workDir, 'node_modules'));
  await mkdir(join(workDir, 'content'));
  await writeFile(join(workDir, 'content', 'context.ts'), lessonCodeContext);
  const names = blocks.map((block, index) => `block-${index}.ts`);
  await Promise.all(
    blocks.map((block, index) =>
      // `export {}` makes each block a module of its own, so two lessons may both declare `state`.
      writeFile(join(workDir!, 'content', names[index]!), `${block.code}\nexport {};\n`),
    ),
  );
  const config = {
    compilerOptions: {
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'bundler',
      lib: ['ES2023', 'DOM', 'DOM.Iterable'],
      types: ['node'],
      strict: true,
      noUncheckedIndexedAccess: true,
      isolatedModules: true,
      verbatimModuleSyntax: true,
      skipLibCheck: true,
      noEmit: true,
      // Lessons show fragments: a value a block computes and does not use is the point of the block.
      noUnusedLocals: false,
    },
    files: ['content/context.ts', ...names.map((name) => `content/${name}`)],
  };
  await writeFile(join(workDir, 'tsconfig.json'), JSON.stringify(config));
  try {
    await run(join(root, 'node_modules/.bin/tsc'), ['-p', join(workDir, 'tsconfig.json'), '--pretty', 'false'], { cwd: workDir });
    return [];
  } catch (error) {
    const output = String((error as { stdout?: string }).stdout ?? error);
    // "content/block-3.ts(4,7): error TS2345: …" → "05-snapshots.md:31: error TS2345: …"
    return output
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) =>
        line.replace(/content\/block-(\d+)\.ts\((\d+),\d+\)/, (_, block: string, lineInBlock: string) => {
          const source = blocks[Number(block)]!;
          return `${source.file}:${source.line + Number(lineInBlock) - 1}`;
        }),
      );
  }
}

describe('the code in the lessons', () => {
  it('finds the TypeScript blocks of a markdown file, with their line numbers', () => {
    const markdown = ['# T', '', '```typescript', 'const a = 1;', '```', 'text', '```ts', 'const b = 2;', '```', '```json', '{}', '```'].join('\n');
    expect(typescriptBlocks('x.md', markdown)).toEqual([
      { file: 'x.md', line: 4, code: 'const a = 1;' },
      { file: 'x.md', line: 8, code: 'const b = 2;' },
    ]);
  });

  it('type-checks every TypeScript block in content/ against src/', async () => {
    const files = (await readdir(contentDir)).filter((name) => name.endsWith('.md')).sort();
    const blocks = (
      await Promise.all(files.map(async (name) => typescriptBlocks(name, await readFile(join(contentDir, name), 'utf8'))))
    ).flat();
    expect(blocks.length).toBeGreaterThan(4);
    expect(await compile(blocks)).toEqual([]);
  }, 60_000);
});
