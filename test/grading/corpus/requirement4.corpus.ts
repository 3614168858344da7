import type { CorpusCase } from './case';
export const REQUIREMENT_4_CORPUS: readonly CorpusCase[] = [];
