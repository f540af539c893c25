import { type ExecutionContext, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { SkipThrottle, type ThrottlerModuleOptions, seconds } from '@nestjs/throttler';
import type { Request } from 'express';
import type { RateLimits } from '../../../../libs/config';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const AUTH_RATE_LIMITED = 'duban:auth-rate-limited';
const reflector = new Reflector();

/**
 * Also counts the route against the strict sign-in limit (RATE_LIMIT_AUTH requests per
 * RATE_LIMIT_AUTH_WINDOW_SECONDS per client address), on top of the read and write limits.
 * Put it on login, refresh and password change.
 */
export const AuthRateLimit = () => SetMetadata(AUTH_RATE_LIMITED, true);

/** Probes and scrapes are never limited. */
export const NoRateLimit = () => SkipThrottle({ default: true, write: true, auth: true });

/**
 * Three named throttlers, each a budget per client address across all routes: `default` counts every request,
 * `write` only POST/PUT/PATCH/DELETE, `auth` only routes marked with {@link AuthRateLimit}.
 */
export function throttlerOptions(limits: RateLimits): ThrottlerModuleOptions {
  const method = (context: ExecutionContext) => context.switchToHttp().getRequest<Request>().method;
  return {
    // One budget per client across all routes (the library's default is one per route).
    generateKey: (_context, tracker, name) => `${name}:${tracker}`,
    throttlers: [
      { name: 'default', ttl: seconds(limits.windowSeconds), limit: limits.read },
      {
        name: 'write',
        ttl: seconds(limits.windowSeconds),
        limit: limits.write,
        skipIf: (context) => !WRITE_METHODS.has(method(context)),
      },
      {
        name: 'auth',
        ttl: seconds(limits.authWindowSeconds),
        limit: limits.auth,
        skipIf: (context) =>
          !reflector.getAllAndOverride<boolean | undefined>(AUTH_RATE_LIMITED, [
            context.getHandler(),
            context.getClass(),
          ]),
      },
    ],
  };
}
