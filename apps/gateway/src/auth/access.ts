import {
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  Inject,
  Injectable,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CodedError, ErrorCode, type Actor, type Clock, type Role } from '@writ/contracts';
import { CLOCK } from '@writ/platform';
import type { FastifyRequest } from 'fastify';
import { Accounts } from './accounts.js';
import { TokenService } from './tokens.js';

const ROLES = 'writ:roles';
const PUBLIC = 'writ:public';

/** Who may call a route. Routes without @Allow or @Public are refused: access is denied by default. */
export const Allow = (...roles: readonly Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ROLES, roles);
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC, true);

type RequestWithActor = FastifyRequest & { actor?: Actor };

/** The authenticated actor of the request. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<RequestWithActor>().actor;
  if (!actor) throw new CodedError(ErrorCode.Unauthenticated, 'Log in first');
  return actor;
});

@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly accounts: Accounts,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    const header = request.headers.authorization;
    const token =
      typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token) throw new CodedError(ErrorCode.Unauthenticated, 'Authorization: Bearer <token> is required');
    const now = this.clock.now();
    const holder = await this.tokens.verify(token, now);
    if (!holder)
      throw new CodedError(ErrorCode.Unauthenticated, 'The token is invalid or has expired; log in again');
    // roles and court come from the account as it is now, not as it was when the token was issued
    const actor = await this.accounts.actorFor(holder.id, now);
    if (!actor)
      throw new CodedError(ErrorCode.Unauthenticated, 'This account is disabled or no longer exists');
    request.actor = actor;
    const allowed = this.reflector.getAllAndOverride<readonly Role[] | undefined>(ROLES, targets);
    if (!allowed || !actor.roles.some((role) => allowed.includes(role))) {
      throw new CodedError(
        ErrorCode.Forbidden,
        `Your role may not ${request.method} ${request.url.split('?')[0]}`,
      );
    }
    return true;
  }
}
