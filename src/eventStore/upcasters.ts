import type { RecordedEvent } from './types';

/**
 * Event versioning: `upcasters[type][v]` turns the data of a `type` event at schema version v into version v + 1.
 * Stored rows are never rewritten; stores apply the steps each time they read an old event.
 */
export type Upcasters = Readonly<Record<string, Readonly<Record<number, (data: unknown) => unknown>>>>;

/** Schema version each event type is written at today (e.g. `orderEventSchemaVersions`). */
export type CurrentSchemaVersions = Readonly<Record<string, number>>;

/** How a store upcasts what it reads. */
export type Upcasting = {
  readonly upcasters: Upcasters;
  /** When missing, each event is upcast as far as the available steps go. */
  readonly currentVersions?: CurrentSchemaVersions;
};

export class MissingUpcasterError extends Error {
  constructor(
    readonly eventType: string,
    readonly fromVersion: number,
  ) {
    super(
      `Cannot read a ${eventType} event of schema version ${fromVersion}: no upcaster turns version ` +
        `${fromVersion} into ${fromVersion + 1}.`,
    );
    this.name = 'MissingUpcasterError';
  }
}

/**
 * Brings one event to the current schema version of its type, one step v → v + 1 at a time. An event already at
 * (or beyond) the current version is returned as it is, the same object.
 */
export function upcast<E extends RecordedEvent>(
  event: E,
  upcasters: Upcasters,
  currentVersions?: CurrentSchemaVersions,
): E {
  const steps = upcasters[event.type];
  const target = currentVersions?.[event.type];
  let version = event.schemaVersion;
  let data = event.data;
  for (;;) {
    if (target !== undefined && version >= target) break;
    const step = steps?.[version];
    if (!step) {
      if (target !== undefined) throw new MissingUpcasterError(event.type, version);
      break;
    }
    data = step(data);
    version += 1;
  }
  return version === event.schemaVersion ? event : { ...event, schemaVersion: version, data };
}

/** `upcast` for every event, or the identity when the store has no upcasting configured. */
export function upcastAll<E extends RecordedEvent>(events: E[], upcasting: Upcasting | undefined): E[] {
  if (!upcasting) return events;
  return events.map((event) => upcast(event, upcasting.upcasters, upcasting.currentVersions));
}
