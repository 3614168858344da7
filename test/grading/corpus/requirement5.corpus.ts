import type { CorpusCase } from './case';
export const REQUIREMENT_5_CORPUS: readonly CorpusCase[] = [];
