import type { FieldIssue } from '../domain/core/errors';
import type { RecordedEvent, Unsubscribe } from '../eventStore/types';

/** Every command a person can issue from the command panel or the API console. */
export type CommandName =
  | 'PlaceOrder'
  | 'ConfirmOrder'
  | 'StartProcessing'
  | 'ShipOrder'
  | 'DeliverOrder'
  | 'CancelOrder'
  | 'DeleteOrder'
  | 'UpdateOrderStatus'
  /** Seed 000's CRUD status overwrite: any status from any status, recorded as OrderStatusSet. */
  | 'SetOrderStatus'
  | 'CreateUser'
  | 'UpdateUserEmail';

export type ExecuteOptions = {
  /** Idempotency key; a fresh one is minted when missing. */
  readonly commandId?: string;
  /**
   * When the command happened (ISO time), for prepared histories that tell a story over hours or days; the
   * simulator's clock when missing. Stamped on the command (`at`), hence on its events' data.
   */
  readonly at?: string;
  /**
   * The stream version the client decided on (seed 002's `If-Match` or body `expectedVersion`): refused as a
   * `conflict`, nothing written, when the stream has moved on since.
   */
  readonly expectedVersion?: number;
};

/** What happened to one command, in terms a view can show next to the form. */
export type CommandOutcome =
  | {
      readonly ok: true;
      readonly streamId: string;
      readonly events: readonly RecordedEvent[];
      /** True when the commandId had already been handled and the earlier result was returned. */
      readonly idempotentReplay: boolean;
      /**
       * Present when the CRUD twin has not applied these events yet (its write failed, or a lesson holds it): says
       * so in words. The events stand; the twin catches up from the log by its own checkpoint.
       */
      readonly crudTwinNote?: string;
    }
  | {
      readonly ok: false;
      /** validation → the form's fields; rule → illegal transition etc.; notFound; conflict; storage. */
      readonly kind: 'validation' | 'rule' | 'notFound' | 'conflict' | 'storage';
      readonly message: string;
      readonly issues: readonly FieldIssue[];
    };

/**
 * The one object the views consume: it wires the event store, the projector, the CRUD twin and the clock.
 * Views never talk to Dexie directly.
 */
export interface Simulator {
  /**
   * Validates raw form/API input, runs the command on the event store, then lets the CRUD twin catch up from the
   * log. The outcome is what the log recorded, never the twin's error.
   */
  execute(command: CommandName, input: unknown, options?: ExecuteOptions): Promise<CommandOutcome>;
  /** Newest first. */
  latestEvents(limit: number): Promise<RecordedEvent[]>;
  /** Called after every append (this tab or another) and every projector step. */
  onChange(listener: () => void): Unsubscribe;
  /** Called at each stage of every command this simulator executes (`at` = performance.now()). */
  onCommand(listener: (step: CommandLifecycle) => void): Unsubscribe;
  close(): void;
}

/**
 * A command's passage through the write side, reported as it happens: the architecture diagram lights each stage,
 * the metrics panel times them. `validated` = the boundary schema accepted the input and routed it to an aggregate;
 * `appended` = the aggregate decided and the store recorded the events; `rejected` = refused at any step.
 */
export type CommandLifecycle =
  | { readonly phase: 'received'; readonly commandId: string; readonly command: CommandName; readonly at: number }
  | { readonly phase: 'validated'; readonly commandId: string; readonly command: CommandName; readonly streamId: string; readonly at: number }
  | {
      readonly phase: 'appended';
      readonly commandId: string;
      readonly command: CommandName;
      readonly streamId: string;
      readonly events: readonly RecordedEvent[];
      readonly at: number;
    }
  | {
      readonly phase: 'rejected';
      readonly commandId: string;
      readonly command: CommandName;
      readonly kind: Extract<CommandOutcome, { ok: false }>['kind'];
      readonly message: string;
      readonly at: number;
    };
