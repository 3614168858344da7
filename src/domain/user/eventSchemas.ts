import { limits } from '../core/limits';
import { email, eventData, id, requiredText, time, type EventSchemas } from '../core/eventFields';

/** Seed 001's user events, as the decider records them and an import checks them (see order/eventSchemas.ts). */

const personName = requiredText(limits.personName);

export const userEventSchemas = {
  UserCreated: { 1: eventData({ userId: id, firstName: personName, lastName: personName, email, createdAt: time }) },
  UserEmailUpdated: { 1: eventData({ userId: id, previousEmail: email, newEmail: email, updatedAt: time }) },
} as const satisfies EventSchemas;
