import { describe, expect, it } from 'vitest';
import { createEmailConsumer } from '../../../src/simulator/idempotency/emailConsumer';
import { createRedeliveryLab } from '../../../src/simulator/idempotency/redeliveryLab';
import { explainInboxDelivery, explainProjectionDelivery } from '../../../src/simulator/idempotency/explainDelivery';

describe('an event delivered twice', () => {
  it('is dropped by the projection whose checkpoint is already past it: the read model is unchanged', async () => {
    const lab = await createRedeliveryLab();
    const first = await lab.deliver('sameWorker');
    const again = await lab.deliver('sameWorker');
    expect(first).toMatchObject({ projection: 'applied', checkpointRead: 0, checkpointAfter: 1, totalOrders: 1, pendingRevenueCents: 30000 });
    expect(again).toMatchObject({ projection: 'alreadyPastCheckpoint', checkpointRead: 1, checkpointAfter: 1, totalOrders: 1, pendingRevenueCents: 30000 });
  });

  it('is refused at commit when a second worker read the checkpoint before the first delivery committed', async () => {
    const lab = await createRedeliveryLab();
    await lab.deliver('sameWorker');
    const stale = await lab.deliver('secondWorker');
    expect(stale).toMatchObject({ projection: 'commitRefused', checkpointRead: 0, checkpointAfter: 1, totalOrders: 1 });
  });

  it('sends one email with an inbox, and one per delivery without', async () => {
    const lab = await createRedeliveryLab();
    await lab.deliver('sameWorker');
    await lab.deliver('sameWorker');
    const third = await lab.deliver('secondWorker');
    expect(lab.deliveries.map((delivery) => delivery.inbox)).toEqual(['sent', 'duplicate', 'duplicate']);
    expect([third.emailsWithInbox, third.emailsWithoutInbox]).toEqual([1, 3]);
    expect(lab.processedIds()).toEqual([lab.event.eventId]);
    expect(lab.event).toMatchObject({ type: 'OrderPlaced', eventId: 'place-B-7:0', globalPosition: 1 });
  });

  it('the inbox tells events apart by id, not by content: another event is handled', async () => {
    const lab = await createRedeliveryLab();
    const consumer = createEmailConsumer({ inbox: true });
    expect(consumer.deliver(lab.event)).toBe('sent');
    expect(consumer.deliver({ ...lab.event, eventId: 'another', globalPosition: 2 })).toBe('sent');
    expect(consumer.deliver(lab.event)).toBe('duplicate');
    expect(consumer.sent.map((email) => email.to)).toEqual(['grace@example.com', 'grace@example.com']);
  });
});

describe('what the screen says about each delivery', () => {
  it('names the checkpoint positions the real run saw', async () => {
    const lab = await createRedeliveryLab();
    const first = await lab.deliver('sameWorker');
    const same = await lab.deliver('sameWorker');
    const stale = await lab.deliver('secondWorker');
    expect(explainProjectionDelivery(first, 1)).toContain('checkpoint stood at 0, before the event at position 1');
    expect(explainProjectionDelivery(same, 1)).toContain('already stood at 1');
    expect(explainProjectionDelivery(stale, 1)).toContain('expected the stored checkpoint to be 0, found 1, and was refused');
    expect(explainInboxDelivery(first, lab.event.eventId)).toContain('email went out');
    expect(explainInboxDelivery(stale, lab.event.eventId)).toContain('without that table has now sent 3');
  });
});
