import { readFileSync } from 'node:fs';

/**
 * Reading the seeds' own examples out of their documents (copied verbatim into test/fixtures/seeds/), so the tests
 * send what the seed shows and compare with what the seed answers, not with a paraphrase of it.
 */

export const seedText = (file: string): string =>
  readFileSync(new URL(`../../fixtures/seeds/${file}`, import.meta.url), 'utf8');

/**
 * A curl command of a seed as a console request: method, path (without host), `-d` body. The URL may be quoted
 * (seed 000) or not (seed 004); curl without `-X` is a GET, with `-d` a POST.
 */
export function consoleRequest(curl: string): string {
  const body = /-d\s+'([^']*)'/.exec(curl)?.[1];
  const method = /-X\s+(\w+)/.exec(curl)?.[1] ?? (body === undefined ? 'GET' : 'POST');
  const url = /"?https?:\/\/[^/"\s]+(\/[^"\s]*)"?/.exec(curl)?.[1];
  if (url === undefined) throw new Error(`No URL in ${curl}`);
  return body === undefined ? `${method} ${url}` : `${method} ${url}\n\n${body}`;
}

/** The port of a curl command's URL: seed 004 runs its command, query and admin APIs on three of them. */
export const portOf = (curl: string): string | undefined => /https?:\/\/[^/:\s"]+:(\d+)/.exec(curl)?.[1];

/** The curl commands of a shell block, each with the `# comment` line above it (seed 004's "Test It Out"). */
export function commentedCurls(block: string): { readonly comment: string; readonly curl: string }[] {
  return block
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter((chunk) => /^#[^\n]*\ncurl/.test(chunk))
    .map((chunk) => {
      const [comment, ...rest] = chunk.split('\n');
      return { comment: comment!.replace(/^#\s*/, ''), curl: rest.join('\n') };
    });
}

/** The fenced code blocks of a markdown text, in order. */
export const codeBlocks = (markdown: string): string[] =>
  [...markdown.matchAll(/```\w*\n([\s\S]*?)```/g)].map((match) => match[1]!);

/**
 * The text under a heading (any level) that contains `title`, up to the next heading of that level or higher. Lines
 * inside code fences are not headings (a shell block's `# comment` is not an h1).
 */
export function sectionOf(markdown: string, title: string): string {
  const lines = markdown.split('\n');
  let fenced = false;
  const levels = lines.map((line) => {
    if (line.startsWith('```')) fenced = !fenced;
    return fenced ? 0 : (/^(#{1,6}) /.exec(line)?.[1]?.length ?? 0);
  });
  const start = lines.findIndex((line, index) => levels[index]! > 0 && line.includes(title));
  if (start === -1) throw new Error(`No heading "${title}"`);
  const end = levels.findIndex((level, index) => index > start && level > 0 && level <= levels[start]!);
  return lines.slice(start + 1, end === -1 ? undefined : end).join('\n');
}

/** The `- item` lines of a section. */
export const listItems = (section: string): string[] =>
  section
    .split('\n')
    .filter((line) => /^\s*- /.test(line))
    .map((line) => line.replace(/^\s*- /, '').trim());
