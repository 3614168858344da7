import { describe, expect, it } from 'vitest';
import {
  parseCreateUser,
  parseSeed001CreateUser,
  parseSeed001UpdateEmail,
  parseUpdateUserEmail,
  parseUserCommand,
} from '../../../src/domain/user/schemas';
import { issuesOf } from '../../support/issuesOf';

const at = '2025-01-02T10:00:00.000Z';


const valid = { userId: 'u-1', firstName: ' John ', lastName: 'Doe', email: 'john.doe@example.com' };

describe('CreateUser input', () => {
  it('becomes a typed command with trimmed names', () => {
    expect(parseCreateUser(valid, at)).toEqual({
      type: 'CreateUser',
      data: { userId: 'u-1', firstName: 'John', lastName: 'Doe', email: 'john.doe@example.com', at },
    });
  });

  it('names every missing field', () => {
    expect(issuesOf(() => parseCreateUser({}, at))).toEqual({
      userId: 'is required',
      firstName: 'is required',
      lastName: 'is required',
      email: 'is required',
    });
  });

  it('refuses names of 0 or more than 100 characters, and bad or oversized emails', () => {
    expect(
      issuesOf(() =>
        parseCreateUser({ ...valid, firstName: '  ', lastName: 'D'.repeat(101), email: 'john.doe' }, at),
      ),
    ).toEqual({
      firstName: 'is required',
      lastName: 'must be at most 100 characters',
      email: 'must be a valid email address, like ada@example.com',
    });
    expect(issuesOf(() => parseCreateUser({ ...valid, email: `${'a'.repeat(250)}@example.com` }, at))).toEqual({
      email: 'must be at most 254 characters',
    });
    expect(parseCreateUser({ ...valid, lastName: 'D'.repeat(100) }, at).data.lastName).toHaveLength(100);
  });

  it('refuses wrong types and non-objects', () => {
    expect(issuesOf(() => parseCreateUser({ ...valid, firstName: 42 }, at))).toEqual({ firstName: 'must be text' });
    expect(issuesOf(() => parseCreateUser('John', at))).toEqual({
      input: 'must be a JSON object, like {"key": "value"}',
    });
  });
});

describe('UpdateUserEmail input', () => {
  it('becomes a typed command', () => {
    expect(parseUpdateUserEmail({ userId: 'u-1', newEmail: 'new@example.com' }, at)).toEqual({
      type: 'UpdateUserEmail',
      data: { userId: 'u-1', newEmail: 'new@example.com', at },
    });
    expect(parseUserCommand('UpdateUserEmail', { userId: 'u-1', newEmail: 'new@example.com' }, at).type).toBe(
      'UpdateUserEmail',
    );
  });

  it('refuses a bad email', () => {
    expect(issuesOf(() => parseUpdateUserEmail({ userId: 'u-1', newEmail: 'new@' }, at))).toEqual({
      newEmail: 'must be a valid email address, like ada@example.com',
    });
  });
});

describe("seed 001's API bodies", () => {
  it('POST /users/ {first_name, last_name, email}', () => {
    expect(
      parseSeed001CreateUser({ first_name: 'John', last_name: 'Doe', email: 'john.doe@example.com' }, '1', at),
    ).toEqual({
      type: 'CreateUser',
      data: { userId: '1', firstName: 'John', lastName: 'Doe', email: 'john.doe@example.com', at },
    });
  });

  it("reports under the seed's names, or the camelCase ones if those were used", () => {
    expect(issuesOf(() => parseSeed001CreateUser({ firstName: '', email: 'x' }, '1', at))).toEqual({
      firstName: 'is required',
      last_name: 'is required',
      email: 'must be a valid email address, like ada@example.com',
    });
  });

  it('PUT /users/{user_id} {email}, also new_email as the stored event names it', () => {
    expect(parseSeed001UpdateEmail({ email: 'john.new@example.com' }, '1', at)).toEqual({
      type: 'UpdateUserEmail',
      data: { userId: '1', newEmail: 'john.new@example.com', at },
    });
    expect(parseSeed001UpdateEmail({ new_email: 'john.new@example.com' }, '1', at).data.newEmail).toBe(
      'john.new@example.com',
    );
    expect(issuesOf(() => parseSeed001UpdateEmail({}, 'a b', at))).toEqual({
      userId: 'may contain only letters, digits, underscores, hyphens, dots and colons',
      email: 'is required',
    });
  });
});
