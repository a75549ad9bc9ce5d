import { DomainError } from './domain.error.js';

/** A request parameter (query, body field or path segment) the API cannot accept; the message names it. */
export class InvalidParameterError extends DomainError {
  constructor(
    readonly parameter: string,
    reason: string,
    readonly location: 'query' | 'body' | 'param' = 'query',
  ) {
    super(`${location === 'body' ? 'body field' : location === 'param' ? 'path parameter' : 'query parameter'} '${parameter}': ${reason}`, {
      parameter,
    });
  }
}
