import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ActingFor, Role } from './domain/roles';

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
  email: string | null;
  phone: string | null;
  agencies: { id: string; name: string }[] | null;
  supervisedAgencies: { id: string; name: string }[] | null;
}

/** The two agency lists of a user: a liaison's own (`user_agency`) and a leader's 分管 (`leader_agency`). */
export type AgencyLink = 'user_agency' | 'leader_agency';

const FOREIGN_KEY_VIOLATION = '23503';

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
    u: { username: string; displayName: string; passwordHash: string; roles: Role[] },
    tx: EntityManager,
  ): Promise<string> {
    const [row] = await tx.query<{ id: string }[]>(
      `INSERT INTO app_user (username, display_name, password_hash, roles) VALUES ($1, $2, $3, $4) RETURNING id`,
      [u.username, u.displayName, u.passwordHash, u.roles],
    );
    return row.id;
  }

  async list(): Promise<UserListRow[]> {
    const agencies = (table: AgencyLink) =>
      `(SELECT json_agg(json_build_object('id', a.id, 'name', a.name) ORDER BY a.name)
        FROM ${table} l JOIN agency a ON a.id = l.agency_id WHERE l.user_id = u.id)`;
    return this.db.query<UserListRow[]>(
      `SELECT u.id, u.username, u.display_name AS "displayName", u.roles, u.disabled, u.email, u.phone,
         ${agencies('user_agency')} AS agencies, ${agencies('leader_agency')} AS "supervisedAgencies"
       FROM app_user u ORDER BY u.username`,
    );
  }

  /** Changes the given fields; `undefined` leaves a field as it is. */
  async update(
    userId: string,
    u: { displayName?: string; roles?: Role[]; disabled?: boolean },
    tx: EntityManager,
  ): Promise<void> {
    await tx.query(
      `UPDATE app_user SET display_name = COALESCE($2, display_name), roles = COALESCE($3, roles),
         disabled = COALESCE($4, disabled), updated_at = now() WHERE id = $1`,
      [userId, u.displayName ?? null, u.roles ?? null, u.disabled ?? null],
    );
  }

  /** Replaces one of the user's agency lists; false when an id names no agency (the foreign key says so). */
  async setAgencies(table: AgencyLink, userId: string, agencyIds: string[], tx: EntityManager): Promise<boolean> {
    await tx.query(`DELETE FROM ${table} WHERE user_id = $1`, [userId]);
    if (!agencyIds.length) return true;
    try {
      await tx.query(`INSERT INTO ${table} (user_id, agency_id) SELECT DISTINCT $1::uuid, unnest($2::uuid[])`, [
        userId,
        agencyIds,
      ]);
      return true;
    } catch (err) {
      // The transaction is spoilt; the caller refuses, and it rolls back.
      if ((err as { code?: string }).code === FOREIGN_KEY_VIOLATION) return false;
      throw err;
    }
  }

  /** The user's own contact details; `undefined` leaves one as it is, null clears it. */
  async setContact(
    userId: string,
    c: { email?: string | null; phone?: string | null },
    tx: EntityManager,
  ): Promise<void> {
    await tx.query(
      `UPDATE app_user SET email = CASE WHEN $2 THEN $3 ELSE email END,
         phone = CASE WHEN $4 THEN $5 ELSE phone END, updated_at = now() WHERE id = $1`,
      [userId, c.email !== undefined, c.email ?? null, c.phone !== undefined, c.phone ?? null],
    );
  }

  async countActiveAdmins(manager: EntityManager = this.db.manager): Promise<number> {
    const [{ n }] = await manager.query<{ n: number }[]>(
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

  /** Names (or replaces) a liaison's deputy for a period of Beijing days, inclusive. */
  async setDeputy(userId: string, d: { deputyId: string; from: string; to: string }, tx: EntityManager): Promise<void> {
    await tx.query(
      `INSERT INTO user_deputy (user_id, deputy_id, starts_on, ends_on) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id) DO UPDATE SET deputy_id = $2, starts_on = $3, ends_on = $4, created_at = now()`,
      [userId, d.deputyId, d.from, d.to],
    );
  }

  /** Ends the user's deputyship; answers the one ended, if there was one. */
  async clearDeputy(userId: string, tx: EntityManager): Promise<{ deputyId: string; from: string; to: string } | null> {
    const rows = await tx.query<{ deputyId: string; from: string; to: string }[]>(
      `WITH gone AS (DELETE FROM user_deputy WHERE user_id = $1
         RETURNING deputy_id AS "deputyId", starts_on::text AS "from", ends_on::text AS "to")
       SELECT * FROM gone`,
      [userId],
    );
    return rows[0] ?? null;
  }

  /** Active liaisons whose deputy the user is today (Beijing day), with their agencies. */
  async actingFor(deputyId: string): Promise<ActingFor[]> {
    return this.db.query<ActingFor[]>(
      `SELECT u.id AS "userId", u.display_name AS "displayName",
         COALESCE(array_agg(ua.agency_id) FILTER (WHERE ua.agency_id IS NOT NULL), '{}') AS "agencyIds"
       FROM user_deputy d JOIN app_user u ON u.id = d.user_id LEFT JOIN user_agency ua ON ua.user_id = u.id
       WHERE d.deputy_id = $1 AND NOT u.disabled AND 'liaison' = ANY(u.roles)
         AND (now() AT TIME ZONE 'Asia/Shanghai')::date BETWEEN d.starts_on AND d.ends_on
       GROUP BY u.id ORDER BY u.id`,
      [deputyId],
    );
  }

  /** Active leaders who supervise (分管) the agency. */
  async supervisorsOf(agencyId: string, manager: EntityManager = this.db.manager): Promise<Recipient[]> {
    return manager.query<Recipient[]>(
      `SELECT u.id AS "userId", u.email FROM app_user u JOIN leader_agency la ON la.user_id = u.id
       WHERE la.agency_id = $1 AND 'leader' = ANY(u.roles) AND NOT u.disabled ORDER BY u.id`,
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
