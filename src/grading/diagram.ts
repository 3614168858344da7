/**
 * Requirement 2: reads an ASCII architecture diagram into components and arrows, however it is drawn: one line
 * per arrow (`Client ──POST /orders──▶ Command Handler`), boxes joined by `--->`, `|` shafts ending in `v` below a
 * box, or a Mermaid flowchart. Component names are normalized (Kafka is the Event Bus, Elasticsearch the Read DB)
 * so the check can ask about meaning: "is there an arrow from the Query Handler to the Read DB?".
 */

export const COMPONENTS = ['Client', 'Command Handler', 'Write DB', 'Event Bus', 'Event Handler', 'Read DB', 'Query Handler'] as const;
export type Component = (typeof COMPONENTS)[number];

export type DiagramEdge = { readonly from: string; readonly to: string; readonly label?: string };
export type Diagram = {
  /** Components found (normalized names), then any other boxes that arrows connect (e.g. "API Gateway"). */
  readonly nodes: readonly string[];
  readonly edges: readonly DiagramEdge[];
  /** What could not be read, for the student: "line 4: an arrow with nothing on its left". */
  readonly problems: readonly string[];
};

/** Most specific first; a fragment's component is the one whose name appears EARLIEST in it ("Read Model (projection)"). */
const COMPONENT_NAMES: readonly (readonly [Component, RegExp])[] = [
  ['Command Handler', /\bcommand\s*(handler|service|side|api|processor|endpoint)s?\b|\bcmd\s*handler\b|\bwrite\s*(api|service|handler|endpoint)\b|\bcommand\s*model\s*handler\b/i],
  ['Query Handler', /\bquery\s*(handler|service|side|api|processor|endpoint)s?\b|\bread\s*(api|service|handler|endpoint)\b/i],
  ['Event Handler', /\bevent\s*(handler|processor|consumer|listener|subscriber)s?\b|\bprojector\b|\bprojections?\b|\bconsumer\b|\bsubscriber\b|\bdenormali[sz]er\b|\blistener\b/i],
  ['Event Bus', /\bevent\s*bus\b|\bmessage\s*bus\b|\bbus\b|\bkafka\b|\bbroker\b|\brabbit\s*mq\b|\bqueue\b|\btopic\b|\bpub\s*\/?\s*sub\b|\bevent\s*stream(s|ing)?\b|\bnats\b|\bsns\b|\bkinesis\b/i],
  ['Read DB', /\bread\s*(db|database|model|store|side|replica|view)s?\b|\belastic\s*search\b|\belastic\b|\bopen\s*search\b|\bquery\s*(db|database|store|model)\b|\bview\s*(db|store)\b|\bmateriali[sz]ed\s*view/i],
  ['Write DB', /\bwrite\s*(db|database|model|store|side)s?\b|\bevent\s*store\b|\bcommand\s*(db|database|store)\b|\bsql\b|\bpostgres\w*|\bmysql\b|\border_events\b|\borders?\s*db\b/i],
  ['Client', /\bclient\b|\buser\b|\bbrowser\b|\bfront\s*-?\s*end\b|\bui\b|\bweb\s*app\b|\bmobile\s*app\b|\bcaller\b|\bcustomer\b/i],
];

/** Which component a box's text names, by the earliest name in it. */
export function componentOf(text: string): Component | undefined {
  let best: { component: Component; index: number } | undefined;
  for (const [component, pattern] of COMPONENT_NAMES) {
    const match = pattern.exec(text);
    if (match !== null && (best === undefined || match.index < best.index)) best = { component, index: match.index };
  }
  return best?.component;
}

type Arrow = {
  readonly row: number;
  readonly start: number;
  readonly end: number;
  readonly label: string | undefined;
  readonly direction: 'forward' | 'backward' | 'both';
};

type Fragment = {
  readonly row: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Columns of the enclosing box walls when the text sits in a box, else the text's own columns. */
  readonly boxStart: number;
  readonly boxEnd: number;
};

const HEAD = '>▶►';
const ARROW = new RegExp(
  [
    // <--> ◀──▶ ↔: both ways
    String.raw`(?<both>(?:<|◀|◄)[-─━=]+(?:>|▶|►)|↔|⟷|⇔)`,
    // ──label──▶, -- label -->, =label=>
    String.raw`(?:(?:[─━]+|-{2,}|={2,}|-(?=\s))\s*(?<label>[^\s\-─━=${HEAD}→][^${HEAD}→]*?)\s*[-─━=]+(?:>|▶|►))`,
    // -> --> ──▶ => →, with Mermaid's -->|label|
    String.raw`(?:(?<plain>[-─━=]+(?:>|▶|►)|→|⟶|⇒)(?:\|(?<pipeLabel>[^|\n]+)\|)?)`,
    // <- <-- ◀── ←
    String.raw`(?<back>(?:<|◀|◄)[-─━=]+|←|⟵|⇐)`,
  ].join('|'),
  'g',
);

const WALL = /[|│║┃]/;
const SEPARATOR = /[|│║┃+┌┐└┘├┤┬┴┼╭╮╯╰═]/;
const SHAFT = /[|│║┃:¦]/;
const DOWN_HEADS = 'vV▼↓';
const UP_HEADS = '^▲↑';

/**
 * A diagram line holds a few boxes and arrows. A longer one is not read: matching arrows and boxes on a line costs
 * time that grows with the square of its length, and a 100,000-character line of dashes froze the page for minutes.
 */
export const maxDiagramLineLength = 500;

export function parseDiagram(text: string): Diagram {
  const problems: string[] = [];
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, '    ')
    .split('\n')
    .map((line, row) => {
      if (line.length <= maxDiagramLineLength) return line;
      problems.push(`line ${row + 1}: longer than ${maxDiagramLineLength} characters, so it is not read as part of the diagram`);
      return '';
    });
  const arrows: Arrow[] = [];
  const fragments: Fragment[] = [];
  const grid = lines.map((line) => [...line]);

  lines.forEach((line, row) => {
    const chars = [...line];
    const rowArrows: Arrow[] = [];
    // Match on the code-point array joined back: box-drawing characters are single code units, so indexes agree.
    for (const match of line.matchAll(ARROW)) {
      const groups = match.groups ?? {};
      const start = match.index;
      const end = start + match[0].length;
      const label = (groups['label'] ?? groups['pipeLabel'])?.replace(/^[\s([{"']+|[\s)\]}"']+$/g, '').trim();
      const direction = groups['both'] !== undefined ? 'both' : groups['back'] !== undefined ? 'backward' : 'forward';
      rowArrows.push({ row, start, end, label: label === '' ? undefined : label, direction });
    }
    arrows.push(...rowArrows);
    const residual = chars.map((char, column) => (rowArrows.some((a) => column >= a.start && column < a.end) ? ' ' : char));
    fragments.push(...fragmentsOf(residual, row));
  });

  const aliases = mermaidAliases(fragments);
  const nameOf = (fragment: Fragment): string => {
    const alias = aliases.get(fragment.text.trim());
    if (alias !== undefined) return alias;
    return componentOf(fragment.text) ?? cleanName(fragment.text);
  };

  const edges: DiagramEdge[] = [];
  const addEdge = (from: Fragment, to: Fragment, label: string | undefined): void => {
    const edge = { from: nameOf(from), to: nameOf(to), ...(label !== undefined ? { label } : {}) };
    if (edge.from !== edge.to && edge.from !== '' && edge.to !== '') edges.push(edge);
  };

  for (const arrow of arrows) {
    const left = fragmentBefore(fragments, arrows, arrow) ?? nearbyFragment(fragments, arrow.row, arrow.start - 1, -1);
    const right = fragmentAfter(fragments, arrows, arrow) ?? nearbyFragment(fragments, arrow.row, arrow.end, 1);
    if (left === undefined || right === undefined) {
      problems.push(`line ${arrow.row + 1}: an arrow with nothing on its ${left === undefined ? 'left' : 'right'}`);
      continue;
    }
    if (arrow.direction !== 'backward') addEdge(left, right, arrow.label);
    if (arrow.direction !== 'forward') addEdge(right, left, arrow.label);
  }

  // Vertical arrows: a shaft of | ending in v (down) or starting under ^ (up).
  grid.forEach((chars, row) => {
    chars.forEach((char, column) => {
      const isDown = DOWN_HEADS.includes(char);
      const isUp = UP_HEADS.includes(char);
      if (!isDown && !isUp) return;
      if (/[A-Za-z]/.test(chars[column - 1] ?? ' ') || /[A-Za-z]/.test(chars[column + 1] ?? ' ')) return;
      const step = isDown ? -1 : 1;
      let tail = row + step;
      while (SHAFT.test(grid[tail]?.[column] ?? '')) tail += step;
      const shaftLength = Math.abs(tail - row) - 1;
      if (shaftLength === 0 && !'▼↓▲↑'.includes(char)) return;
      const origin = nearbyFragment(fragments, tail, column, step, 5);
      const target = nearbyFragment(fragments, row + (isDown ? 1 : -1), column, -step, 5);
      if (origin === undefined || target === undefined) {
        problems.push(`line ${row + 1}: a vertical arrow that does not reach a box ${origin === undefined ? (isDown ? 'above' : 'below') : isDown ? 'below' : 'above'} it`);
        return;
      }
      addEdge(origin, target, shaftLabel(fragments, Math.min(row, tail), Math.max(row, tail), column));
    });
  });

  if (edges.length === 0 && problems.length === 0) {
    problems.push('no arrows found: draw them as ->, -->, ──▶, →, => or a | shaft ending in v');
  }
  const found = new Set(edges.flatMap((e) => [e.from, e.to]));
  for (const fragment of fragments) {
    const component = componentOf(fragment.text);
    if (component !== undefined) found.add(component);
  }
  const nodes = [...COMPONENTS.filter((c) => found.has(c)), ...[...found].filter((n) => !(COMPONENTS as readonly string[]).includes(n))];
  return { nodes, edges: dedupe(edges), problems };
}

function fragmentsOf(chars: readonly string[], row: number): Fragment[] {
  const fragments: Fragment[] = [];
  let start = -1;
  let spaces = 0;
  const close = (end: number): void => {
    if (start === -1) return;
    const text = chars.slice(start, end).join('').trim();
    if (/[A-Za-z0-9]/.test(text)) {
      const [boxStart, boxEnd] = enclosingWalls(chars, start, end);
      fragments.push({ row, start, end, text, boxStart, boxEnd });
    }
    start = -1;
  };
  chars.forEach((char, column) => {
    if (SEPARATOR.test(char) && !isMermaidPipe(chars, column)) {
      close(column - spaces);
      spaces = 0;
      return;
    }
    if (char === ' ') {
      spaces += 1;
      if (spaces >= 3) close(column - spaces + 1);
      return;
    }
    if (/[-─━=]/.test(char) && start === -1) return;
    if (start === -1) start = column;
    spaces = 0;
  });
  close(chars.length - spaces);
  return fragments;
}

/** Mermaid labels a node `A[text]` or `A[(text)]`; pipes only matter in box drawings. */
function isMermaidPipe(chars: readonly string[], column: number): boolean {
  const before = chars.slice(0, column).join('');
  return (before.match(/\[/g)?.length ?? 0) > (before.match(/\]/g)?.length ?? 0);
}

function enclosingWalls(chars: readonly string[], start: number, end: number): [number, number] {
  let left = start - 1;
  while (left >= 0 && chars[left] === ' ') left -= 1;
  let right = end;
  while (right < chars.length && chars[right] === ' ') right += 1;
  const inBox = left >= 0 && WALL.test(chars[left]!) && right < chars.length && WALL.test(chars[right]!);
  return inBox ? [left, right] : [start, end - 1];
}

function fragmentBefore(fragments: readonly Fragment[], arrows: readonly Arrow[], arrow: Arrow): Fragment | undefined {
  const previousArrowEnd = Math.max(-1, ...arrows.filter((a) => a.row === arrow.row && a.end <= arrow.start).map((a) => a.end));
  return fragments
    .filter((f) => f.row === arrow.row && f.end <= arrow.start && f.start >= previousArrowEnd)
    .sort((a, b) => b.end - a.end)[0];
}

function fragmentAfter(fragments: readonly Fragment[], arrows: readonly Arrow[], arrow: Arrow): Fragment | undefined {
  const nextArrowStart = Math.min(Number.MAX_SAFE_INTEGER, ...arrows.filter((a) => a.row === arrow.row && a.start >= arrow.end).map((a) => a.start));
  return fragments
    .filter((f) => f.row === arrow.row && f.start >= arrow.end && f.end <= nextArrowStart)
    .sort((a, b) => a.start - b.start)[0];
}

/** The fragment whose box covers `column`, searching from `row` in direction `step` (rows) for a few rows. */
function nearbyFragment(fragments: readonly Fragment[], row: number, column: number, step: number, reach = 3): Fragment | undefined {
  for (let distance = 0; distance <= reach; distance += 1) {
    const candidates = fragments.filter(
      (f) => f.row === row + distance * step && column >= f.boxStart - 1 && column <= f.boxEnd + 1 && componentOrName(f),
    );
    if (candidates.length > 0) {
      return candidates.sort((a, b) => distanceTo(a, column) - distanceTo(b, column))[0];
    }
  }
  return undefined;
}

function componentOrName(fragment: Fragment): boolean {
  return componentOf(fragment.text) !== undefined || /^[A-Za-z]/.test(fragment.text);
}

function distanceTo(fragment: Fragment, column: number): number {
  return column < fragment.start ? fragment.start - column : column >= fragment.end ? column - fragment.end + 1 : 0;
}

/** Text written beside a vertical shaft ("|  publishes"): the arrow's label. */
function shaftLabel(fragments: readonly Fragment[], top: number, bottom: number, column: number): string | undefined {
  const beside = fragments.find((f) => f.row > top && f.row < bottom && f.start > column && f.start <= column + 4 && componentOf(f.text) === undefined);
  return beside?.text;
}

function mermaidAliases(fragments: readonly Fragment[]): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const fragment of fragments) {
    const match = /^([A-Za-z_][\w-]*)\s*[[({>]+\s*"?([^\]})"]+?)"?\s*[\])}]+$/.exec(fragment.text.trim());
    if (match !== null) aliases.set(match[1]!, componentOf(match[2]!) ?? cleanName(match[2]!));
  }
  return aliases;
}

function cleanName(text: string): string {
  return text
    .replace(/^[\s[({"'<]+|[\s\])}"'>]+$/g, '')
    .replace(/\s+/g, ' ')
    .slice(0, 40);
}

function dedupe(edges: readonly DiagramEdge[]): DiagramEdge[] {
  const seen = new Set<string>();
  return edges.filter((e) => {
    const key = `${e.from}→${e.to}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
