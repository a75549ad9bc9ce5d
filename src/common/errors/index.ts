export { DomainError } from './domain.error.js';
export { ForbiddenError } from './forbidden.error.js';
export { InvalidParameterError } from './invalid-parameter.error.js';
export { NotFoundError } from './not-found.error.js';
export { UnauthenticatedError } from './unauthenticated.error.js';
