import { limits } from '../core/limits';
import { email, eventData, id, personal, requiredText, time, type EventSchemas } from '../core/eventFields';

/** Seed 001's user events, as the decider records them and an import checks them (see order/eventSchemas.ts). */

// Names and emails are personal (src/privacy/personalData.ts): stored encrypted, so their envelope is accepted too.
const personName = personal(requiredText(limits.personName));
const personalEmail = personal(email);

export const userEventSchemas = {
  UserCreated: { 1: eventData({ userId: id, firstName: personName, lastName: personName, email: personalEmail, createdAt: time }) },
  UserEmailUpdated: { 1: eventData({ userId: id, previousEmail: personalEmail, newEmail: personalEmail, updatedAt: time }) },
} as const satisfies EventSchemas;
