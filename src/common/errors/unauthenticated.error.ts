import { DomainError } from './domain.error.js';

/** No API key where one is needed, or a key the service does not know. */
export class UnauthenticatedError extends DomainError {}
