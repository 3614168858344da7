import type { Message } from '../core/message';

/** Seed 001's users domain. */
export type CreateUser = Message<
  'CreateUser',
  {
    readonly userId: string;
    readonly firstName: string;
    readonly lastName: string;
    readonly email: string;
    readonly at: string;
  }
>;
export type UpdateUserEmail = Message<
  'UpdateUserEmail',
  { readonly userId: string; readonly newEmail: string; readonly at: string }
>;
export type UserCommand = CreateUser | UpdateUserEmail;

export type UserCreated = Message<
  'UserCreated',
  {
    readonly userId: string;
    readonly firstName: string;
    readonly lastName: string;
    readonly email: string;
    readonly createdAt: string;
  }
>;
export type UserEmailUpdated = Message<
  'UserEmailUpdated',
  {
    readonly userId: string;
    /** Kept so the history answers "what was the email before?", which CRUD cannot. */
    readonly previousEmail: string;
    readonly newEmail: string;
    readonly updatedAt: string;
  }
>;
export type UserEvent = UserCreated | UserEmailUpdated;

export type UserState =
  | { readonly exists: false }
  | {
      readonly exists: true;
      readonly userId: string;
      readonly firstName: string;
      readonly lastName: string;
      readonly email: string;
      readonly createdAt: string;
      readonly updatedAt: string;
    };

export const userStreamId = (userId: string): string => `user-${userId}`;
