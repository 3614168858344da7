import type { CorpusCase } from './case';
export const REQUIREMENT_3_CORPUS: readonly CorpusCase[] = [];
