import { limits } from '../core/limits';
import { assertNever } from '../core/message';
import {
  emailSchema,
  idSchema,
  isJsonObject,
  jsonObject,
  parseInput,
  pick,
  requiredTextSchema,
  withPathId,
} from '../core/validation';
import type { CreateUser, UpdateUserEmail, UserCommand } from './types';

/** Boundary validation for seed 001's users: forms and the API console hand over `unknown` JSON. */

const nameSchema = requiredTextSchema(limits.personName);

export const createUserInputSchema = jsonObject({
  userId: idSchema,
  firstName: nameSchema,
  lastName: nameSchema,
  email: emailSchema,
});
export const updateUserEmailInputSchema = jsonObject({ userId: idSchema, newEmail: emailSchema });

export function parseCreateUser(input: unknown, at: string): CreateUser {
  return { type: 'CreateUser', data: { ...parseInput(createUserInputSchema, input), at } };
}

export function parseUpdateUserEmail(input: unknown, at: string): UpdateUserEmail {
  return { type: 'UpdateUserEmail', data: { ...parseInput(updateUserEmailInputSchema, input), at } };
}

export function parseUserCommand(type: UserCommand['type'], input: unknown, at: string): UserCommand {
  switch (type) {
    case 'CreateUser':
      return parseCreateUser(input, at);
    case 'UpdateUserEmail':
      return parseUpdateUserEmail(input, at);
    default:
      return assertNever(type);
  }
}

// ---------- seed 001's HTTP shapes ----------

const seed001CreateSchema = jsonObject({ first_name: nameSchema, last_name: nameSchema, email: emailSchema });
const seed001UpdateSchema = jsonObject({ email: emailSchema });

/** Seed 001's `POST /users/` body `{first_name, last_name, email}` (camelCase also accepted); the app picks the id. */
export function parseSeed001CreateUser(input: unknown, userId: string, at: string): CreateUser {
  const renames = new Map<string, string>();
  const normalized = isJsonObject(input)
    ? {
        first_name: pick(input, 'first_name', ['firstName'], '', renames),
        last_name: pick(input, 'last_name', ['lastName'], '', renames),
        email: input.email,
      }
    : input;
  const body = withPathId('userId', userId, () => parseInput(seed001CreateSchema, normalized, renames));
  return {
    type: 'CreateUser',
    data: { userId, firstName: body.first_name, lastName: body.last_name, email: body.email, at },
  };
}

/** Seed 001's `PUT /users/{user_id}` body `{email}` (also `new_email` or `newEmail`, as the stored event names it). */
export function parseSeed001UpdateEmail(input: unknown, userId: string, at: string): UpdateUserEmail {
  const renames = new Map<string, string>();
  const normalized = isJsonObject(input)
    ? { email: pick(input, 'email', ['new_email', 'newEmail'], '', renames) }
    : input;
  const body = withPathId('userId', userId, () => parseInput(seed001UpdateSchema, normalized, renames));
  return { type: 'UpdateUserEmail', data: { userId, newEmail: body.email, at } };
}

