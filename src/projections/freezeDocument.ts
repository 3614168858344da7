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
  if (doc !== null && typeof doc === 'object' && !Object.isFrozen(doc)) {
    Object.freeze(doc);
    // Documents are plain data (they must survive structured cloning), so their own enumerable values are all of it.
    for (const value of Object.values(doc)) freezeDocument(value);
  }
  return doc;
}
