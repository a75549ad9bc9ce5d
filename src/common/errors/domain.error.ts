/**
 * Base of the errors services throw. Services never throw HttpException: the one DomainErrorFilter
 * maps each subclass to its HTTP status, so the mapping lives in a single place.
 */
export abstract class DomainError extends Error {
  /** Extra fields for the error response body, e.g. the parameter that was wrong. */
  readonly details: Record<string, unknown>;

  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}
