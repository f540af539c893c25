import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { runWithAuditContext } from '../../../../libs/audit';
import type { AuthedRequest } from '../auth/access.decorator';

/**
 * Makes the signed-in user and the request id the audit context of everything the handler does,
 * so services record who acted without an actor parameter on every method. Runs after the
 * guards, which have set the principal; Nest binds the handler to the async context it is
 * subscribed in, so the context reaches every await below it.
 */
@Injectable()
export class AuditContextInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const me = req.principal;
    const context = {
      actorId: me?.userId ?? null,
      actorName: me ? me.displayName : 'anonymous',
      requestId: typeof req.id === 'string' ? req.id : null,
    };
    return runWithAuditContext(context, () => next.handle());
  }
}
