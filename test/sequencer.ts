import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Starts the longest e2e files first. Two workers take files in order, so a long file begun last runs alone at the
 * end: the fresh-clone run finished its longest file (97 s) last and kept one worker idle for a minute. Vitest orders
 * by the durations in its cache, which a fresh clone (CI) does not have; there this falls back on the seconds each
 * file took in a measured run (test/e2e/fileWeights.json). A file with neither goes first, as Vitest does with files
 * it does not know. Other projects keep Vitest's own order.
 */
const root = resolve(import.meta.dirname, '..');
const weightsFile = resolve(root, 'test/e2e/fileWeights.json');
const e2eDir = resolve(root, 'test/e2e');

function measuredSeconds(): ReadonlyMap<string, number> {
  const parsed = JSON.parse(readFileSync(weightsFile, 'utf8')) as Record<string, unknown>;
  return new Map(Object.entries(parsed).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));
}

/**
 * Whether the command line asks Vitest for its random file order (`--sequence.shuffle`, `--sequence.shuffle.files`).
 * Vitest keeps a configured sequencer over that request, so with this one configured the files ran in their usual
 * order while the run said it was shuffled; the config leaves this sequencer out when it is asked.
 */
export function asksForShuffledFiles(argv: readonly string[]): boolean {
  return argv.some((arg) => /^--sequence\.shuffle(\.files)?(=true)?$/.test(arg));
}

export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const e2e = sorted.filter((spec) => spec.project.name === 'e2e');
    if (e2e.length === 0) return sorted;
    const seconds = measuredSeconds();
    const weightOf = (spec: TestSpecification): number => {
      const cached = this.ctx.cache.getFileTestResults(`e2e:${relative(root, spec.moduleId)}`);
      if (cached) return cached.duration / 1000;
      return seconds.get(relative(e2eDir, spec.moduleId)) ?? Number.POSITIVE_INFINITY;
    };
    const byWeight = [...e2e].sort((a, b) => weightOf(b) - weightOf(a));
    let next = 0;
    return sorted.map((spec) => (spec.project.name === 'e2e' ? byWeight[next++]! : spec));
  }
}
