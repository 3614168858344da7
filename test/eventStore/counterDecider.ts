import type { Decider } from '../../src/domain/core/decider';
import { DomainError } from '../../src/domain/core/errors';
import { assertNever } from '../../src/domain/core/message';

/** A decider small enough to read in one glance, for testing the command pipeline apart from the order domain. */
export type CounterCommand =
  | { readonly type: 'Add'; readonly data: { readonly amount: number } }
  | { readonly type: 'AddTwice'; readonly data: { readonly amount: number } };
export type CounterEvent = { readonly type: 'Added'; readonly data: { readonly amount: number } };
export type CounterState = { readonly total: number; readonly additions: number };

export const counterDecider: Decider<CounterCommand, CounterEvent, CounterState> = {
  decide(command) {
    if (command.data.amount < 0)
      throw new DomainError('NegativeAmount', `Cannot add ${command.data.amount}: amounts are never negative.`);
    // Adding nothing changes nothing, so it records nothing.
    if (command.data.amount === 0) return [];
    switch (command.type) {
      case 'Add':
        return [{ type: 'Added', data: { amount: command.data.amount } }];
      case 'AddTwice':
        return [
          { type: 'Added', data: { amount: command.data.amount } },
          { type: 'Added', data: { amount: command.data.amount } },
        ];
      default:
        return assertNever(command);
    }
  },
  evolve: (state, event) => ({ total: state.total + event.data.amount, additions: state.additions + 1 }),
  initialState: () => ({ total: 0, additions: 0 }),
};

export const add = (amount: number): CounterCommand => ({ type: 'Add', data: { amount } });
export const addTwice = (amount: number): CounterCommand => ({ type: 'AddTwice', data: { amount } });
