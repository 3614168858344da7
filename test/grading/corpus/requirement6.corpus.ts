import type { CorpusCase } from './case';
export const REQUIREMENT_6_CORPUS: readonly CorpusCase[] = [];
