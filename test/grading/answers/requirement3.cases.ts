import type { GradedCase } from './case';

/** Requirement 3 (CRUD vs CQRS table): correct tables in different words, and tables with a wrong or missing cell. */

type Cells = readonly [string, string, string, string, string, string, string, string, string, string];

const ROWS = ['Read/write scalability', 'Query flexibility', 'Data consistency', 'Code complexity', 'Best suited for'];

function table(cells: Cells, header = '| Dimension | Standard CRUD | CQRS |'): string {
  const rows = ROWS.map((row, index) => `| ${row} | ${cells[index * 2]} | ${cells[index * 2 + 1]} |`);
  return [header, '|---|---|---|', ...rows].join('\n');
}

const GOOD: Cells = [
  'Limited: one database serves reads and writes',
  'Reads and writes scale independently',
  'Limited by the normalized schema',
  'High: each query gets its own read model',
  'Strong, immediate (ACID)',
  'Eventual: reads may be stale for a moment',
  'Low: one model',
  'Higher: two models, a bus and projections',
  'Simple apps with low traffic',
  'Complex, high-traffic, read-heavy domains',
];

function withCell(index: number, text: string): Cells {
  return GOOD.map((cell, i) => (i === index ? text : cell)) as unknown as Cells;
}

export const REQUIREMENT_3_CASES: readonly GradedCase[] = [
  { name: 'short cells', section: table(GOOD), verdict: 'pass' },
  {
    name: 'sentences in each cell',
    section: table([
      'Both workloads hit the same tables, so you can only scale them together (usually vertically).',
      'The read side can be scaled out separately from the write side.',
      'Queries must work against the write schema, which means joins and compromises.',
      'Very flexible: denormalized views per use case, even a search index.',
      'Immediately consistent: you read what you just wrote.',
      'Eventually consistent; the read model lags behind the write model.',
      'Simple and straightforward.',
      'More complex: more moving parts to build and operate.',
      'Small CRUD-style apps, admin tools, prototypes.',
      'Large systems with very different read and write loads, or audit needs.',
    ]),
    verdict: 'pass',
  },
  {
    name: 'one-word cells',
    section: table(['Coupled', 'Independent', 'Rigid', 'Tailored', 'Strong', 'Eventual', 'Simple', 'Complex', 'Simple domains', 'Complex domains']),
    verdict: 'pass',
  },
  {
    name: 'different column headers and negations',
    section: table(
      [
        "Reads and writes can't scale independently",
        'Each side scales on its own',
        'Not very flexible: one model for everything',
        'Any number of read models, each shaped for a query',
        'Always consistent, transactional',
        'Not immediately consistent: asynchronous updates',
        'Not complex',
        'Significant extra complexity',
        'Basic business apps with modest load',
        'High-scale e-commerce or trading',
      ],
      '| | CRUD (one model) | CQRS (two models) |',
    ),
    verdict: 'pass',
  },
  {
    name: 'cells with markdown emphasis and arrows',
    section: table([
      '**Low** — a single DB is the bottleneck',
      '**High** → read replicas and write store scale separately',
      '*Limited* (normalized tables)',
      '*High* (denormalized read models)',
      '**Strong**',
      '**Eventual** (async projections)',
      '**Low**',
      '**High**',
      'Simple, small systems',
      'Complex systems with heavy reporting',
    ]),
    verdict: 'pass',
  },
  { name: 'CQRS consistency said to be immediate', section: table(withCell(5, 'Always immediately consistent')), verdict: 'fail', mentions: "CQRS cell of 'Data consistency'" },
  { name: 'CQRS said to be simpler', section: table(withCell(7, 'Lower, simpler code')), verdict: 'fail', mentions: "CQRS cell of 'Code complexity'" },
  { name: 'CRUD said to scale reads and writes independently', section: table(withCell(0, 'Reads and writes scale independently')), verdict: 'fail', mentions: "CRUD cell of 'Read/write scalability'" },
  { name: 'an empty cell', section: table(withCell(3, '')), verdict: 'fail', mentions: "CQRS cell of 'Query flexibility' is empty" },
  { name: 'a missing row', section: table(GOOD).split('\n').filter((line) => !line.includes('Best suited')).join('\n'), verdict: 'fail', mentions: "no row for 'Best suited for'" },
  { name: 'CRUD said to be eventually consistent', section: table(withCell(4, 'Eventually consistent')), verdict: 'fail', mentions: "CRUD cell of 'Data consistency'" },
  { name: 'no table at all', section: 'CRUD is simpler, CQRS scales better.', verdict: 'fail', mentions: 'no markdown table' },
];
