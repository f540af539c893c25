import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthError, AuthService, hasAnyRole } from '../../../../libs/auth';
import { ACCESS_KEY, type AccessRule, type AuthedRequest } from './access.decorator';

/** Global guard: a bearer token for everything but public endpoints, then the endpoint's roles. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [
      ctx.getHandler(),
      ctx.getClass(),
    ]);
    if (rule === 'public') return true;
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (!match) throw new AuthError('UNAUTHENTICATED', '请先登录（Authorization: Bearer <token>）');
    req.principal = await this.auth.authenticate(match[1]);
    if (rule === 'signed-in') return true;
    // An endpoint that declares nobody is closed to everybody.
    if (!rule || !hasAnyRole(req.principal, rule)) throw new AuthError('FORBIDDEN', '无权执行此操作');
    return true;
  }
}
