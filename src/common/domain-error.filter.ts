import { Catch, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, ForbiddenError, InvalidParameterError, NotFoundError, UnauthenticatedError } from './errors/index.js';

/** Domain error → HTTP status: the only place that knows. First match wins; subclasses before their bases. */
const STATUS: [abstract new (...args: never[]) => DomainError, HttpStatus][] = [
  [InvalidParameterError, HttpStatus.BAD_REQUEST],
  [UnauthenticatedError, HttpStatus.UNAUTHORIZED],
  [ForbiddenError, HttpStatus.FORBIDDEN],
  [NotFoundError, HttpStatus.NOT_FOUND],
];

export function statusOf(err: DomainError): HttpStatus {
  return STATUS.find(([type]) => err instanceof type)?.[1] ?? HttpStatus.BAD_REQUEST;
}

const REASON: Partial<Record<HttpStatus, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
};

/** Turns every DomainError into a JSON error body `{ statusCode, error, message, ...details }`. */
@Catch(DomainError)
export class DomainErrorFilter implements ExceptionFilter {
  catch(err: DomainError, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) {
      res.destroy(err); // a stream already started: cut it rather than append JSON to it
      return;
    }
    const status = statusOf(err);
    if (status === HttpStatus.UNAUTHORIZED) res.setHeader('WWW-Authenticate', 'Bearer realm="verdict-watch"');
    res.status(status).json({ statusCode: status, error: REASON[status] ?? 'Error', message: err.message, ...err.details });
  }
}
