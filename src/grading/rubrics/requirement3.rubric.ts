import type { AnswerRubric } from '../rubric';

/** Requirement 3, the CRUD vs CQRS table: one rubric per cell, rows in the seed's order. */

export type TableRowRubric = {
  readonly dimension: string;
  /** Recognises the row from its first cell, however the student worded it. */
  readonly rowName: RegExp;
  readonly crud: AnswerRubric;
  readonly cqrs: AnswerRubric;
};

export const REQUIREMENT_3_ROWS: readonly TableRowRubric[] = [
  {
    dimension: 'Read/write scalability',
    rowName: /scal/i,
    crud: {
      ideas: [
        {
          says: 'that reads and writes scale together (one database, limited)',
          patterns: [
            '{limit*|hard*|difficult*|poor|low*|together|same|single|shared|one|vertical*|coupl*|bottleneck*|contention|moderate|constrain*|restrict*|weak*|less}',
            'NOT {independent*|separate*}',
          ],
        },
      ],
      misconceptions: [
        {
          says: 'that reads and writes scale independently',
          correction: 'with CRUD one model and one database serve both, so they scale together',
          patterns: ['independent*', '{separate*|separat*} scal*', 'scal* separate*'],
        },
      ],
    },
    cqrs: {
      ideas: [
        {
          says: 'that the read side and the write side scale independently',
          patterns: ['{independent*|separate*|separat*|individual*|own|each|horizontal*|high|higher|excellent|great|better|strong|apart|replicat*}'],
        },
      ],
      misconceptions: [
        {
          says: 'that scalability is worse or limited',
          correction: 'the read and write sides can be scaled independently, each on its own store',
          patterns: ['{limit*|poor|worse|lower} {scal*}', '{limit*|poor|worse|low|lower}'],
        },
      ],
    },
  },
  {
    dimension: 'Query flexibility',
    rowName: /flex|quer/i,
    crud: {
      ideas: [
        {
          says: 'that queries are limited by the one normalized model they share with writes',
          patterns: [
            '{limit*|constrain*|restrict*|normaliz*|join*|same_schema|single_model|one_model|write_schema|low*|moderate|rigid|poor|less|hard*|difficult*|fixed|complex_quer*|bound|tied}',
            'NOT flexib*',
          ],
        },
      ],
      misconceptions: [
        {
          says: 'that CRUD queries are as flexible as read models built for each query',
          correction: 'CRUD queries run against the write schema, so complex or new queries need joins and compromise',
          patterns: ['{high*|very|excellent|great|maximum|unlimited} flexib*', '{high|very_high|excellent|unlimited}'],
        },
      ],
    },
    cqrs: {
      ideas: [
        {
          says: 'that each query can get a read model shaped for it',
          patterns: [
            '{high*|flexib*|optimi*|tailor*|denormaliz*|per_query|many|multiple|any_shape|purpose_built|excellent|great|each|dedicated|specific|custom*|several|different|better|shap*}',
          ],
        },
      ],
      misconceptions: [
        {
          says: 'that query flexibility is lower',
          correction: 'read models can be shaped for each query (search, reports, dashboards)',
          patterns: ['{limit*|poor|low|lower|rigid|worse|less_flexib*}'],
        },
      ],
    },
  },
  {
    dimension: 'Data consistency',
    rowName: /consist/i,
    crud: {
      ideas: [
        {
          says: 'that reads are strongly (immediately) consistent',
          patterns: ['{strong*|immediat*|acid|transaction*|read_your_writ*|always|instant*|consistent|synchronous*|strict*}'],
        },
      ],
      misconceptions: [
        {
          says: 'that CRUD reads are eventually consistent',
          correction: 'CRUD reads the row the write just changed, so reads are immediately consistent',
          patterns: ['eventual*', 'stale'],
        },
      ],
    },
    cqrs: {
      ideas: [
        {
          says: 'that the read side is eventually consistent (briefly stale)',
          patterns: ['{eventual*|stale|lag*|delay*|async*|behind|out_of_date|not_immediat*}', 'NOT {immediat*|instant*|always}'],
        },
      ],
      misconceptions: [
        {
          says: 'that the read side is always immediately consistent',
          correction: 'the read model is updated asynchronously, so it is eventually consistent',
          patterns: ['{always|immediat*|instant*} consisten*', '{always|immediat*|instant*} up_to_date', 'never {stale|behind}'],
        },
      ],
    },
  },
  {
    dimension: 'Code complexity',
    rowName: /complex|code/i,
    crud: {
      ideas: [
        {
          says: 'that CRUD code is simple',
          patterns: ['{low*|simpl*|less|minimal|easy|easier|straightforward|small*|little|basic}', 'NOT complex*'],
        },
      ],
      misconceptions: [
        {
          says: 'that CRUD code is the complex one',
          correction: 'one model and one database keep CRUD code simple',
          patterns: ['{high|higher|very_complex|more_complex|complicated}'],
        },
      ],
    },
    cqrs: {
      ideas: [
        {
          says: 'that CQRS adds complexity (two models, a bus, projections)',
          patterns: ['{high*|complex*|more|additional|extra|harder|significant*|increas*|overhead|complicated|moving_parts}'],
        },
      ],
      misconceptions: [
        {
          says: 'that CQRS code is simpler',
          correction: 'two models, an event bus and projections add moving parts: CQRS code is more complex',
          patterns: ['{lower|simpler|less_complex|reduc*_complex*} ', 'low complex*', 'low'],
        },
      ],
    },
  },
  {
    dimension: 'Best suited for',
    rowName: /suit|best|use|fit/i,
    crud: {
      ideas: [
        {
          says: 'that CRUD suits simple, small or low-traffic systems',
          patterns: [
            '{simpl*|small*|low*|basic|admin*|internal|few|modest|straightforward|prototyp*|mvp|similar|symmetric*|crud|form*|moderate|typical|most|standard|little}',
          ],
        },
      ],
      misconceptions: [
        {
          says: 'that CRUD suits complex, high-traffic systems',
          correction: 'CRUD fits simple domains where reads and writes look alike; high traffic with complex queries is where CQRS pays off',
          patterns: ['{high_traffic|high_scale|large_scale|complex_domain*|massive*}'],
        },
      ],
    },
    cqrs: {
      ideas: [
        {
          says: 'that CQRS suits complex, high-scale or read-heavy systems',
          patterns: [
            '{complex*|high*|large*|read_heavy|audit*|collaborat*|report*|asymmetr*|event_driven|scal*|e_commerce|ecommerce|trading|financ*|heavy|big|different|intensiv*|demanding|many}',
          ],
        },
      ],
      misconceptions: [
        {
          says: 'that CQRS suits simple, small systems',
          correction: 'its extra moving parts only pay off for complex, high-scale or audit-heavy domains',
          patterns: ['{simple_crud|small_app*|simple_app*|small_system*|simple_system*|small_team*|prototyp*|every_system|all_system*}'],
        },
      ],
    },
  },
];
