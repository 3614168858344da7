/**
 * Mermaid flowcharts (`flowchart LR` / `graph TD`) in their common syntaxes: node ids with labels in any shape
 * (`A[Client]`, `W[(Write DB)]`, `C((Client))`, `B{{Kafka}}`, quoted labels), links `-->`, `---`, `-.->`, `==>`,
 * `<-->`, with labels as `-->|label|` or `-- label -->`, chains (`A --> B --> C`), `&` groups, subgraphs, comments
 * and styling lines.
 */

import type { DiagramEdge, DrawingReading } from './diagram';
import { nodeName } from './diagram';

const HEADER = /^\s*(?:flowchart|graph)\b/i;
const IGNORED = /^\s*(?:subgraph\b|end\s*$|classDef\s|class\s|style\s|linkStyle\s|click\s|direction\s|accTitle|accDescr|title\b)/i;

/** A flowchart header, or a line in Mermaid's own syntax: a node id with a shape followed by a link, or a `|label|`. */
export function isMermaid(lines: readonly string[]): boolean {
  const first = lines.find((line) => line.trim() !== '' && !line.trim().startsWith('%%'));
  if (first !== undefined && HEADER.test(first)) return true;
  return lines.some((line) => /^\s*[\p{L}\p{N}_]+\s*(?:\[|\(|\{)[^\n]*?(?:\]|\)|\})\s*(?:<?-{2,}|<?={2,}|<?-\.)/u.test(line) || /(?:^|[\s\p{L}\p{N}_\])}])(?:-{2,}>|={2,}>|-\.+->)\s*\|[^|]+\|\s*[\p{L}\p{N}_]/u.test(line));
}

const SHAPES: readonly (readonly [string, string])[] = [
  ['(((', ')))'],
  ['((', '))'],
  ['([', '])'],
  ['[(', ')]'],
  ['[[', ']]'],
  ['{{', '}}'],
  ['[/', '/]'],
  ['[\\', '\\]'],
  ['[', ']'],
  ['(', ')'],
  ['{', '}'],
  ['>', ']'],
];

const ID = /[\p{L}\p{N}_]+/uy;
const TEXT_LINK = /\s*(<)?(--|==|-\.)\s*(?![->=.])([^|\n]*?)\s*(-{2,}|={2,}|\.+-)(>|o(?=\s)|x(?=\s))?/y;
const PLAIN_LINK = /\s*(<)?(-{2,}|={2,}|-\.+-|~~~)(>|o(?=\s)|x(?=\s))?(?:\s*\|([^|]*)\|)?/y;

type Statement = { readonly groups: readonly (readonly string[])[]; readonly links: readonly Link[] };
type Link = { readonly forward: boolean; readonly backward: boolean; readonly label: string | undefined };

export function parseMermaidDiagram(lines: readonly string[]): DrawingReading {
  const labels = new Map<string, string>();
  const statements: Statement[] = [];
  const problems: string[] = [];
  lines.forEach((line, row) => {
    for (const part of line.replace(/%%.*$/, '').split(';')) {
      if (part.trim() === '' || HEADER.test(part) || IGNORED.test(part)) continue;
      const statement = parseStatement(part, labels);
      if (statement === undefined) problems.push(`line ${row + 1}: not read as a Mermaid node or link`);
      else statements.push(statement);
    }
  });
  const nameOf = (id: string): string => nodeName(labels.get(id) ?? id.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' '));
  const edges: DiagramEdge[] = [];
  for (const { groups, links } of statements) {
    links.forEach((link, index) => {
      for (const left of groups[index]!) {
        for (const right of groups[index + 1]!) {
          const label = link.label !== undefined && link.label !== '' ? { label: link.label } : {};
          if (link.forward) edges.push({ from: nameOf(left), to: nameOf(right), ...label });
          if (link.backward) edges.push({ from: nameOf(right), to: nameOf(left), ...label });
        }
      }
    });
  }
  const boxNames = [...new Set(statements.flatMap((s) => s.groups.flat()))].map(nameOf);
  return { edges, boxNames, problems: edges.length === 0 ? problems : [] };
}

function parseStatement(text: string, labels: Map<string, string>): Statement | undefined {
  let position = 0;
  const group = (): string[] | undefined => {
    const ids: string[] = [];
    for (;;) {
      const node = parseNode(text, position, labels);
      if (node === undefined) return ids.length > 0 ? ids : undefined;
      ids.push(node.id);
      position = node.end;
      const and = /\s*&\s*/y;
      and.lastIndex = position;
      if (!and.test(text)) return ids;
      position = and.lastIndex;
    }
  };
  const first = group();
  if (first === undefined) return undefined;
  const groups: string[][] = [first];
  const links: Link[] = [];
  for (;;) {
    const link = parseLink(text, position);
    if (link === undefined) break;
    position = link.end;
    const next = group();
    if (next === undefined) break;
    groups.push(next);
    links.push(link.link);
  }
  return { groups, links };
}

function parseNode(text: string, start: number, labels: Map<string, string>): { id: string; end: number } | undefined {
  let position = start;
  while (text[position] === ' ') position += 1;
  ID.lastIndex = position;
  const id = ID.exec(text);
  if (id === null) return undefined;
  position = ID.lastIndex;
  const shape = SHAPES.find(([open]) => text.startsWith(open, position));
  if (shape === undefined) return { id: id[0], end: position };
  const [open, close] = shape;
  let inner = position + open.length;
  let label: string;
  const quoted = /\s*"([^"]*)"\s*/y;
  quoted.lastIndex = inner;
  const quote = quoted.exec(text);
  if (quote !== null && text.startsWith(close, quoted.lastIndex)) {
    label = quote[1]!;
    inner = quoted.lastIndex;
  } else {
    const end = text.indexOf(close, inner);
    if (end === -1) return { id: id[0], end: position };
    label = text.slice(inner, end);
    inner = end;
  }
  labels.set(id[0], cleanLabel(label));
  return { id: id[0], end: inner + close.length };
}

function parseLink(text: string, start: number): { link: Link; end: number } | undefined {
  for (const pattern of [TEXT_LINK, PLAIN_LINK]) {
    pattern.lastIndex = start;
    const match = pattern.exec(text);
    if (match === null) continue;
    const isText = pattern === TEXT_LINK;
    const head = isText ? match[5] : match[3];
    const label = isText ? match[3] : match[4];
    return { link: { forward: head !== undefined, backward: match[1] !== undefined, label: label === undefined ? undefined : cleanLabel(label) }, end: pattern.lastIndex };
  }
  return undefined;
}

function cleanLabel(label: string): string {
  return label
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/fa:fa-[\w-]+/g, '')
    .replace(/[`*"]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
