import * as v from 'valibot';
import type { Decider } from './decider';
import { ValidationError } from './errors';
import type { EventSchemas } from './eventFields';
import type { Message } from './message';
import { fieldPath } from './validation';

/**
 * A decider whose `decide` holds every event it records to the schema an import checks that event with (its
 * type, at the version written today). Commands validate their input first and say what is wrong in the form's
 * words; this is the guarantee behind that, for every path to `decide` (the saga's own commands, seeding, tests):
 * nothing is recorded that an export of it could not bring back in. Pure, like `decide` itself.
 */
export function checkedDecider<Command, Event extends Message<string, unknown>, State>(
  decider: Decider<Command, Event, State>,
  schemas: EventSchemas,
  versions: Readonly<Record<string, number>> = {},
): Decider<Command, Event, State> {
  return {
    ...decider,
    decide(command, state) {
      const events = decider.decide(command, state);
      for (const event of events) {
        const version = versions[event.type] ?? 1;
        const schema = schemas[event.type]?.[version];
        if (schema === undefined) throw new Error(`No schema for ${event.type} v${version}: add it beside the event.`);
        const result = v.safeParse(schema, event.data, { abortPipeEarly: true });
        if (!result.success) {
          const issue = result.issues[0]!;
          const path = fieldPath(issue.path?.map((item) => item.key) ?? []);
          throw new ValidationError([{ field: path || 'data', message: issue.message }]);
        }
      }
      return events;
    },
  };
}
