/**
 * The errors a boundary can show a person. Each has a `kind` so the API console can map it to an HTTP status
 * (validation → 400, notFound → 404, rule and conflict → 409) without `instanceof` chains.
 */

/** One field that failed validation, in words a student understands. */
export type FieldIssue = {
  readonly field: string;
  readonly message: string;
};

/** Input that is malformed: missing fields, wrong types, negative quantities, oversized strings. */
export class ValidationError extends Error {
  readonly kind = 'validation' as const;
  constructor(readonly issues: readonly FieldIssue[]) {
    super(issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '));
    this.name = 'ValidationError';
  }
}

/** A well-formed command that the domain refuses in the current state (e.g. shipping a pending order). */
export class DomainError extends Error {
  readonly kind = 'rule' as const;
  constructor(
    /** A stable machine-readable code, e.g. `IllegalTransition`, `OrderAlreadyExists`. */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** The command names an aggregate (order, user) that has no events. */
export class NotFoundError extends Error {
  readonly kind = 'notFound' as const;
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`No ${entity} with id "${id}" exists.`);
    this.name = 'NotFoundError';
  }
}
