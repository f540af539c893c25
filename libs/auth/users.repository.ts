import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from './domain/roles';

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  roles: Role[];
  token_version: number;
  disabled: boolean;
  agency_ids: string[];
}

export interface UserListRow {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  disabled: boolean;
  agencies: { id: string; name: string }[] | null;
}

export interface Recipient {
  userId: string;
  email: string | null;
}

/** SQL of the auth context: `app_user`, `user_agency` and `refresh_token` (the user list joins agency names). */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async find(where: 'id' | 'username', value: string): Promise<UserRow | null> {
    const rows = await this.db.query<UserRow[]>(
      `SELECT u.id, u.username, u.display_name, u.password_hash, u.roles, u.token_version, u.disabled,
         COALESCE(array_agg(ua.agency_id) FILTER (WHERE ua.agency_id IS NOT NULL), '{}') AS agency_ids
       FROM app_user u LEFT JOIN user_agency ua ON ua.user_id = u.id
       WHERE u.${where === 'id' ? 'id' : 'username'} = $1 GROUP BY u.id`,
      [value],
    );
    return rows[0] ?? null;
  }

  async usernameTaken(username: string, tx: EntityManager): Promise<boolean> {
    return (await tx.query<unknown[]>('SELECT 1 FROM app_user WHERE username = $1', [username])).length > 0;
  }

  async insert(
    u: { username: string; displayName: string; passwordHash: string; roles: Role[]; agencyIds: string[] },
    tx: EntityManager,
  ): Promise<string> {
    const [row] = await tx.query<{ id: string }[]>(
      `INSERT INTO app_user (username, display_name, password_hash, roles) VALUES ($1, $2, $3, $4) RETURNING id`,
      [u.username, u.displayName, u.passwordHash, u.roles],
    );
    if (u.agencyIds.length) {
      await tx.query('INSERT INTO user_agency (user_id, agency_id) SELECT $1, unnest($2::uuid[])', [
        row.id,
        u.agencyIds,
      ]);
    }
    return row.id;
  }

  async list(): Promise<UserListRow[]> {
    return this.db.query<UserListRow[]>(
      `SELECT u.id, u.username, u.display_name AS "displayName", u.roles, u.disabled,
         (SELECT json_agg(json_build_object('id', a.id, 'name', a.name) ORDER BY a.name)
          FROM user_agency ua JOIN agency a ON a.id = ua.agency_id WHERE ua.user_id = u.id) AS agencies
       FROM app_user u ORDER BY u.username`,
    );
  }

  async countActiveAdmins(): Promise<number> {
    const [{ n }] = await this.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM app_user WHERE 'admin' = ANY(roles) AND NOT disabled`,
    );
    return n;
  }

  async setPassword(userId: string, hash: string, tx: EntityManager): Promise<void> {
    await tx.query('UPDATE app_user SET password_hash = $2, updated_at = now() WHERE id = $1', [userId, hash]);
  }

  /** Access tokens carry the version: bumping it ends them all. */
  async bumpTokenVersion(userId: string, tx: EntityManager): Promise<void> {
    await tx.query('UPDATE app_user SET token_version = token_version + 1, updated_at = now() WHERE id = $1', [userId]);
  }

  async insertRefreshToken(userId: string, hash: string, days: number): Promise<void> {
    await this.db.query(
      `INSERT INTO refresh_token (user_id, token_hash, expires_at) VALUES ($1, $2, now() + make_interval(days => $3))`,
      [userId, hash, days],
    );
  }

  /** Uses up a live refresh token; its user, or null when none matched. */
  async useRefreshToken(hash: string): Promise<string | null> {
    // Wrapped in a SELECT: TypeORM hands back [rows, count] for a bare UPDATE … RETURNING.
    const rows = await this.db.query<{ user_id: string }[]>(
      `WITH used AS (UPDATE refresh_token SET revoked_at = now()
         WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now() RETURNING user_id)
       SELECT user_id FROM used`,
      [hash],
    );
    return rows[0]?.user_id ?? null;
  }

  async revokeRefreshTokens(userId: string, tx: EntityManager): Promise<void> {
    await tx.query('UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
  }

  async liaisonsOf(agencyId: string, manager: EntityManager = this.db.manager): Promise<Recipient[]> {
    return manager.query<Recipient[]>(
      `SELECT u.id AS "userId", u.email FROM app_user u JOIN user_agency ua ON ua.user_id = u.id
       WHERE ua.agency_id = $1 AND 'liaison' = ANY(u.roles) AND NOT u.disabled ORDER BY u.id`,
      [agencyId],
    );
  }

  async withRole(role: Role, manager: EntityManager = this.db.manager): Promise<Recipient[]> {
    return manager.query<Recipient[]>(
      `SELECT id AS "userId", email FROM app_user WHERE $1 = ANY(roles) AND NOT disabled ORDER BY id`,
      [role],
    );
  }

  async email(userId: string): Promise<string | null> {
    const rows = await this.db.query<{ email: string | null }[]>(
      'SELECT email FROM app_user WHERE id = $1 AND NOT disabled',
      [userId],
    );
    return rows[0]?.email ?? null;
  }
}
