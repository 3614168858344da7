/**
 * Exercise 06's answers.md as the in-app editor sees it: one document, cut into its `## Requirement N` sections so
 * each step edits only its own, then spliced back. Splitting is lossless (joining the parts gives the same text),
 * headings are never rewritten, and code fences are respected (a `## ...` line inside a fence is code, not a
 * heading), the same reading as the grader's (src/grading/answersDocument.ts).
 */

export type RequirementNumber = 1 | 2 | 3 | 4 | 5 | 6;
export const requirementNumbers: readonly RequirementNumber[] = [1, 2, 3, 4, 5, 6];

export type DocumentPart =
  /** Lines outside every requirement: the title and instructions before them, or another h1/h2 section. */
  | { readonly kind: 'text'; readonly lines: readonly string[] }
  | {
      readonly kind: 'requirement';
      readonly number: number;
      /** The `## Requirement N ...` line as written. */
      readonly heading: string;
      /** The lines under the heading, up to the next h1/h2 outside a fence. */
      readonly lines: readonly string[];
    };

const requirementHeading = /^##\s+Requirement\s+(\d+)\b/i;
const fenceLine = /^\s{0,3}(`{3,}|~{3,})\s*([\w+-]*)/;

/** Tracks whether a line is inside a fenced code block; a fence closes only with the same character, no shorter. */
class FenceTracker {
  private open: string | undefined;

  /** True when `line` is part of a fence (its opening, body or closing line). */
  step(line: string): boolean {
    const fence = fenceLine.exec(line);
    if (this.open !== undefined) {
      const marker = fence?.[1];
      if (marker !== undefined && marker[0] === this.open[0] && marker.length >= this.open.length && fence?.[2] === '') this.open = undefined;
      return true;
    }
    if (fence?.[1] !== undefined) {
      this.open = fence[1];
      return true;
    }
    return false;
  }
}

const linesOf = (markdown: string): string[] => markdown.replace(/\r\n?/g, '\n').split('\n');

export function splitAnswers(markdown: string): DocumentPart[] {
  const parts: DocumentPart[] = [];
  let text: string[] = [];
  let section: { number: number; heading: string; lines: string[] } | undefined;
  const flush = (): void => {
    if (section !== undefined) parts.push({ kind: 'requirement', ...section });
    else if (text.length > 0) parts.push({ kind: 'text', lines: text });
    section = undefined;
    text = [];
  };
  const fences = new FenceTracker();
  for (const line of linesOf(markdown)) {
    const inFence = fences.step(line);
    const requirement = inFence ? null : requirementHeading.exec(line);
    if (requirement !== null) {
      flush();
      section = { number: Number(requirement[1]), heading: line, lines: [] };
      continue;
    }
    if (!inFence && /^#{1,2}\s/.test(line) && section !== undefined) {
      // Another h1/h2 ends the requirement, as in the grader; it starts a text part.
      flush();
    }
    if (section !== undefined) section.lines.push(line);
    else text.push(line);
  }
  flush();
  return parts;
}

export function joinAnswers(parts: readonly DocumentPart[]): string {
  return parts.flatMap((part) => (part.kind === 'text' ? part.lines : [part.heading, ...part.lines])).join('\n');
}

/** Requirement headings that appear once; a number that is missing or doubled is reported by `problemsOf`. */
export function requirementBody(markdown: string, n: RequirementNumber): string | undefined {
  const part = splitAnswers(markdown).find((p) => p.kind === 'requirement' && p.number === n);
  return part === undefined ? undefined : trimBlankLines(part.lines).join('\n');
}

/** The heading line of requirement `n` as the student's document writes it. */
export function requirementHeadingOf(markdown: string, n: RequirementNumber): string | undefined {
  const part = splitAnswers(markdown).find((p) => p.kind === 'requirement' && p.number === n);
  return part?.kind === 'requirement' ? part.heading : undefined;
}

/**
 * The document with requirement `n`'s body replaced by `body`: one blank line after the heading, one before the next
 * heading. Everything else, headings included, stays byte for byte. A missing section is added after the others.
 */
export function withRequirementBody(markdown: string, n: RequirementNumber, body: string, fallbackHeading = `## Requirement ${n}`): string {
  const parts = splitAnswers(markdown);
  const bodyLines = trimBlankLines(linesOf(body));
  const index = parts.findIndex((p) => p.kind === 'requirement' && p.number === n);
  if (index >= 0) {
    const part = parts[index] as Extract<DocumentPart, { kind: 'requirement' }>;
    parts[index] = { ...part, lines: bodyLines.length === 0 ? [''] : ['', ...bodyLines, ''] };
    return joinAnswers(parts);
  }
  const lastRequirement = parts.reduce((found, p, i) => (p.kind === 'requirement' && p.number < n ? i : found), -1);
  const insertAt = lastRequirement + 1 || parts.length;
  const added: DocumentPart = { kind: 'requirement', number: n, heading: fallbackHeading, lines: ['', ...bodyLines, ''] };
  // The part before the new heading must end with a blank line, or the heading would run into its last line.
  const before = parts[insertAt - 1];
  if (before !== undefined) {
    const lines = before.lines;
    if (lines.length === 0 || lines[lines.length - 1] !== '') parts[insertAt - 1] = { ...before, lines: [...lines, ''] };
  }
  parts.splice(insertAt, 0, added);
  return joinAnswers(parts);
}

function trimBlankLines(lines: readonly string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === '') start += 1;
  while (end > start && lines[end - 1]!.trim() === '') end -= 1;
  return lines.slice(start, end);
}

/** What stops a document from being Exercise 06's answers: missing or doubled requirement headings. */
export function problemsOf(markdown: string): string[] {
  const counts = new Map<number, number>();
  for (const part of splitAnswers(markdown)) {
    if (part.kind === 'requirement') counts.set(part.number, (counts.get(part.number) ?? 0) + 1);
  }
  const missing = requirementNumbers.filter((n) => !counts.has(n));
  const doubled = requirementNumbers.filter((n) => (counts.get(n) ?? 0) > 1);
  const problems: string[] = [];
  if (missing.length > 0) {
    problems.push(`it has no ${missing.map((n) => `"## Requirement ${n}"`).join(', ')} heading${missing.length > 1 ? 's' : ''}`);
  }
  for (const n of doubled) problems.push(`it has two "## Requirement ${n}" headings`);
  return problems;
}

/** Largest answers.md accepted by import: far above any real answer, small enough for IndexedDB and the editor. */
export const maxAnswersLength = 200_000;

export type ImportCheck = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

/** Validates a file chosen for "Import answers.md": text, not too large, with the six requirement headings. */
export function checkImportedAnswers(text: string): ImportCheck {
  if (text.includes('\u0000')) return { ok: false, reason: 'That file is not text. Choose an answers.md file. Nothing was changed.' };
  if (text.length > maxAnswersLength) {
    return { ok: false, reason: `That file is longer than ${maxAnswersLength.toLocaleString('en')} characters. Nothing was changed.` };
  }
  const problems = problemsOf(text);
  if (problems.length > 0) {
    return {
      ok: false,
      reason: `That file is not an Exercise 06 answers.md: ${problems.join('; ')}. Nothing was changed.`,
    };
  }
  return { ok: true, text: text.replace(/\r\n?/g, '\n') };
}

// ---------- inside a section: questions, code blocks, tables ----------

/** A `###` question (requirements 1, 4, 6) and the answer under it. */
export type Question = { readonly heading: string; readonly title: string; readonly answer: string };
export type QuestionsBody = { readonly intro: string; readonly questions: readonly Question[] };

export function questionsOf(body: string): QuestionsBody {
  const intro: string[] = [];
  const questions: { heading: string; title: string; lines: string[] }[] = [];
  const fences = new FenceTracker();
  for (const line of linesOf(body)) {
    const inFence = fences.step(line);
    const heading = inFence ? null : /^###\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading !== null) questions.push({ heading: line, title: heading[1] ?? '', lines: [] });
    else (questions.at(-1)?.lines ?? intro).push(line);
  }
  return {
    intro: trimBlankLines(intro).join('\n'),
    questions: questions.map((q) => ({ heading: q.heading, title: q.title, answer: trimBlankLines(q.lines).join('\n') })),
  };
}

export function joinQuestions({ intro, questions }: QuestionsBody): string {
  const blocks = [...(intro.trim() === '' ? [] : [intro]), ...questions.map((q) => (q.answer.trim() === '' ? q.heading : `${q.heading}\n\n${q.answer}`))];
  return blocks.join('\n\n');
}

/** The body with question `index`'s answer replaced; its heading line stays as written. */
export function withAnswer(body: string, index: number, answer: string): string {
  const parsed = questionsOf(body);
  const questions = parsed.questions.map((q, i) => (i === index ? { ...q, answer: trimBlankLines(linesOf(answer)).join('\n') } : q));
  return joinQuestions({ ...parsed, questions });
}

/** A fenced block inside a section: where it is and what it holds. */
export type FencedBlock = {
  readonly lang: string;
  readonly code: string;
  /** Line indexes (in the body) of the opening and closing fence; `end` is -1 for a fence never closed. */
  readonly start: number;
  readonly end: number;
};

export function fencedBlocksOf(body: string): FencedBlock[] {
  const lines = linesOf(body);
  const blocks: FencedBlock[] = [];
  let open: { marker: string; lang: string; start: number } | undefined;
  lines.forEach((line, index) => {
    const fence = fenceLine.exec(line);
    if (open === undefined) {
      if (fence?.[1] !== undefined) open = { marker: fence[1], lang: (fence[2] ?? '').toLowerCase(), start: index };
      return;
    }
    const marker = fence?.[1];
    if (marker !== undefined && marker[0] === open.marker[0] && marker.length >= open.marker.length && fence?.[2] === '') {
      blocks.push({ lang: open.lang, code: lines.slice(open.start + 1, index).join('\n'), start: open.start, end: index });
      open = undefined;
    }
  });
  if (open !== undefined) blocks.push({ lang: open.lang, code: lines.slice(open.start + 1).join('\n'), start: open.start, end: -1 });
  return blocks;
}

/**
 * The body with one fenced block's code replaced (its fence lines kept), or, when `block` is undefined, with a new
 * block appended (or inserted before `insertBeforeLine`). A fence inside the new code is lengthened around it.
 */
export function withBlockCode(body: string, block: FencedBlock | undefined, code: string, lang = 'text', insertBeforeLine?: number): string {
  const lines = linesOf(body);
  const codeLines = linesOf(code);
  const longestInner = Math.max(2, ...codeLines.map((line) => /^\s*(`{3,})/.exec(line)?.[1]?.length ?? 0));
  if (block === undefined) {
    const fence = '`'.repeat(longestInner + 1);
    const added = [fence + lang, ...codeLines, fence];
    if (insertBeforeLine === undefined) return trimBlankLines([...lines, '', ...added]).join('\n');
    return [...lines.slice(0, insertBeforeLine), ...added, '', ...lines.slice(insertBeforeLine)].join('\n');
  }
  const opening = lines[block.start] ?? '```';
  const marker = fenceLine.exec(opening)?.[1] ?? '```';
  const needsLonger = longestInner >= marker.length;
  const fence = needsLonger ? '`'.repeat(longestInner + 1) : marker;
  const open = needsLonger ? `${fence}${block.lang}` : opening;
  const close = needsLonger || block.end < 0 ? fence : (lines[block.end] ?? fence);
  const after = block.end < 0 ? [] : lines.slice(block.end + 1);
  return [...lines.slice(0, block.start), open, ...codeLines, close, ...after].join('\n');
}

/** Requirement 3's table: one row per dimension, the CRUD and CQRS cells. */
export type TradeoffRow = { readonly dimension: string; readonly crud: string; readonly cqrs: string };

/** The seed's five dimensions, in its order: the rows the table editor always offers. */
export const tradeoffDimensions: readonly string[] = [
  'Read/write scalability',
  'Query flexibility',
  'Data consistency',
  'Code complexity',
  'Best suited for',
];

const isTableLine = (line: string): boolean => /^\s*\|.*\|\s*$/.test(line);
const isSeparatorLine = (line: string): boolean => /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(line);

/** Cells of a table line; `\|` is a bar inside a cell. */
export function cellsOf(row: string): string[] {
  const inner = row.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

/** Where the first markdown table of a body is (line indexes), if any. */
function tableRange(lines: readonly string[]): { start: number; end: number } | undefined {
  for (let i = 0; i + 1 < lines.length; i += 1) {
    if (isTableLine(lines[i]!) && isSeparatorLine(lines[i + 1]!)) {
      let end = i + 2;
      while (end < lines.length && isTableLine(lines[end]!)) end += 1;
      return { start: i, end };
    }
  }
  return undefined;
}

/** The table's rows for the seed's dimensions (matched by name, case-insensitive); rows it lacks come back empty. */
export function tradeoffTableOf(body: string): TradeoffRow[] {
  const lines = linesOf(body);
  const range = tableRange(lines);
  const rows = range === undefined ? [] : lines.slice(range.start + 2, range.end).map(cellsOf);
  const key = (text: string): string => text.replace(/[*_`]/g, '').trim().toLowerCase();
  return tradeoffDimensions.map((dimension) => {
    const row = rows.find((cells) => key(cells[0] ?? '') === key(dimension));
    return { dimension, crud: row?.[1] ?? '', cqrs: row?.[2] ?? '' };
  });
}

const cellText = (text: string): string => text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').trim();

/** The body with its first table replaced by `rows` (or the table added); the lines around it stay. */
export function withTradeoffTable(body: string, rows: readonly TradeoffRow[]): string {
  const lines = linesOf(body);
  const range = tableRange(lines);
  const header = range === undefined ? ['Dimension', 'Standard CRUD', 'CQRS'] : cellsOf(lines[range.start]!);
  const table = [
    `| ${header.slice(0, 3).map(cellText).join(' | ')} |`,
    '|---|---|---|',
    ...rows.map((row) => `| ${cellText(row.dimension)} | ${cellText(row.crud)} | ${cellText(row.cqrs)} |`),
  ];
  if (range === undefined) return trimBlankLines([...lines, '', ...table]).join('\n');
  return [...lines.slice(0, range.start), ...table, ...lines.slice(range.end)].join('\n');
}

// ---------- requirement 5: JSON blocks and the derivation after them ----------

export type EventsBody = {
  readonly blocks: readonly FencedBlock[];
  /** The prose after the last JSON block: how order #1001's state is derived. */
  readonly derivation: string;
};

const isJsonBlock = (block: FencedBlock): boolean => block.lang.startsWith('json') || (block.lang === '' && /^\s*[[{]/.test(block.code));

export function eventsBodyOf(body: string): EventsBody {
  const blocks = fencedBlocksOf(body).filter(isJsonBlock);
  const last = blocks.at(-1);
  const lines = linesOf(body);
  const derivationLines = last === undefined ? [] : last.end < 0 ? [] : lines.slice(last.end + 1);
  return { blocks, derivation: trimBlankLines(derivationLines).join('\n') };
}

/**
 * The body with JSON block `index` holding `json`. With no JSON block yet, a ```json block is added at the end:
 * everything before it is then the intro, and the derivation is written after it.
 */
export function withEventsJson(body: string, index: number, json: string): string {
  const block = eventsBodyOf(body).blocks[index];
  return withBlockCode(body, block, json, 'json');
}

/** The body with the prose after the last JSON block replaced. */
export function withDerivation(body: string, derivation: string): string {
  const { blocks } = eventsBodyOf(body);
  const last = blocks.at(-1);
  const lines = linesOf(body);
  const text = trimBlankLines(linesOf(derivation));
  if (last === undefined || last.end < 0) return trimBlankLines([...lines, '', ...text]).join('\n');
  return trimBlankLines([...lines.slice(0, last.end + 1), '', ...text]).join('\n');
}

// ---------- requirement 6: a verdict line per scenario ----------

export const verdicts = ['good fit', 'partial fit', 'not a good fit'] as const;
export type Verdict = (typeof verdicts)[number];

export type ScenarioAnswer = {
  /** The verdict the line states, when it names one of the three. */
  readonly verdict: Verdict | undefined;
  /** The `Verdict: ...` line as written, or undefined when there is none. */
  readonly verdictLine: string | undefined;
  /** Everything else: the reasons. */
  readonly reasons: string;
};

const verdictLinePattern = /^\s*[*_]*\s*verdict\s*[*_]*\s*:/i;

/** The verdict a line's words name ("Not a good fit", "partially", "Good fit!"). */
export function verdictOfText(text: string): Verdict | undefined {
  const words = text.toLowerCase();
  if (/\bnot\b|\bpoor\b|\bbad\b|\bno\b|overkill/.test(words)) return 'not a good fit';
  if (/partial/.test(words)) return 'partial fit';
  if (/good|great|yes|strong/.test(words)) return 'good fit';
  return undefined;
}

export function scenarioAnswerOf(answer: string): ScenarioAnswer {
  const lines = linesOf(answer);
  const index = lines.findIndex((line) => verdictLinePattern.test(line));
  if (index < 0) return { verdict: undefined, verdictLine: undefined, reasons: trimBlankLines(lines).join('\n') };
  const verdictLine = lines[index]!;
  const rest = [...lines.slice(0, index), ...lines.slice(index + 1)];
  return { verdict: verdictOfText(verdictLine.replace(verdictLinePattern, '')), verdictLine, reasons: trimBlankLines(rest).join('\n') };
}

/**
 * A scenario's answer: the verdict line first, then the reasons. The student's own verdict line is kept unless
 * they picked another verdict, so "Verdict: good fit, because…" is not cut short by editing the reasons.
 */
export function scenarioAnswerText(previous: ScenarioAnswer, change: { verdict?: Verdict | undefined; reasons?: string }): string {
  const verdict = 'verdict' in change ? change.verdict : previous.verdict;
  const reasons = change.reasons ?? previous.reasons;
  const line =
    verdict === undefined
      ? (previous.verdict === undefined ? previous.verdictLine : undefined)
      : verdict === previous.verdict && previous.verdictLine !== undefined
        ? previous.verdictLine
        : `Verdict: ${verdict}`;
  return [line, reasons.trim()].filter((part): part is string => part !== undefined && part !== '').join('\n\n');
}

// ---------- the starter's placeholders ----------

/**
 * The starter's "TODO" lines, shown as an empty field with a placeholder: a student should not have to delete
 * "TODO" before answering. Typing replaces it; a field left alone keeps the starter's text in answers.md.
 */
export function editableText(text: string): { readonly value: string; readonly placeholder: string } {
  const trimmed = text.trim();
  const todo = /^todo\b[:\s-]*(.*)$/i.exec(trimmed);
  if (todo !== null && !trimmed.includes('\n')) return { value: '', placeholder: todo[1]?.trim() || 'Your answer' };
  return { value: text, placeholder: 'Your answer' };
}
