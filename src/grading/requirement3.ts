import { isUnanswered } from './answersDocument';
import type { MarkdownTable, RequirementSection } from './answersDocument';
import { judgeAnswer } from './rubric';
import { REQUIREMENT_3_ROWS } from './rubrics/requirement3.rubric';
import { fail, pass } from './result';
import type { RequirementResult } from './types';

/** Requirement 3, the CRUD vs CQRS table: a row per dimension of the seed, each cell judged by its rubric. */
export function checkRequirement3(section: RequirementSection): RequirementResult {
  const table = section.tables.find((t) => columnOf(t, /crud/i) !== -1 && columnOf(t, /cqrs/i) !== -1);
  if (table === undefined) {
    return fail(3, [
      section.tables.length === 0
        ? 'requirement 3 has no markdown table: fill in the table with a row per dimension and the columns CRUD and CQRS'
        : "the table needs a 'CRUD' column and a 'CQRS' column in its header row",
    ]);
  }
  const crudColumn = columnOf(table, /crud/i);
  const cqrsColumn = columnOf(table, /cqrs/i);
  if (table.rows.every((cells) => isUnanswered(cells[crudColumn] ?? '') && isUnanswered(cells[cqrsColumn] ?? ''))) {
    return fail(3, ['the table is still empty: fill in the CRUD and the CQRS cell of each row']);
  }
  const problems: string[] = [];
  for (const row of REQUIREMENT_3_ROWS) {
    const cells = table.rows.find((r) => row.rowName.test(r[0] ?? ''));
    if (cells === undefined) {
      problems.push(`your table has no row for '${row.dimension}'`);
      continue;
    }
    for (const [name, column, rubric] of [['CRUD', crudColumn, row.crud], ['CQRS', cqrsColumn, row.cqrs]] as const) {
      const text = cells[column] ?? '';
      const subject = `The ${name} cell of '${row.dimension}'`;
      if (isUnanswered(text)) {
        problems.push(`${subject} is empty`);
        continue;
      }
      const judgement = judgeAnswer(subject, rubric, text);
      if (!judgement.ok) problems.push(judgement.problem);
    }
  }
  return problems.length > 0 ? fail(3, problems) : pass(3, 'Every row of the table compares CRUD and CQRS correctly.');
}

function columnOf(table: MarkdownTable, name: RegExp): number {
  return table.header.findIndex((cell) => name.test(cell));
}
