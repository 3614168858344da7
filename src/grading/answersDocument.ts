/**
 * Reads a student's answers.md into the parts the checks judge: one section per `## Requirement N`, its `###`
 * questions, fenced code blocks and markdown tables. The structure is the contract in DESIGN.md ("Grading
 * contract"); when it is broken the problems say so in words a student can act on.
 */

import { withoutComments } from './htmlComments';

export type CodeBlock = {
  /** The info string after the opening fence (`json`, `text`...), lower-cased; '' when none. */
  readonly lang: string;
  readonly text: string;
  /** 1-based line of the opening fence in answers.md. */
  readonly line: number;
};

export type MarkdownTable = {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
};

export type QuestionAnswer = {
  /** The `###` heading text. */
  readonly heading: string;
  /** Everything under the heading up to the next heading, trimmed. */
  readonly text: string;
};

export type RequirementSection = {
  readonly number: number;
  /** Text after `## Requirement N` on the heading line. */
  readonly title: string;
  /** Everything in the section (code blocks included), trimmed. */
  readonly body: string;
  /** The section without its fenced code blocks: what the student wrote as prose, lists and tables. */
  readonly prose: string;
  readonly questions: readonly QuestionAnswer[];
  readonly codeBlocks: readonly CodeBlock[];
  readonly tables: readonly MarkdownTable[];
};

export type AnswersDocument = {
  readonly requirements: ReadonlyMap<number, RequirementSection>;
  /** Structural problems that concern the whole file (unclosed code fence, duplicated heading). */
  readonly problems: readonly string[];
};

/**
 * A requirement's heading, read as a teacher reads it: `## Requirement 3 — ...` as the starter writes it, but also
 * `## 3. Benefits and trade-offs`, `## Req. 3`, `## Part 3`, `# Requirement 3`, or no number at all when the words
 * name one requirement only (`## Benefits and trade-offs`).
 */
const HEADING = /^(#{1,2})\s+(.*?)\s*#*\s*$/;
const NUMBERED_HEADING = /^(?:[*_]{1,2})?(?:requirement|req\.?|part|task|section|r)\s*#?\s*(\d+)\b[*_]*[\s:.)—–·-]*(.*)$/i;
const BARE_NUMBER_HEADING = /^(?:[*_]{1,2})?(\d+)(?:[.):—–·-]+\s*|\s+|$)[*_]*(.*)$/;
const REQUIREMENT_TOPICS: readonly (readonly [number, RegExp])[] = [
  [1, /\bcqrs\s+concepts?\b|\bconcepts?\s+of\s+cqrs\b/i],
  [2, /\bdiagram\b|\barchitecture\b/i],
  [3, /\bbenefits?\b|\btrade[\s-]?offs?\b|\bcrud\s+(?:vs\.?|versus|and)\s+cqrs\b|\bcqrs\s+(?:vs\.?|versus|and)\s+crud\b/i],
  [4, /\bevent[\s-]+sourcing\s+concepts?\b|\bconcepts?\s+of\s+event[\s-]+sourcing\b/i],
  [5, /\border\s+service\b|\border\s+(?:events|lifecycle)\b|#?\b1001\b|\bevent\s+payloads?\b/i],
  [6, /\bwhen\s+to\s+use\b|\bscenarios?\b|\bgood\s+fit\b/i],
];

/** The requirement a h1/h2 heading line opens, with the title after its number; undefined for any other heading. */
export function requirementHeadingOf(line: string): { readonly number: number; readonly title: string; readonly byNumber: boolean } | undefined {
  const heading = HEADING.exec(line);
  if (heading === null) return undefined;
  const [, hashes, text] = heading as unknown as [string, string, string];
  const numbered = NUMBERED_HEADING.exec(text) ?? (hashes === '##' ? BARE_NUMBER_HEADING.exec(text) : null);
  if (numbered !== null) return { number: Number(numbered[1]), title: numbered[2]!.replace(/[*_]+$/, '').trim(), byNumber: true };
  // An unnumbered h1 is the document's title ("CQRS and Event Sourcing — answers"), never a requirement.
  if (hashes !== '##') return undefined;
  const topics = REQUIREMENT_TOPICS.filter(([, words]) => words.test(text));
  return topics.length === 1 ? { number: topics[0]![0], title: text.trim(), byNumber: false } : undefined;
}
const FENCE = /^\s{0,3}(`{3,}|~{3,})\s*([\w+-]*)/;

type MutableSection = {
  number: number;
  title: string;
  lines: { text: string; line: number }[];
};

export function parseAnswersDocument(markdown: string): AnswersDocument {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const sections = new Map<number, MutableSection>();
  const problems: string[] = [];
  let current: MutableSection | undefined;
  let openFence: { marker: string; line: number } | undefined;

  lines.forEach((text, index) => {
    const line = index + 1;
    const fence = FENCE.exec(text);
    if (openFence !== undefined) {
      if (fence !== null && fence[1]!.startsWith(openFence.marker[0]!) && fence[1]!.length >= openFence.marker.length && fence[2] === '') {
        openFence = undefined;
      }
      current?.lines.push({ text, line });
      return;
    }
    if (fence !== null) {
      openFence = { marker: fence[1]!, line };
      current?.lines.push({ text, line });
      return;
    }
    const heading = requirementHeadingOf(text);
    if (heading !== undefined && !(sections.has(heading.number) && !heading.byNumber)) {
      const number = heading.number;
      if (sections.has(number)) {
        problems.push(`there are two '## Requirement ${number}' headings (the second is on line ${line}); keep one`);
        current = undefined;
        return;
      }
      current = { number, title: heading.title, lines: [] };
      sections.set(number, current);
      return;
    }
    // Any other h1/h2 ends the current requirement: what follows is not part of its answer.
    if (/^#{1,2}\s/.test(text)) {
      current = undefined;
      return;
    }
    current?.lines.push({ text, line });
  });
  if (openFence !== undefined) {
    problems.push(`the code block opened on line ${openFence.line} is never closed (add a line with ${openFence.marker})`);
  }

  const requirements = new Map<number, RequirementSection>();
  for (const section of sections.values()) requirements.set(section.number, toSection(section));
  return { requirements, problems };
}

/** The section of requirement `n`, or the message that says why it cannot be graded. */
export function requirementSection(document: AnswersDocument, n: number): RequirementSection | { readonly missing: string } {
  const section = document.requirements.get(n);
  if (section === undefined) {
    return { missing: `no '## Requirement ${n}' heading found: put your answer under a line '## Requirement ${n}'` };
  }
  return section;
}

/**
 * Splits lines into fenced code blocks and the prose around them. A block ends at a fence of the same character, at
 * least as long, with no info string (CommonMark); an unclosed block runs to the end.
 */
export function splitCodeBlocks(lines: readonly { readonly text: string; readonly line: number }[]): {
  readonly codeBlocks: CodeBlock[];
  readonly proseLines: string[];
} {
  const codeBlocks: CodeBlock[] = [];
  const proseLines: string[] = [];
  let block: { lang: string; line: number; marker: string; lines: string[] } | undefined;
  for (const { text, line } of lines) {
    const fence = FENCE.exec(text);
    if (block !== undefined) {
      if (fence !== null && fence[1]!.startsWith(block.marker[0]!) && fence[1]!.length >= block.marker.length && fence[2] === '') {
        codeBlocks.push({ lang: block.lang, text: block.lines.join('\n'), line: block.line });
        block = undefined;
      } else {
        block.lines.push(text);
      }
      continue;
    }
    if (fence !== null) {
      block = { lang: fence[2]!.toLowerCase(), line, marker: fence[1]!, lines: [] };
      continue;
    }
    proseLines.push(text);
  }
  if (block !== undefined) codeBlocks.push({ lang: block.lang, text: block.lines.join('\n'), line: block.line });
  return { codeBlocks, proseLines };
}

function toSection(section: MutableSection): RequirementSection {
  const { codeBlocks, proseLines } = splitCodeBlocks(section.lines);

  return {
    number: section.number,
    title: section.title,
    body: section.lines.map((l) => l.text).join('\n').trim(),
    prose: proseLines.join('\n').trim(),
    questions: questionsOf(section.lines.map((l) => l.text)),
    codeBlocks,
    tables: tablesOf(proseLines),
  };
}

function questionsOf(lines: readonly string[]): QuestionAnswer[] {
  const questions: { heading: string; lines: string[] }[] = [];
  let inFence = false;
  for (const text of lines) {
    if (FENCE.test(text)) inFence = !inFence;
    const heading = inFence ? null : /^###\s+(.*?)\s*#*\s*$/.exec(text);
    if (heading !== null) {
      questions.push({ heading: heading[1]!, lines: [] });
    } else {
      questions.at(-1)?.lines.push(text);
    }
  }
  return questions.map((q) => ({ heading: q.heading, text: q.lines.join('\n').trim() }));
}

function tablesOf(lines: readonly string[]): MarkdownTable[] {
  const tables: MarkdownTable[] = [];
  let index = 0;
  while (index < lines.length) {
    const header = lines[index]!;
    const separator = lines[index + 1];
    if (isTableRow(header) && separator !== undefined && /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(separator)) {
      const rows: string[][] = [];
      index += 2;
      while (index < lines.length && isTableRow(lines[index]!)) {
        rows.push(cellsOf(lines[index]!));
        index += 1;
      }
      tables.push({ header: cellsOf(header), rows });
      continue;
    }
    index += 1;
  }
  return tables;
}

function isTableRow(line: string): boolean {
  return /^\s*\|.*\|\s*$/.test(line) || (line.includes('|') && line.trim().length > 0 && !line.trim().startsWith('#'));
}

/** The cells of one table row; `\|` is a literal bar inside a cell. */
export function cellsOf(row: string): string[] {
  const trimmed = row.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < trimmed.length; i += 1) {
    const char = trimmed[i]!;
    if (char === '\\' && trimmed[i + 1] === '|') {
      cell += '|';
      i += 1;
    } else if (char === '|') {
      cells.push(cell.trim());
      cell = '';
    } else {
      cell += char;
    }
  }
  cells.push(cell.trim());
  return cells;
}

/** True when an answer is still the starter's placeholder (empty, "TODO", "..."). */
export function isUnanswered(text: string): boolean {
  const stripped = withoutComments(text)
    .replace(/[>*_`\-\s.…]/g, '')
    .toLowerCase();
  return stripped === '' || stripped === 'todo' || stripped === 'tbd' || /^todo:?(youranswer|answerhere|writehere)?$/.test(stripped);
}
