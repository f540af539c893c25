import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { API_CONFIG, type ApiConfig } from '../config';
import { AuthError } from './auth.errors';
import { passwordProblem, type Principal } from './domain/roles';
import { hashPassword, randomToken, verifyPassword } from './password';
import { type UserRow, UsersRepository } from './users.repository';

interface AccessClaims {
  sub: string;
  ver: number;
}

export interface TokenPair {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  user: Principal;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Sign-in: short-lived JWT access tokens, rotating refresh tokens, revocation by version. */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jwt: JwtService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly audit: AuditService,
    private readonly users: UsersRepository,
  ) {}

  private user(where: 'id' | 'username', value: string): Promise<UserRow | null> {
    return this.users.find(where, value);
  }

  // Read on every request, like the roles: a deputyship counts from its first day to its last.
  private async principal(u: UserRow): Promise<Principal> {
    const actingFor = await this.users.actingFor(u.id);
    const { id: userId, username, display_name: displayName, roles, agency_ids: agencyIds } = u;
    return { userId, username, displayName, roles, agencyIds, actingFor };
  }

  private async issue(u: UserRow): Promise<TokenPair> {
    const claims: AccessClaims = { sub: u.id, ver: u.token_version };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.auth.accessTokenSeconds });
    const refreshToken = randomToken();
    await this.users.insertRefreshToken(u.id, sha256(refreshToken), this.config.auth.refreshTokenDays);
    return { accessToken, expiresIn: this.config.auth.accessTokenSeconds, refreshToken, user: await this.principal(u) };
  }

  async login(username: string, password: string): Promise<TokenPair> {
    const u = await this.user('username', username);
    // The same answer for an unknown user and a wrong password, so usernames don't leak. Failed
    // sign-ins are not audited: they change nothing, and anyone could fill the append-only log.
    if (!u || u.disabled || !(await verifyPassword(password, u.password_hash))) {
      throw new AuthError('INVALID_CREDENTIALS', '用户名或密码错误');
    }
    return this.issue(u);
  }

  /** Trades a refresh token for a new pair; the old one is used up. */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const userId = await this.users.useRefreshToken(sha256(refreshToken));
    const u = userId ? await this.user('id', userId) : null;
    if (!u || u.disabled) throw new AuthError('TOKEN_INVALID', '登录已失效，请重新登录');
    return this.issue(u);
  }

  /** Checks an access token, including that the user has not logged out or changed password since. */
  async authenticate(token: string): Promise<Principal> {
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(token);
    } catch {
      throw new AuthError('TOKEN_INVALID', '登录已失效或令牌无效，请重新登录');
    }
    const u = await this.user('id', claims.sub);
    if (!u || u.disabled || u.token_version !== claims.ver) {
      throw new AuthError('TOKEN_INVALID', '登录已失效，请重新登录');
    }
    return this.principal(u);
  }

  /** Ends every session of the user: access tokens by version, refresh tokens by revocation. */
  async logout(userId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await this.endSessions(tx, userId);
      await this.audit.record(tx, { action: 'auth.logout', targetType: 'user', targetId: userId });
    });
  }

  private async endSessions(tx: EntityManager, userId: string): Promise<void> {
    await this.users.bumpTokenVersion(userId, tx);
    await this.users.revokeRefreshTokens(userId, tx);
  }

  async changePassword(userId: string, current: string, next: string): Promise<void> {
    const u = await this.user('id', userId);
    if (!u || !(await verifyPassword(current, u.password_hash))) {
      throw new AuthError('INVALID_CREDENTIALS', '原密码错误');
    }
    const problem = passwordProblem(next);
    if (problem) throw new AuthError('WEAK_PASSWORD', problem);
    const hash = await hashPassword(next);
    await this.db.transaction(async (tx) => {
      await this.users.setPassword(userId, hash, tx);
      await this.endSessions(tx, userId);
      await this.audit.record(tx, { action: 'auth.password_change', targetType: 'user', targetId: userId });
    });
  }
}
