/**
 * Freezes a read-model document and everything in it, so that the batch can hand the same object to every event's
 * evolve without copying it: an evolve that mutates a document instead of putting a new one throws a TypeError
 * (modules are strict), and the projection faults on that event with the reason, instead of corrupting the batch.
 *
 * Objects that are already frozen are not walked again: documents are only ever frozen here, whole, and the event
 * store freezes recorded events whole, so a frozen object's contents are frozen too. That keeps freezing a document
 * built from the previous one (`{ ...order, status }`) proportional to what is new in it.
 */
export function freezeDocument<Doc>(doc: Doc): Doc {
  if (typeof doc === 'object' && doc !== null && !Object.isFrozen(doc)) freezeTree(doc);
  return doc;
}

/**
 * Whether a document is frozen, and so (see above) cannot change any more: a store may keep or hand out the object
 * itself where it would otherwise copy it. A frozen mark is checked rather than kept in a WeakSet: adding every
 * document to one cost more than freezing it.
 */
export function isFrozenDocument(doc: unknown): boolean {
  return typeof doc === 'object' && doc !== null && Object.isFrozen(doc);
}

// Documents are plain data (they must survive structured cloning): array items and own enumerable values are all.
// Indexed and for-in loops, because this runs for every document every event puts.
function freezeTree(value: object): void {
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const item: unknown = value[index];
      if (typeof item === 'object' && item !== null && !Object.isFrozen(item)) freezeTree(item);
    }
    return;
  }
  for (const key in value) {
    const item: unknown = (value as Record<string, unknown>)[key];
    if (typeof item === 'object' && item !== null && !Object.isFrozen(item)) freezeTree(item);
  }
}
