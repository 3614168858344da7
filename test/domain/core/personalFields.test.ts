import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { orderEventSchemas } from '../../../src/domain/order/eventSchemas';
import { userEventSchemas } from '../../../src/domain/user/eventSchemas';
import { encryptField, generateSubjectKey } from '../../../src/privacy/cipher';

/**
 * The personal fields (src/privacy/personalData.ts) are stored encrypted, so their schemas accept a well-formed
 * envelope as well as the plain value. Every other field, and a malformed envelope, is held to the plain rules.
 */

const envelope = async (field: string, value: unknown) => encryptField(await generateSubjectKey(), 'key-1', field, value);
const ok = (schema: v.GenericSchema, data: unknown) => v.safeParse(schema, data).success;

const placed = {
  orderId: 'o1',
  customerId: 'c1',
  customerEmail: 'ada@example.com',
  items: [{ product: 'Pen', quantity: 1, unitPrice: 2 }],
  total: 2,
  placedAt: '2026-01-01T00:00:00.000Z',
};
const created = { userId: 'u1', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', createdAt: '2026-01-01T00:00:00.000Z' };

describe('personal fields in the event schemas', () => {
  it('accept the plain value or its envelope: order customerEmail, user names and emails', async () => {
    const orderPlaced = orderEventSchemas.OrderPlaced[2];
    expect(ok(orderPlaced, placed)).toBe(true);
    expect(ok(orderPlaced, { ...placed, customerEmail: null })).toBe(true);
    expect(ok(orderPlaced, { ...placed, customerEmail: await envelope('customerEmail', 'ada@example.com') })).toBe(true);

    const userCreated = userEventSchemas.UserCreated[1];
    const sealed = {
      ...created,
      firstName: await envelope('firstName', 'Ada'),
      lastName: await envelope('lastName', 'Lovelace'),
      email: await envelope('email', 'ada@example.com'),
    };
    expect(ok(userCreated, sealed)).toBe(true);
    const updated = {
      userId: 'u1',
      previousEmail: await envelope('previousEmail', 'ada@example.com'),
      newEmail: await envelope('newEmail', 'ada@lovelace.example'),
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    expect(ok(userEventSchemas.UserEmailUpdated[1], updated)).toBe(true);
  });

  it('refuse a malformed envelope with the plain field\'s error', () => {
    const result = v.safeParse(orderEventSchemas.OrderPlaced[2], { ...placed, customerEmail: 'encrypted:aes-gcm:v1:broken' });
    expect(result.success).toBe(false);
    expect(result.issues?.[0]?.message).toMatch(/email/);
    expect(ok(userEventSchemas.UserCreated[1], { ...created, email: 'encrypted:aes-gcm:v1:k:short:x' })).toBe(false);
    // A name is free text: a string that merely starts like an envelope is a (strange) name, held to its length.
    expect(ok(userEventSchemas.UserCreated[1], { ...created, firstName: 'x'.repeat(101) })).toBe(false);
  });

  it('do not open any other field to an envelope', async () => {
    const orderPlaced = orderEventSchemas.OrderPlaced[2];
    expect(ok(orderPlaced, { ...placed, placedAt: await envelope('placedAt', placed.placedAt) })).toBe(false);
    expect(ok(orderPlaced, { ...placed, total: await envelope('total', 2) })).toBe(false);
    expect(ok(orderPlaced, { ...placed, items: await envelope('items', placed.items) })).toBe(false);
    expect(ok(userEventSchemas.UserCreated[1], { ...created, createdAt: await envelope('createdAt', created.createdAt) })).toBe(false);
    expect(ok(orderEventSchemas.OrderStatusSet[1], {
      orderId: 'o1', customerId: 'c1', status: await envelope('status', 'shipped'), previousStatus: 'pending', setAt: placed.placedAt,
    })).toBe(false);
  });
});
