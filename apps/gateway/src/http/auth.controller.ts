import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  CodedError,
  ErrorCode,
  type Actor,
  type Clock,
  type LoginReply,
  type UserView,
} from '@writ/contracts';
import { CLOCK, UnitOfWork, validateMessage } from '@writ/platform';
import { IsString, Length } from 'class-validator';
import { Allow, CurrentActor, Public } from '../auth/access.js';
import { LoginThrottle } from '../auth/login-throttle.js';
import { DUMMY_HASH, verifyPassword } from '../auth/password.js';
import { TokenService } from '../auth/tokens.js';
import { UserRepository, type UserAccount } from '../auth/user.repository.js';
import { ALL_ROLES } from './roles.js';

export class LoginRequest {
  @IsString()
  @Length(1, 64)
  username!: string;

  @IsString()
  @Length(1, 200)
  password!: string;
}

function toView(user: UserAccount): UserView {
  const { id, username, displayName, roles, courtCode, courtName } = user;
  return { id, username, displayName, roles, courtCode, courtName };
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly users: UserRepository,
    private readonly tokens: TokenService,
    private readonly unitOfWork: UnitOfWork,
    private readonly throttle: LoginThrottle,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Username and password → a bearer token. Every attempt is audited. */
  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiBody({ schema: { $ref: '#/components/schemas/LoginRequest' } })
  async login(@Body() body: unknown): Promise<LoginReply> {
    const request = await validateMessage(LoginRequest, body);
    const now = this.clock.now();
    const wait = this.throttle.retryAfterMs(request.username, now);
    if (wait > 0) {
      throw new CodedError(
        ErrorCode.TooManyRequests,
        `Too many failed logins for ${request.username}; try again in ${Math.ceil(wait / 60_000)} minute(s)`,
      );
    }
    this.throttle.recordAttempt(request.username, now);
    const user = await this.users.findByUsername(request.username);
    const valid = await verifyPassword(request.password, user?.passwordHash ?? DUMMY_HASH);
    const courtCode = user?.courtCode ?? '-';
    if (!user || !valid || user.disabled) {
      await this.unitOfWork.run((tx) =>
        tx.audit({
          action: 'auth.login.refused',
          entityType: 'app_user',
          entityId: request.username,
          courtCode,
          actor: { id: 'anonymous', username: request.username, roles: [], courtCode },
        }),
      );
      throw new CodedError(ErrorCode.Unauthenticated, 'Unknown username or wrong password');
    }
    const actor: Actor = {
      id: user.id,
      username: user.username,
      roles: user.roles,
      courtCode: user.courtCode,
      ...(user.partyIdNumber ? { partyIdNumber: user.partyIdNumber } : {}),
    };
    this.throttle.recordSuccess(request.username);
    const issued = await this.tokens.issue(actor, now);
    await this.unitOfWork.run((tx) =>
      tx.audit({
        action: 'auth.login',
        entityType: 'app_user',
        entityId: user.id,
        courtCode: user.courtCode,
        actor,
      }),
    );
    return { ...issued, user: toView(user) };
  }

  @Get('me')
  @Allow(...ALL_ROLES)
  @ApiBearerAuth()
  @ApiOkResponse({ description: 'The logged-in user' })
  async me(@CurrentActor() actor: Actor): Promise<UserView> {
    const user = await this.users.findById(actor.id);
    if (!user || user.disabled)
      throw new CodedError(ErrorCode.Unauthenticated, 'This account no longer exists');
    return toView(user);
  }
}
