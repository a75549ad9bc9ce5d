import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { ENV } from '../../config/config.module.js';
import type { Env } from '../../config/env.schema.js';
import { ForbiddenError } from '../errors/forbidden.error.js';
import { UnauthenticatedError } from '../errors/unauthenticated.error.js';
import type { Caller, Role } from './caller.js';
import { REQUIRED_ROLE } from './requires-role.decorator.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Resolves the caller from `x-api-key` or `Authorization: Bearer <key>` (keys and roles from API_KEYS)
 * and enforces @RequiresRole. A key that is sent but unknown is refused everywhere, so a typo never
 * silently degrades to anonymous access.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly keys: { digest: Buffer; role: Role }[];

  constructor(
    private readonly reflector: Reflector,
    @Inject(ENV) env: Env,
  ) {
    this.keys = env.API_KEYS.map((k) => ({ digest: digest(k.key), role: k.role }));
  }

  canActivate(ctx: ExecutionContext): boolean {
    if (ctx.getType() !== 'http') return true;
    const req = ctx.switchToHttp().getRequest<Request & { caller?: Caller }>();
    const key = this.presentedKey(req);
    const role = key === null ? null : this.roleOf(key);
    if (key !== null && role === null) throw new UnauthenticatedError('unknown API key');
    req.caller = { role };
    const required = this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, [ctx.getHandler(), ctx.getClass()]);
    if (!required) return true;
    if (role === null) throw new UnauthenticatedError(`an API key with role ${required} is required (x-api-key header)`);
    if (required === 'admin' && role !== 'admin') throw new ForbiddenError('this needs an API key with role admin');
    return true;
  }

  private presentedKey(req: Request): string | null {
    const header = req.headers['x-api-key'];
    if (typeof header === 'string' && header.trim()) return header.trim();
    const auth = req.headers.authorization;
    const bearer = auth?.match(/^Bearer\s+(\S+)\s*$/i);
    return bearer ? bearer[1] : null;
  }

  private roleOf(key: string): Role | null {
    const d = digest(key);
    let found: Role | null = null;
    for (const k of this.keys) if (timingSafeEqual(k.digest, d)) found = k.role; // no early exit: constant time
    return found;
  }
}
