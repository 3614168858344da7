import type { EventStore } from '../../src/eventStore/types';
import { exportStore, validateImport } from '../../src/simulator/exportImport';
import { workbookUpcasting } from '../../src/simulator/simulator';

/**
 * An export file as its lines (line 1 = the header, then one event per line), and the edits a test makes to it
 * before importing it, the way a person would edit the file by hand.
 */

/** The store exported at a fixed time, one line per entry without the line ending. */
export async function exportedFileLines(store: EventStore): Promise<string[]> {
  const { lines } = await exportStore(store, { now: () => '2025-06-01T00:00:00.000Z' });
  return lines.map((line) => line.trimEnd());
}

/** The import's verdict on these lines, with today's upcasters. */
export const check = (lines: readonly string[]) => validateImport(lines.join('\n'), workbookUpcasting);

/** Line n of the file (1-based) as an object, changed by `change`, written back. */
export function edit(lines: string[], line: number, change: (event: Record<string, any>) => void): string[] {
  const copy = [...lines];
  const event = JSON.parse(copy[line - 1]!);
  change(event);
  copy[line - 1] = JSON.stringify(event);
  return copy;
}

/** The first event line (1-based, after the header) whose event matches; 0 when none does. */
export const lineOf = (lines: readonly string[], predicate: (event: Record<string, any>) => boolean): number =>
  lines.findIndex((line, index) => index > 0 && predicate(JSON.parse(line))) + 1;
