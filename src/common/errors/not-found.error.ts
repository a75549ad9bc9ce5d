import { DomainError } from './domain.error.js';

/** The thing asked for does not exist (a claim id, a court code). */
export class NotFoundError extends DomainError {
  constructor(what: string, id: string | number) {
    super(`${what} ${id} not found`, { [what]: String(id) });
  }
}
