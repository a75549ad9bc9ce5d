import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { InvalidParameterError } from './errors/invalid-parameter.error.js';

type Location = 'query' | 'body' | 'param';

/**
 * Validates every handler parameter that declares a Standard Schema (`@Query({ schema })`,
 * `@Body({ schema })`): a failure becomes an InvalidParameterError naming the first bad parameter.
 */
@Injectable()
export class ParameterValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const location: Location = metadata.type === 'body' ? 'body' : metadata.type === 'param' ? 'param' : 'query';
    const schema = (metadata as { schema?: StandardSchemaV1 }).schema;
    if (!schema || metadata.type === 'custom') return value;
    const result = await schema['~standard'].validate(value);
    if (result.issues) throw toError(result.issues, location, typeof metadata.data === 'string' ? metadata.data : undefined);
    return result.value;
  }
}

function toError(issues: readonly StandardSchemaV1.Issue[], location: Location, single?: string): InvalidParameterError {
  const issue = issues[0];
  const path = (issue.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p));
  const unknownKeys = (issue as { keys?: string[] }).keys;
  if (!path.length && unknownKeys?.length) {
    return new InvalidParameterError(unknownKeys[0], `unknown parameter (allowed: see /docs)`, location);
  }
  return new InvalidParameterError(path.join('.') || single || location, issue.message, location);
}
