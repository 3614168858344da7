import * as v from 'valibot';
import { readModelDescriptions } from './readModels';
import type { ReadModelName } from './types';

/**
 * A saved self-check answer as it must look in an imported progress file: ids are short text, lists are short, and
 * a read model is one the workbook has. What it answered is graded again when shown, so a wrong id only counts as
 * no answer; the schema keeps out what is not an answer at all.
 */

const id = v.pipe(v.string('must be text'), v.minLength(1, 'must not be empty'), v.maxLength(200, 'is too long'));
const ids = v.pipe(v.array(id, 'must be a list'), v.maxLength(20, 'has more than 20 entries'));
const readModelNames = Object.keys(readModelDescriptions) as ReadModelName[];

export const selfCheckAnswerSchema = v.variant(
  'kind',
  [
    v.object({ kind: v.literal('choice'), chosen: ids }),
    v.object({ kind: v.literal('order'), order: ids }),
    v.object({ kind: v.literal('read-model'), chosen: v.nullable(v.picklist(readModelNames, `must be one of ${readModelNames.join(', ')}, or null`)) }),
  ],
  'must be "choice", "order" or "read-model"',
);

export const selfCheckRowSchema = v.object({
  lessonId: id,
  questionId: id,
  answer: selfCheckAnswerSchema,
  updatedAt: v.string('must be text'),
});
