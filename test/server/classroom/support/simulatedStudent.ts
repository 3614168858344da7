import type { OrderStatus } from '../../../../src/domain/order/types';
import type { CommandResponse, ErrorBody, JoinResponse } from '../../../../src/classroom/protocol';
import type { RecordedEvent } from '../../../../src/eventStore/types';
import { decideOrder } from './browserSide';
import { call } from './testServer';

export type StudentRun = {
  readonly accepted: number;
  readonly conflicts: number;
  readonly acceptedEventIds: readonly string[];
  readonly refusedOther: readonly string[];
};

const statuses: readonly OrderStatus[] = ['pending', 'confirmed', 'processing', 'shipped', 'delivered', 'cancelled'];

/**
 * A student as a browser acts over HTTP: it decides each command on its own copy of the log (fetched with
 * GET …/events), sends it, and on a 409 fetches what it missed and decides again. Sets a shared order's status
 * (seed 000's CRUD-style command, valid in any state) `commands` times.
 */
export async function runStudent(
  classUrl: string,
  name: string,
  commands: number,
  orderIds: readonly string[],
  random: () => number,
): Promise<StudentRun> {
  const joined = await call<JoinResponse>(`${classUrl}/join`, { body: { name } });
  if (joined.status !== 201) throw new Error(`${name} could not join: ${joined.status}`);
  const token = joined.body.sessionToken;
  // The student's copy of the log, by stream (as a browser's store reads one stream without scanning the log).
  let head = 0;
  const streams = new Map<string, RecordedEvent[]>();
  const catchUp = async () => {
    for (;;) {
      const batch = await call<RecordedEvent[]>(`${classUrl}/events?after=${head}&limit=1000`, { token });
      for (const event of batch.body) {
        const stream = streams.get(event.streamId);
        if (stream) stream.push(event);
        else streams.set(event.streamId, [event]);
        head = event.globalPosition;
      }
      if (batch.body.length < 1000) return;
    }
  };
  await catchUp();
  let conflicts = 0;
  const acceptedEventIds: string[] = [];
  const refusedOther: string[] = [];
  for (let index = 0; index < commands; index += 1) {
    const orderId = orderIds[Math.floor(random() * orderIds.length)]!;
    const status = statuses[Math.floor(random() * statuses.length)]!;
    const commandId = `${name}-${index}`;
    for (let attempt = 0; ; attempt += 1) {
      if (attempt > 200) throw new Error(`${commandId}: still conflicting after 200 attempts`);
      const command = { type: 'SetOrderStatus', data: { orderId, status, at: new Date().toISOString() } } as const;
      const request = decideOrder(command, streams.get(`order-${orderId}`) ?? [], commandId);
      const answer = await call<CommandResponse & ErrorBody>(`${classUrl}/commands`, { token, body: request });
      if (answer.status === 200) {
        acceptedEventIds.push(...answer.body.events.map((event) => event.eventId));
        break;
      }
      if (answer.status === 409) {
        conflicts += 1;
        await catchUp();
        continue;
      }
      refusedOther.push(`${answer.status} ${JSON.stringify(answer.body)}`);
      break;
    }
  }
  return { accepted: acceptedEventIds.length, conflicts, acceptedEventIds, refusedOther };
}
