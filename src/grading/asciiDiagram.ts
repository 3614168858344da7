/**
 * ASCII drawings of a diagram, read from the character grid the way a person follows them: find the boxes (any
 * style: `+--+`, `┌──┐`, `╭──╮`, a name split over several lines), the words outside boxes (`[Client]`,
 * `(Read DB)`, plain names), then every arrowhead (`>`, `▶`, `→`, `<`, `v`, `▼`, `^`...) and follow its shaft back,
 * round corners and across any number of rows, to the box or name it starts from. Words inside a shaft
 * (`──POST /orders──▶`) or beside a vertical shaft are the arrow's label; an arrow touching a wall (`|---->| Box |`)
 * reaches the box.
 */

import type { DiagramEdge, DrawingReading } from './diagram';
import { componentOf, nodeName } from './diagram';

const HORIZONTAL = '-─━═=~';
const VERTICAL = '|│║┃¦';
const JUNCTIONS = '+┌┐└┘├┤┬┴┼╭╮╯╰╔╗╚╝╠╣╦╩╬┏┓┗┛';
const TOP_LEFT = '+┌╭╔┏';
const TOP_RIGHT = '+┐╮╗┓';
const BOTTOM_LEFT = '+└╰╚┗';
const BOTTOM_RIGHT = '+┘╯╝┛';
const BORDER = `${HORIZONTAL}${JUNCTIONS}vV^▼▲`;
const WALL = `${VERTICAL}${JUNCTIONS}<>▶◀►◄`;
const RIGHT_HEADS = '▶►→⟶⇒➜➝➞▸';
const LEFT_HEADS = '◀◄←⟵⇐◂';
const DOWN_HEADS = '▼↓▾';
const UP_HEADS = '▲↑▴';
const BOTH_HEADS = '↔⟷⇔';

type Direction = { readonly dr: number; readonly dc: number };
const EAST: Direction = { dr: 0, dc: 1 };
const WEST: Direction = { dr: 0, dc: -1 };
const SOUTH: Direction = { dr: 1, dc: 0 };
const NORTH: Direction = { dr: -1, dc: 0 };

type Box = { readonly top: number; readonly left: number; readonly bottom: number; readonly right: number; text: string; leaf: boolean };
type Run = { readonly row: number; readonly start: number; readonly end: number; readonly text: string };
type Node = { readonly box: Box } | { readonly run: Run };

class Grid {
  readonly cells: string[][];
  constructor(lines: readonly string[]) {
    this.cells = lines.map((line) => [...line]);
  }
  at(row: number, column: number): string {
    return this.cells[row]?.[column] ?? ' ';
  }
  get rows(): number {
    return this.cells.length;
  }
}

const isWord = (char: string): boolean => /[\p{L}\p{N}]/u.test(char);

export function parseAsciiDiagram(lines: readonly string[]): DrawingReading {
  const grid = new Grid(lines);
  const boxes = findBoxes(grid);
  const boxesByRow = grid.cells.map(() => [] as Box[]);
  for (const box of boxes) for (let row = box.top; row <= box.bottom; row += 1) boxesByRow[row]!.push(box);
  /** The box drawn at a cell: on its border, or inside it when it holds no other box (a container is reached by its border). */
  const boxAt = (row: number, column: number): Box | undefined => {
    let best: Box | undefined;
    for (const b of boxesByRow[row] ?? []) {
      if (column < b.left || column > b.right) continue;
      const onBorder = row === b.top || row === b.bottom || column === b.left || column === b.right;
      if ((onBorder || b.leaf) && (best === undefined || area(b) < area(best))) best = b;
    }
    return best;
  };
  /** A horizontal line character, unless it joins two words ("e-commerce", "status=shipped"). */
  const isHorizontal = (row: number, column: number): boolean => {
    const char = grid.at(row, column);
    if (!HORIZONTAL.includes(char)) return false;
    return !(isWord(grid.at(row, column - 1)) && isWord(grid.at(row, column + 1)));
  };
  const isVertical = (row: number, column: number): boolean => VERTICAL.includes(grid.at(row, column));
  const isJunction = (row: number, column: number): boolean => {
    const char = grid.at(row, column);
    return JUNCTIONS.includes(char) && !(char === '+' && isWord(grid.at(row, column - 1)) && isWord(grid.at(row, column + 1)));
  };
  /** Where an arrowhead at this cell points, if it is one. */
  const headsAt = (row: number, column: number): Direction[] => {
    const char = grid.at(row, column);
    if (char === '>' && (isHorizontal(row, column - 1) || isJunction(row, column - 1))) return [EAST];
    if (char === '<' && (isHorizontal(row, column + 1) || isJunction(row, column + 1))) return [WEST];
    if (RIGHT_HEADS.includes(char)) return [EAST];
    if (LEFT_HEADS.includes(char)) return [WEST];
    if (BOTH_HEADS.includes(char)) return [EAST, WEST];
    if (DOWN_HEADS.includes(char)) return [SOUTH];
    if (UP_HEADS.includes(char)) return [NORTH];
    const alone = !isWord(grid.at(row, column - 1)) && !isWord(grid.at(row, column + 1));
    if ((char === 'v' || char === 'V') && alone && (isVertical(row - 1, column) || isJunction(row - 1, column))) return [SOUTH];
    if (char === '^' && (isVertical(row + 1, column) || isJunction(row + 1, column))) return [NORTH];
    return [];
  };
  const isHeadCell = (row: number, column: number): boolean => headsAt(row, column).length > 0;
  const isLine = (row: number, column: number, direction: Direction): boolean =>
    direction.dr === 0 ? isHorizontal(row, column) : isVertical(row, column);

  const runs = findRuns(grid, (row, column) => boxAt(row, column) !== undefined || isHorizontal(row, column) || isVertical(row, column) || isJunction(row, column) || isHeadCell(row, column));
  const runsByRow = grid.cells.map(() => [] as Run[]);
  for (const run of runs) runsByRow[run.row]!.push(run);
  const runAt = (row: number, column: number, slack = 0): Run | undefined =>
    (runsByRow[row] ?? []).filter((r) => column >= r.start - slack && column < r.end + slack).sort((a, b) => distance(a, column) - distance(b, column))[0];

  const labelRuns = new Set<Run>();
  const endpointRuns = new Set<Run>();
  const problems: string[] = [];
  const edges: DiagramEdge[] = [];

  /** The box or words an arrow reaches from (row, column) going `direction`, across a few spaces (and a lone wall). */
  const nodeBeyond = (row: number, column: number, direction: Direction): Node | undefined => {
    if (direction.dr === 0) {
      let c = column;
      for (let spaces = 0; spaces <= 3; spaces += 1, c += direction.dc) {
        const box = boxAt(row, c);
        if (box !== undefined) return { box };
        const run = runAt(row, c);
        if (run !== undefined) return { run };
        // `|---->| Box |` without a top and bottom border: the bar is the wall of a box drawn on one line.
        if (isVertical(row, c) && spaces === 0) continue;
        if (grid.at(row, c) !== ' ') return undefined;
      }
      return undefined;
    }
    let r = row;
    for (let blank = 0; blank <= 2; blank += 1, r += direction.dr) {
      const box = boxAt(r, column);
      if (box !== undefined) return { box };
      const run = runAt(r, column, 2);
      if (run !== undefined) return { run };
      if (grid.at(r, column) !== ' ') return undefined;
    }
    return undefined;
  };

  type Trace = { node: Node; labels: string[]; verticals: { row: number; column: number }[] };

  /** Follows a shaft backwards from (row, column), travelling `direction`, to the node it starts from. */
  const trace = (row: number, column: number, direction: Direction, seen: Set<string>, depth = 0): Trace | undefined => {
    const labels: string[] = [];
    const verticals: { row: number; column: number }[] = [];
    let r = row;
    let c = column;
    let d = direction;
    for (let steps = 0; steps < 20_000; steps += 1) {
      const key = `${r},${c},${d.dr},${d.dc}`;
      if (seen.has(key) || r < 0 || r >= grid.rows || c < 0) return undefined;
      seen.add(key);
      const box = boxAt(r, c);
      if (box !== undefined) return { node: { box }, labels, verticals };
      if (isLine(r, c, d)) {
        if (d.dr !== 0) verticals.push({ row: r, column: c });
        r += d.dr;
        c += d.dc;
        continue;
      }
      const char = grid.at(r, c);
      const crossing = d.dr !== 0 && isHorizontal(r, c);
      const tee = d.dr === 0 && isVertical(r, c);
      if (isJunction(r, c) || crossing || tee) {
        if (tee) {
          // A bar right before words is a box wall drawn without corners; otherwise a shaft the arrow joins.
          const wall = nodeBeyond(r, c, d);
          if (wall !== undefined && grid.at(r, c + d.dc) !== ' ' && 'run' in wall) return finish(wall, labels, verticals);
        }
        const turns: Direction[] = crossing ? [d] : [d, { dr: d.dc, dc: d.dr }, { dr: -d.dc, dc: -d.dr }];
        if (depth < 40) {
          for (const turn of turns) {
            const nr = r + turn.dr;
            const nc = c + turn.dc;
            if (isLine(nr, nc, turn) || isJunction(nr, nc) || boxAt(nr, nc) !== undefined || (turn.dr !== 0 && isHorizontal(nr, nc))) {
              if (headsAt(nr, nc).some((h) => h.dr === -turn.dr && h.dc === -turn.dc)) continue;
              const rest = trace(nr, nc, turn, seen, depth + 1);
              if (rest !== undefined) return { node: rest.node, labels: [...labels, ...rest.labels], verticals: [...verticals, ...rest.verticals] };
            }
          }
        }
        const beyond = nodeBeyond(r + d.dr, c + d.dc, d);
        return beyond === undefined ? undefined : finish(beyond, labels, verticals);
      }
      if (headsAt(r, c).some((h) => h.dr === d.dr && h.dc === d.dc)) {
        // The far head of a two-way arrow (<-->): the node is right behind it.
        const beyond = nodeBeyond(r + d.dr, c + d.dc, d);
        return beyond === undefined ? undefined : finish(beyond, labels, verticals);
      }
      if (char === ' ' && d.dr === 0) {
        // Spaces inside a shaft (`-- label -->`): jump them when the line goes on.
        let nc = c;
        while (grid.at(r, nc) === ' ' && Math.abs(nc - c) < 3) nc += d.dc;
        if (isHorizontal(r, nc)) {
          c = nc;
          continue;
        }
      }
      const found = nodeBeyond(r, c, d);
      if (found === undefined) return undefined;
      if ('run' in found && continuesPast(found.run, d, c)) {
        labels.push(found.run.text);
        labelRuns.add(found.run);
        if (d.dr === 0) c = d.dc < 0 ? found.run.start - 1 : found.run.end;
        else r = found.run.row + d.dr;
        continue;
      }
      return finish(found, labels, verticals);
    }
    return undefined;
  };

  const finish = (node: Node, labels: string[], verticals: { row: number; column: number }[]): Trace => ({ node, labels, verticals });

  /** Whether the shaft goes on past these words, so that they are a label written in it. */
  const continuesPast = (run: Run, direction: Direction, column: number): boolean => {
    if (direction.dr === 0) {
      let c = direction.dc < 0 ? run.start - 1 : run.end;
      for (let spaces = 0; spaces < 3 && grid.at(run.row, c) === ' '; spaces += 1) c += direction.dc;
      return isHorizontal(run.row, c);
    }
    return isVertical(run.row + direction.dr, column) || isJunction(run.row + direction.dr, column);
  };

  const nameOf = (node: Node): string => {
    if ('box' in node) return nodeName(node.box.text);
    endpointRuns.add(node.run);
    return nodeName(node.run.text);
  };

  for (let row = 0; row < grid.rows; row += 1) {
    for (let column = 0; column < grid.cells[row]!.length; column += 1) {
      for (const head of headsAt(row, column)) {
        const target = nodeBeyond(row + head.dr, column + head.dc, head);
        const back = { dr: -head.dr, dc: -head.dc };
        const source = trace(row + back.dr, column + back.dc, back, new Set());
        if (source === undefined || target === undefined) {
          const side = head.dr === 0 ? (source === undefined) === (head.dc > 0) ? 'left' : 'right' : (source === undefined) === head.dr > 0 ? 'top' : 'bottom';
          problems.push(`line ${row + 1}: an arrow with nothing on its ${side}`);
          continue;
        }
        const inline = head.dc < 0 ? source.labels : [...source.labels].reverse();
        const label = inline.length > 0 ? inline.join(' ') : besideShaft(source.verticals);
        const from = nameOf(source.node);
        const to = nameOf(target);
        edges.push({ from, to, ...(label !== undefined && label !== '' ? { label } : {}) });
      }
    }
  }

  /** Words written just right of a vertical shaft ("|  publishes"): its label. */
  function besideShaft(cells: readonly { row: number; column: number }[]): string | undefined {
    for (const { row, column } of cells) {
      const beside = runs.find((r) => r.row === row && r.start > column && r.start <= column + 4 && componentOf(r.text) === undefined);
      if (beside !== undefined) {
        labelRuns.add(beside);
        return beside.text;
      }
    }
    return undefined;
  }

  const boxNames = [
    ...boxes.filter((b) => b.text !== '').map((b) => nodeName(b.text)),
    ...runs.filter((r) => !labelRuns.has(r) || endpointRuns.has(r)).map((r) => nodeName(r.text)),
  ];
  return { edges, boxNames, problems };
}

function area(box: Box): number {
  return (box.bottom - box.top) * (box.right - box.left);
}

function distance(run: Run, column: number): number {
  return column < run.start ? run.start - column : column >= run.end ? column - run.end + 1 : 0;
}

const maxBoxes = 500;

/** Rectangles drawn with corners, borders and walls; their text is the words inside, lines joined. */
function findBoxes(grid: Grid): Box[] {
  const boxes: Box[] = [];
  // A drawing has a few dozen boxes; a page of them is not a diagram, and reading it all would freeze the page.
  for (let top = 0; top < grid.rows && boxes.length < maxBoxes; top += 1) {
    const row = grid.cells[top]!;
    for (let left = 0; left < row.length && boxes.length < maxBoxes; left += 1) {
      if (!TOP_LEFT.includes(row[left]!)) continue;
      // A few top-right corners are tried (boxes side by side share one), so a page of '+' is read in moments.
      let tried = 0;
      for (let right = left + 1; right < row.length && BORDER.includes(row[right]!) && tried < 3; right += 1) {
        if (right === left + 1 || !TOP_RIGHT.includes(row[right]!)) continue;
        tried += 1;
        const bottom = closeBox(grid, top, left, right);
        if (bottom === undefined) continue;
        boxes.push({ top, left, bottom, right, text: '', leaf: true });
        break;
      }
    }
  }
  const byTop = grid.cells.map(() => [] as Box[]);
  for (const box of boxes) byTop[box.top]!.push(box);
  for (const box of boxes) {
    const inner: Box[] = [];
    for (let row = box.top + 1; row < box.bottom; row += 1) {
      inner.push(...byTop[row]!.filter((other) => other.bottom < box.bottom && other.left > box.left && other.right < box.right));
    }
    box.leaf = inner.length === 0;
    const lines: string[] = [];
    for (let r = box.top + 1; r < box.bottom; r += 1) {
      const chars = grid.cells[r]!.slice(box.left + 1, box.right).map((char, i) => (inner.some((o) => r >= o.top && r <= o.bottom && box.left + 1 + i >= o.left && box.left + 1 + i <= o.right) ? ' ' : char));
      const words = chars.join('').replace(/[─━═|│║┃<>▶◀►◄▼▲]|-{2,}|={2,}/g, ' ').trim();
      if (words !== '') lines.push(box.leaf ? words : words.split(/\s{2,}/)[0]!);
      if (!box.leaf && lines.length > 0) break;
    }
    box.text = lines.join(' ').replace(/\s+/g, ' ');
  }
  return boxes;
}

function closeBox(grid: Grid, top: number, left: number, right: number): number | undefined {
  for (let bottom = top + 1; bottom < grid.rows && bottom - top <= 60; bottom += 1) {
    const l = grid.at(bottom, left);
    const r = grid.at(bottom, right);
    if (BOTTOM_LEFT.includes(l) && BOTTOM_RIGHT.includes(r) && bottom > top + 1) {
      let border = true;
      for (let c = left + 1; c < right && border; c += 1) border = BORDER.includes(grid.at(bottom, c));
      if (border) return bottom;
    }
    if (!WALL.includes(l) || !WALL.includes(r)) return undefined;
  }
  return undefined;
}

/** Words outside boxes: runs of text separated by two spaces or by any drawing character. */
function findRuns(grid: Grid, isDrawing: (row: number, column: number) => boolean): Run[] {
  const runs: Run[] = [];
  grid.cells.forEach((cells, row) => {
    let start = -1;
    let last = -1;
    const close = (): void => {
      if (start !== -1) {
        const text = cells.slice(start, last + 1).join('').trim();
        if (/[\p{L}\p{N}]/u.test(text)) runs.push({ row, start, end: last + 1, text });
      }
      start = -1;
    };
    cells.forEach((char, column) => {
      if (char === ' ') {
        if (start !== -1 && column - last >= 2) close();
        return;
      }
      if (isDrawing(row, column)) {
        close();
        return;
      }
      if (start !== -1 && column - last > 2) close();
      if (start === -1) start = column;
      last = column;
    });
    close();
  });
  return runs;
}
