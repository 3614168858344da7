import type { CorpusCase } from './case';
export const REQUIREMENT_2_CORPUS: readonly CorpusCase[] = [];
