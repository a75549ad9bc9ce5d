import { SetMetadata } from '@nestjs/common';
import type { Role } from './caller.js';

export const REQUIRED_ROLE = 'vw:required-role';

/** The route needs an API key with this role (admin implies reader). Routes without it are public. */
export const RequiresRole = (role: Role) => SetMetadata(REQUIRED_ROLE, role);
