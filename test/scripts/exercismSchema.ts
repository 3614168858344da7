import * as v from 'valibot';

/** Exercism's test-runner results.json, interface version 3 (the fields it defines, nothing else). */
export const ExercismV3 = v.strictObject({
  version: v.literal(3),
  status: v.picklist(['pass', 'fail', 'error']),
  message: v.optional(v.string()),
  tests: v.array(
    v.strictObject({
      name: v.string(),
      test_code: v.string(),
      status: v.picklist(['pass', 'fail', 'error']),
      message: v.optional(v.string()),
      output: v.optional(v.string()),
      task_id: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
    }),
  ),
});
