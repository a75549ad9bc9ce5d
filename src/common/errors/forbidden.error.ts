import { DomainError } from './domain.error.js';

/** A known API key whose role does not allow the request (a reader key on a write). */
export class ForbiddenError extends DomainError {}
