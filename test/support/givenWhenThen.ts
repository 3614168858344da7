import { expect } from 'vitest';
import { fold, type Decider } from '../../src/domain/core/decider';

/**
 * Given/when/then for any decider (Emmett's DeciderSpecification, without its generic tower):
 *
 *   spec(orderDecider).given([placed]).when(ship).thenThrows(DomainError, /it is "pending"/);
 *   spec(orderDecider).given([placed]).when(confirm).then([confirmed]);
 *
 * Given events and the command are deep-frozen, so a decide or evolve that mutates its input fails the test.
 */
export function spec<Command, Event, State>(decider: Decider<Command, Event, State>) {
  return {
    given(events: readonly Event[]) {
      return {
        when(command: Command) {
          const run = (): Event[] => {
            const history = events.map((event) => deepFreeze(structuredClone(event)));
            const state = fold(decider.evolve, history, decider.initialState());
            return decider.decide(deepFreeze(structuredClone(command)), state);
          };
          return {
            /** The command records exactly these events, in this order. */
            then(expected: readonly Event[]): void {
              expect(run()).toEqual(expected);
            },
            /** The command is refused with this error class, and its message matches; returns the error. */
            thenThrows<E extends Error>(errorClass: new (...args: never[]) => E, message?: RegExp): E {
              let events: Event[] | undefined;
              try {
                events = run();
              } catch (error) {
                expect(error).toBeInstanceOf(errorClass);
                if (message) expect((error as Error).message).toMatch(message);
                return error as E;
              }
              throw new Error(
                `Expected ${errorClass.name} but decide returned events: ${JSON.stringify(events)}`,
              );
            },
            /** The state after the given events and the command's events. */
            thenState(expected: State): void {
              const recorded = run();
              const state = fold(decider.evolve, [...events, ...recorded], decider.initialState());
              expect(state).toEqual(expected);
            },
          };
        },
      };
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
