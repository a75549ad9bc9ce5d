import { Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ApiKeyGuard } from './auth/api-key.guard.js';
import { Clock } from './clock.js';
import { DomainErrorFilter } from './domain-error.filter.js';
import { ParameterValidationPipe } from './parameter-validation.pipe.js';

/** Cross-cutting HTTP concerns, registered once: parameter validation, API keys, domain error mapping; the clock. */
@Global()
@Module({
  providers: [
    Clock,
    { provide: APP_PIPE, useClass: ParameterValidationPipe },
    { provide: APP_GUARD, useClass: ApiKeyGuard },
    { provide: APP_FILTER, useClass: DomainErrorFilter },
  ],
  exports: [Clock],
})
export class CommonModule {}
