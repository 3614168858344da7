import { exportStore, validateImport, type ImportResult } from './exportImport';
import { workbookUpcasting, type DataProgress, type WorkbookSimulator } from './simulator';

/** The Data screen's two file operations on a simulator. */

/** The store as export-file lines (header first), for `new Blob(lines)`. */
export function exportEvents(
  simulator: Pick<WorkbookSimulator, 'recordedStore'>,
  onProgress?: (done: number, total: number) => void,
): Promise<{ readonly lines: string[]; readonly events: number }> {
  return exportStore(simulator.recordedStore, onProgress ? { onProgress } : {});
}

/**
 * Checks the whole file first; only a file without a single bad line replaces the store. A refusal (with its line
 * and reason) has written nothing.
 */
export async function importEvents(
  simulator: Pick<WorkbookSimulator, 'replaceAll'>,
  text: string,
  onProgress?: (progress: DataProgress) => void,
): Promise<ImportResult> {
  const checked = validateImport(text, workbookUpcasting);
  if (!checked.ok) return checked;
  await simulator.replaceAll(checked.events, onProgress);
  return checked;
}
