import type { SelfCheck } from '../../src/workbook/selfCheck/types';
import { selfCheck as lesson01 } from './01-crud-loses-history';
import { selfCheck as lesson02 } from './02-commands-and-queries';
import { selfCheck as lesson03 } from './03-event-sourcing';
import { selfCheck as lesson04 } from './04-projections';
import { selfCheck as lesson05 } from './05-snapshots';
import { selfCheck as lesson06 } from './06-optimistic-concurrency';
import { selfCheck as lesson07 } from './07-versioning-upcasting';
import { selfCheck as lesson08 } from './08-sagas';
import { selfCheck as lesson09 } from './09-dual-writes-outbox';
import { selfCheck as lesson10 } from './10-at-least-once';
import { selfCheck as lesson11 } from './11-evolving-events';
import { selfCheck as lesson12 } from './12-aggregate-boundaries';
import { selfCheck as lesson13 } from './13-eventual-consistency-ux';
import { selfCheck as lesson14 } from './14-forgetting-a-person';

/**
 * Every lesson's self-check, in lesson order (content/index.ts). Each lesson's questions are in the file beside it,
 * typed by src/workbook/selfCheck/types.ts; test/workbook/selfCheck/questions.test.ts checks them all.
 */
export const selfChecks: readonly SelfCheck[] = [
  lesson01,
  lesson02,
  lesson03,
  lesson04,
  lesson05,
  lesson06,
  lesson07,
  lesson08,
  lesson09,
  lesson10,
  lesson11,
  lesson12,
  lesson13,
  lesson14,
];
