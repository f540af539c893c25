import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { Principal, Role } from '../../../../libs/auth';

export const ACCESS_KEY = 'duban:access';
export type AccessRule = readonly Role[] | 'public' | 'signed-in';

/** Every endpoint declares who may call it; the guard refuses endpoints that do not. */
export const Access = (...roles: Role[]) => SetMetadata(ACCESS_KEY, roles);
export const Public = () => SetMetadata(ACCESS_KEY, 'public');
export const SignedIn = () => SetMetadata(ACCESS_KEY, 'signed-in');

export type AuthedRequest = Request & { principal?: Principal };

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthedRequest>().principal;
  if (!principal) throw new Error('CurrentUser used on an endpoint without sign-in');
  return principal;
});
