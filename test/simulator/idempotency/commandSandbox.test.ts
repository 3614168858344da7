import { describe, expect, it } from 'vitest';
import { checkIdempotencyKey, explainAttempt } from '../../../src/simulator/idempotency/attempts';
import type { CommandAttempt } from '../../../src/simulator/idempotency/attempts';
import { createCommandSandbox } from '../../../src/simulator/idempotency/commandSandbox';

/** What a person compares between two answers: each event's id and global position. */
const positions = ({ outcome }: CommandAttempt) => (outcome.ok ? outcome.events.map((e) => [e.eventId, e.globalPosition]) : []);

describe('sending the same command twice', () => {
  it('answers the second send from the first: same event ids and positions, nothing written', async () => {
    const sandbox = await createCommandSandbox();
    const first = await sandbox.send('PlaceOrder', 'key-1');
    const second = await sandbox.send('PlaceOrder', 'key-1');

    expect(first.verdict).toEqual({ kind: 'recorded' });
    expect(second.verdict).toEqual({ kind: 'replayed', firstAttempt: 1, firstCommand: 'PlaceOrder' });
    expect(second.outcome.ok && second.outcome.idempotentReplay).toBe(true);
    expect(positions(second)).toEqual(positions(first));
    expect(positions(first)).toEqual([['key-1:0', 1]]);
    expect([second.logBefore, second.logAfter]).toEqual([1, 1]);
    // The answer names the first request's order, not the id the server minted for the retry.
    expect(second.orderId).toBe('A-1');
    expect(explainAttempt(second)).toContain('Same command id as send 1');
    expect(explainAttempt(second)).toContain('The log still holds 1 event.');
    expect(await sandbox.simulator.store.readAll()).toHaveLength(1);
    sandbox.close();
  });

  it('places a second order when the retry carries a new id: the key is what told them apart', async () => {
    const sandbox = await createCommandSandbox();
    await sandbox.send('PlaceOrder', 'key-1');
    const retry = await sandbox.send('PlaceOrder', 'key-2');
    expect(retry.verdict.kind).toBe('recorded');
    expect(retry.orderId).toBe('A-2');
    expect([retry.logBefore, retry.logAfter]).toEqual([1, 2]);
    expect(explainAttempt(retry)).toContain('The log grew from 1 to 2 events.');
    sandbox.close();
  });

  it('refuses a confirmation sent again under a new id, by the order’s own rules', async () => {
    const sandbox = await createCommandSandbox();
    await sandbox.send('PlaceOrder', 'key-1');
    expect(sandbox.request('ConfirmOrder').path).toBe('/api/v1/orders/A-1/confirm');
    const confirmed = await sandbox.send('ConfirmOrder', 'confirm-1');
    const again = await sandbox.send('ConfirmOrder', 'confirm-1');
    const newId = await sandbox.send('ConfirmOrder', 'confirm-2');
    expect(confirmed.verdict.kind).toBe('recorded');
    expect(again.verdict.kind).toBe('replayed');
    expect(newId.verdict).toMatchObject({ kind: 'refused', newId: true });
    expect(explainAttempt(newId)).toContain('the order’s own rules refused it');
    expect(newId.verdict.kind === 'refused' && newId.verdict.reason).toContain('Cannot confirm order A-1');
    expect(newId.logAfter).toBe(2);
    sandbox.close();
  });

  it('refuses a key reused for another command on the order, saying why, instead of answering with the first', async () => {
    const sandbox = await createCommandSandbox();
    await sandbox.send('PlaceOrder', 'shared');
    const confirm = await sandbox.send('ConfirmOrder', 'shared');
    expect(confirm.verdict).toMatchObject({ kind: 'refused' });
    expect(explainAttempt(confirm)).toContain('Command id shared was already used by another command on order-');
    expect(explainAttempt(confirm)).toContain('send this one with a new id');
    sandbox.close();
  });

  it('runs a refused command again when it is resent: a refusal records nothing to replay', async () => {
    const sandbox = await createCommandSandbox();
    const first = await sandbox.send('ConfirmOrder', 'too-early');
    const second = await sandbox.send('ConfirmOrder', 'too-early');
    expect([first.verdict.kind, second.verdict.kind]).toEqual(['refused', 'refused']);
    expect(explainAttempt(second)).toContain('nothing to replay');
    sandbox.close();
  });
});

describe('the idempotency key field', () => {
  it('takes command ids and says what is wrong with anything else', () => {
    expect(checkIdempotencyKey('cmd-7f3a')).toBeNull();
    expect(checkIdempotencyKey('  ')).toContain('Type an idempotency key');
    expect(checkIdempotencyKey('two words')).toContain('only letters, digits');
    expect(checkIdempotencyKey('x'.repeat(101))).toContain('101 characters');
  });
});

describe('order ids in the sandbox', () => {
  it('uses up an order id only when an order is placed, not on a replayed retry', async () => {
    const sandbox = await createCommandSandbox();
    await sandbox.send('PlaceOrder', 'k1');
    await sandbox.send('PlaceOrder', 'k1');
    const next = await sandbox.send('PlaceOrder', 'k2');
    expect(next.orderId).toBe('A-2');
    sandbox.close();
  });
});
