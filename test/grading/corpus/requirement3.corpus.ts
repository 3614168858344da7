import type { CorpusCase } from './case';

/**
 * Requirement 3 (benefits and trade-offs): five dimensions × Standard CRUD / CQRS. A teacher expects: CRUD scales reads
 * and writes together, CQRS independently; CRUD's queries are limited by the one schema, CQRS shapes read models per
 * query; CRUD is strongly consistent, CQRS eventually; CRUD is simpler, CQRS more complex; CRUD for simple, low-scale
 * domains, CQRS for complex, high-traffic, read-heavy or audit-heavy ones.
 */

type Dim = 'scalability' | 'flexibility' | 'consistency' | 'complexity' | 'bestFor';
const DIMS: readonly Dim[] = ['scalability', 'flexibility', 'consistency', 'complexity', 'bestFor'];

const LABELS: readonly Record<Dim, string>[] = [
  {
    scalability: 'Read/write scalability',
    flexibility: 'Query flexibility',
    consistency: 'Data consistency',
    complexity: 'Code complexity',
    bestFor: 'Best suited for',
  },
  {
    scalability: 'Scalability (reads vs writes)',
    flexibility: 'Flexibility of queries',
    consistency: 'Consistency',
    complexity: 'Complexity',
    bestFor: 'When to use',
  },
  {
    scalability: '**Read/write scalability**',
    flexibility: '**Query flexibility**',
    consistency: '**Data consistency**',
    complexity: '**Code complexity**',
    bestFor: '**Best suited for**',
  },
  {
    scalability: 'Scaling reads and writes',
    flexibility: 'Querying',
    consistency: 'Data consistency',
    complexity: 'Code / operational complexity',
    bestFor: 'Best fit',
  },
];

type Row = readonly [crud: string, cqrs: string];

const RIGHT: Record<Dim, readonly Row[]> = {
  scalability: [
    ['Limited: reads and writes share one database, so they scale together', 'Reads and writes scale independently'],
    ['One DB for everything; scale it vertically', 'Each side scaled on its own, e.g. many read replicas/indexes'],
    ['Low — writes and reads compete for the same tables', 'High — the read side can be scaled out separately from the write side'],
    ['Scales as one unit', 'Independent scaling of the read and write sides'],
    ['Hard to scale reads without also scaling writes', 'Read models can be replicated and scaled apart from the write model'],
    ['Both workloads hit the same store, so it scales less well', 'The two workloads are split, so each is scaled according to its own load'],
  ],
  flexibility: [
    ['Limited by the normalized schema; complex queries need joins', 'High: a read model per query (search index, reports)'],
    ['Queries fight the write schema', 'Denormalised views tailored to each query'],
    ['Moderate; ad-hoc SQL on the transactional schema', 'Very flexible: any number of projections, e.g. Elasticsearch for search'],
    ['One model for all queries, so complex searches are slow or awkward', 'Each screen gets a model shaped for it'],
    ['Restricted to what the single table design allows', 'Flexible — new read models can be built from the events at any time'],
    ['Lower', 'Higher, because read models are optimized for the queries'],
  ],
  consistency: [
    ['Strong: a read sees the write immediately (ACID)', 'Eventual: the read model lags briefly behind the write'],
    ['Immediate / strong consistency', 'Eventual consistency on the read side'],
    ['Strongly consistent — one transaction, one table', 'Eventually consistent; there is a short window where reads are stale'],
    ['Read-your-writes out of the box', 'Writes are strongly consistent, but the read model catches up asynchronously'],
    ['Strong', 'Eventual (stale reads possible for a moment)'],
    ['ACID, always up to date', 'Eventually consistent projections'],
  ],
  complexity: [
    ['Low: one model, one database', 'Higher: two models, an event bus and projections'],
    ['Simple', 'More complex'],
    ['Low, well-known pattern', 'High — more moving parts (handlers, bus, projections, eventual consistency to handle)'],
    ['Simple to build and to understand', 'More code and infrastructure to maintain'],
    ['Less code', 'More code: separate command and query paths plus synchronisation'],
    ['Straightforward', 'Significantly more complex to build, test and operate'],
  ],
  bestFor: [
    ['Simple domains and low traffic where reads and writes look alike', 'Complex domains with high, read-heavy traffic or audit needs'],
    ['Small CRUD apps, admin back-offices', 'Large systems with very different read and write loads'],
    ['Simple business logic, low scale', 'Complex business logic, high scale, many different views of the data'],
    ['Forms-over-data applications', 'Collaborative, high-traffic domains such as e-commerce orders or trading'],
    ['Apps with a handful of users and simple queries', 'Systems with heavy reporting, search and audit requirements'],
    ['Low-traffic, simple domains', 'High-traffic domains with complex querying'],
  ],
};

type Style = { readonly header: string; readonly cqrsFirst?: boolean; readonly bare?: boolean; readonly labels: number; readonly order?: readonly Dim[] };

const STYLES: readonly Style[] = [
  { header: '| Dimension | Standard CRUD | CQRS |\n|---|---|---|', labels: 0 },
  { header: '| Dimension | CRUD | CQRS |\n|:--|:--|:--|', labels: 1 },
  { header: '| | Standard CRUD | CQRS |\n| --- | --- | --- |', labels: 2 },
  { header: '| Dimension | CQRS | Standard CRUD |\n|---|---|---|', labels: 0, cqrsFirst: true },
  { header: 'Dimension | Standard CRUD | CQRS\n--- | --- | ---', labels: 3, bare: true },
  { header: '| Aspect | Traditional CRUD | CQRS |\n|-----------|----------|------|', labels: 0, order: ['consistency', 'complexity', 'scalability', 'flexibility', 'bestFor'] },
];

function table(rows: Record<Dim, Row>, style: Style): string {
  const order = style.order ?? DIMS;
  const body = order.map((d) => {
    const [crud, cqrs] = rows[d];
    const cells = [LABELS[style.labels]![d], ...(style.cqrsFirst ? [cqrs, crud] : [crud, cqrs])];
    return style.bare ? cells.join(' | ') : `| ${cells.join(' | ')} |`;
  });
  return `${style.header}\n${body.join('\n')}\n`;
}

function rightRows(i: number, stride = 1): Record<Dim, Row> {
  const rows = {} as Record<Dim, Row>;
  DIMS.forEach((d, k) => {
    rows[d] = RIGHT[d][(i + stride * k) % RIGHT[d].length]!;
  });
  return rows;
}

const passes: CorpusCase[] = [
  ...Array.from({ length: 6 }, (_, i) => ({
    name: `right table, wording set ${i + 1}`,
    verdict: 'pass' as const,
    why: 'every row right',
    section: table(rightRows(i, 0), STYLES[i % STYLES.length]!),
  })),
  ...Array.from({ length: 18 }, (_, i) => ({
    name: `right table, mixed wordings ${i + 1}`,
    verdict: 'pass' as const,
    why: 'every row right, wordings mixed',
    section: table(rightRows(i, 1 + Math.floor(i / 6)), STYLES[(i + 1 + Math.floor(i / 6)) % STYLES.length]!),
  })),
  {
    name: 'right table with a sentence of introduction and a note after it',
    verdict: 'pass',
    why: 'every row right; prose around the table',
    section: `Here is how the two compare for the Order Service:\n\n${table(rightRows(2, 1), STYLES[0]!)}\nIn short, CQRS buys scalability and flexible queries at the cost of complexity and eventual consistency.\n`,
  },
  {
    name: 'right table in British spelling with emphasis',
    verdict: 'pass',
    why: 'every row right',
    section: table(
      {
        scalability: ['Poor: the one database is shared, so reads and writes are scaled together', 'Good: the read side and the write side are scaled independently'],
        flexibility: ['Constrained by the normalised schema', '*Flexible*: denormalised read models optimised for each query'],
        consistency: ['**Strong** (ACID)', '**Eventual** — the read models catch up shortly after'],
        complexity: ['Low', 'High: more components to organise and monitor'],
        bestFor: ['Simple, low-volume applications', 'Complex, high-volume, read-heavy domains'],
      },
      STYLES[2]!,
    ),
  },
  {
    name: 'right table, non-native English',
    verdict: 'pass',
    why: 'every row right despite the grammar',
    section: table(
      {
        scalability: ['Read and write is in same database so they must scale together', 'Read side and write side can scale separate'],
        flexibility: ['Query is limited by the one table structure', 'Each query can have his own read model, very flexible'],
        consistency: ['Strong, data is correct immediately after write', 'Eventual, read model is some time behind'],
        complexity: ['Simple, less code', 'More complex, more parts to build'],
        bestFor: ['Small and simple application', 'Big system with many reads and complex domain'],
      },
      STYLES[1]!,
    ),
  },
  {
    name: 'right table, hedged wording',
    verdict: 'pass',
    why: 'every row right, hedges do not change the claims',
    section: table(
      {
        scalability: ['Usually limited, since reads and writes share the same store', 'Generally better: each side can be scaled independently'],
        flexibility: ['Somewhat limited by the single schema', 'Typically much more flexible thanks to query-specific read models'],
        consistency: ['Normally strong (ACID)', 'Usually eventual: the read side may lag a little'],
        complexity: ['Relatively low', 'Arguably quite a bit higher'],
        bestFor: ['Probably simple, low-traffic systems', 'Most likely complex or high-traffic systems with heavy reads'],
      },
      STYLES[0]!,
    ),
  },
  {
    name: 'right table, pronouns in the cells',
    verdict: 'pass',
    why: 'every row right',
    section: table(
      {
        scalability: ['Both go through the same database, so they scale together', 'They are split, so each one scales independently'],
        flexibility: ['It is limited to what the one schema supports', 'Each query gets a model of its own, so it is very flexible'],
        consistency: ['It is strongly consistent', 'It is eventually consistent'],
        complexity: ['It is simple', 'It is more complex'],
        bestFor: ['Simple apps with low load', 'Complex, high-load domains'],
      },
      STYLES[3]!,
    ),
  },
  {
    name: 'right table, terse single words',
    verdict: 'pass',
    why: 'terse, every row right',
    section: table(
      {
        scalability: ['Coupled', 'Independent'],
        flexibility: ['Limited', 'High'],
        consistency: ['Strong', 'Eventual'],
        complexity: ['Low', 'High'],
        bestFor: ['Simple apps', 'Complex, high-scale apps'],
      },
      STYLES[0]!,
    ),
  },
];

type Wrong = { readonly name: string; readonly why: string; readonly dim: Dim; readonly row: Row; readonly mentions?: string };

const WRONG: readonly Wrong[] = [
  { name: 'CRUD said to be eventually consistent', why: 'consistency reversed: CRUD is strong, CQRS eventual', dim: 'consistency', row: ['Eventual consistency', 'Strong, immediate consistency'], mentions: 'consistency' },
  { name: 'both said to be strongly consistent', why: 'CQRS read side is eventually consistent', dim: 'consistency', row: ['Strong (ACID)', 'Strong as well: the read model is always up to date'], mentions: 'consistency' },
  { name: 'CQRS said to be simpler', why: 'CQRS is more complex, not less', dim: 'complexity', row: ['High: one big model to maintain', 'Low: simpler code, fewer parts'], mentions: 'complexity' },
  { name: 'complexity: CQRS far from complex', why: 'denies the extra complexity of CQRS', dim: 'complexity', row: ['Low', 'Far from complex: about the same as CRUD'], mentions: 'complexity' },
  { name: 'scalability swapped', why: 'CRUD does not scale reads and writes independently', dim: 'scalability', row: ['Reads and writes scale independently', 'Limited: reads and writes share one database'], mentions: 'scal' },
  { name: 'CQRS no longer scales the sides separately', why: 'denies independent scaling', dim: 'scalability', row: ['Limited, one shared database', 'It is no longer possible to scale reads and writes separately'], mentions: 'scal' },
  { name: 'query flexibility swapped', why: 'CRUD is not the more flexible one', dim: 'flexibility', row: ['Very flexible: any query on any view', 'Limited by the single normalized schema'], mentions: 'flexib' },
  { name: 'query flexibility the same on both sides', why: 'no difference stated where CQRS is more flexible', dim: 'flexibility', row: ['Flexible', 'Same as CRUD'], mentions: 'flexib' },
  { name: 'best suited for swapped', why: 'CQRS is not for simple low-traffic apps', dim: 'bestFor', row: ['Complex, high-traffic domains', 'Simple apps with few users'], mentions: 'suited' },
  { name: 'best suited for: CQRS for every application', why: 'CQRS is not a default for everything', dim: 'bestFor', row: ['Nothing, it is outdated', 'Every application, whatever its size'], mentions: 'suited' },
  { name: 'consistency cells are keywords only', why: 'terms without a claim', dim: 'consistency', row: ['consistency', 'consistency, events, read model'], mentions: 'consistency' },
  { name: 'complexity cells left empty', why: 'a row not filled in', dim: 'complexity', row: ['', ''], mentions: 'complexity' },
  { name: 'scalability cells left empty', why: 'a row not filled in', dim: 'scalability', row: [' ', ' '], mentions: 'scal' },
  { name: 'best suited for: TODO', why: 'a row not filled in', dim: 'bestFor', row: ['TODO', 'TODO'], mentions: 'suited' },
  { name: 'CQRS consistency: instead of eventual, immediate', why: 'says the CQRS read side is immediate', dim: 'consistency', row: ['Strong', 'Immediate instead of eventual: the projection is updated in the same transaction'], mentions: 'consistency' },
];

const fails: CorpusCase[] = WRONG.map((w, i) => {
  const rows = rightRows(i + 1, 1 + (i % 2));
  rows[w.dim] = w.row;
  return { name: w.name, verdict: 'fail', why: w.why, section: table(rows, STYLES[i % STYLES.length]!), ...(w.mentions ? { mentions: w.mentions } : {}) };
});

function without(dims: readonly Dim[], i: number): string {
  const rows = rightRows(i, 1);
  return `| Dimension | Standard CRUD | CQRS |\n|---|---|---|\n${DIMS.filter((d) => !dims.includes(d))
    .map((d) => `| ${LABELS[0]![d]} | ${rows[d][0]} | ${rows[d][1]} |`)
    .join('\n')}\n`;
}

const structural: CorpusCase[] = [
  { name: 'the consistency row missing', verdict: 'fail', why: 'a dimension missing', section: without(['consistency'], 0), mentions: 'consistency' },
  { name: 'the best-suited row missing', verdict: 'fail', why: 'a dimension missing', section: without(['bestFor'], 1) },
  { name: 'only two rows', verdict: 'fail', why: 'three dimensions missing', section: without(['flexibility', 'complexity', 'bestFor'], 2) },
  {
    name: 'the whole table swapped between the columns',
    verdict: 'fail',
    why: 'every CRUD cell describes CQRS and vice versa',
    section: table(
      Object.fromEntries(DIMS.map((d) => [d, [RIGHT[d][0]![1], RIGHT[d][0]![0]] as const])) as Record<Dim, Row>,
      STYLES[0]!,
    ),
  },
  {
    name: 'prose instead of a table',
    verdict: 'fail',
    why: 'no table; the comparison is not given per dimension',
    section:
      'CQRS scales better and is more flexible, but it is more complex and eventually consistent. CRUD is simpler and strongly consistent.\n',
  },
  {
    name: 'header labels the CRUD column as CQRS and vice versa',
    verdict: 'fail',
    why: 'under its own headers, the table says CQRS is simple and strongly consistent',
    section: table(rightRows(0, 0), { header: '| Dimension | CQRS | Standard CRUD |\n|---|---|---|', labels: 0 }),
  },
  {
    name: 'long cells with one false claim buried in the CQRS consistency cell',
    verdict: 'fail',
    why: 'CQRS said to need no synchronisation because the read model is always current',
    section: table(
      {
        ...rightRows(3, 1),
        consistency: [
          'Strong: every read sees the last committed write, because there is one table and one transaction.',
          'The write side is transactional; the read model is updated in the same step, so it is always current and there is never a stale read.',
        ],
      },
      STYLES[0]!,
    ),
    mentions: 'consistency',
  },
];

export const REQUIREMENT_3_CORPUS: readonly CorpusCase[] = [...passes, ...fails, ...structural];
