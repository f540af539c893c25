import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { isIsoDate, shanghaiDay } from '../clock/domain/beijing-time';
import { AuthError } from './auth.errors';
import { phoneProblem } from './domain/contact';
import { passwordProblem, type Role } from './domain/roles';
import { hashPassword } from './password';
import { type AgencyLink, type Recipient, UsersRepository } from './users.repository';

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  agencyIds: string[];
}

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  agencies: { id: string; name: string }[];
  /** A leader's 分管 agencies. */
  supervisedAgencies: { id: string; name: string }[];
  disabled: boolean;
  email: string | null;
  phone: string | null;
}

/** What an admin may change about an account; absent fields stay as they are. */
export interface UserChange {
  displayName?: string;
  roles?: Role[];
  agencyIds?: string[];
  supervisedAgencyIds?: string[];
  disabled?: boolean;
}

/** A liaison's deputy (代理) and the period, Beijing days inclusive. */
export interface DeputyView {
  deputy: { id: string; displayName: string };
  from: string;
  to: string;
}

/** What each user sets for themselves; an empty string clears a field. */
export interface ContactChange {
  email?: string;
  phone?: string;
}

/** Accounts: created by admins, by the first run and by the demo seed. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    // Nest injects it; the CLI (seed-demo) builds the service by hand and gets one on the same data source.
    private readonly audit: AuditService = new AuditService(db),
    private readonly users: UsersRepository = new UsersRepository(db),
  ) {}

  async create(input: NewUser): Promise<UserView> {
    const problem = passwordProblem(input.password);
    if (problem) throw new AuthError('WEAK_PASSWORD', problem);
    const hash = await hashPassword(input.password);
    const id = await this.db.transaction(async (tx) => {
      if (await this.users.usernameTaken(input.username, tx)) {
        throw new AuthError('USERNAME_TAKEN', `用户名「${input.username}」已被使用`);
      }
      const { username, displayName, roles, agencyIds } = input;
      const userId = await this.users.insert({ username, displayName, passwordHash: hash, roles }, tx);
      await this.linkAgencies(tx, 'user_agency', userId, agencyIds);
      // Never the password or its hash.
      await this.audit.record(tx, {
        action: 'user.create',
        targetType: 'user',
        targetId: userId,
        after: { username, displayName, roles, agencyIds },
      });
      return userId;
    });
    return this.get(id);
  }

  /**
   * An admin's change to an account. Disabling ends its sessions at once (access and refresh
   * tokens); no change may leave the system without an active admin, and an admin changes only
   * the display name of their own account.
   */
  async update(id: string, change: UserChange, byUserId?: string): Promise<UserView> {
    const before = await this.get(id);
    const { displayName, roles, agencyIds, supervisedAgencyIds, disabled } = change;
    // Nobody widens, narrows or ends their own access: another admin does it, on the record.
    const access = [roles, agencyIds, supervisedAgencyIds, disabled].some((v) => v !== undefined);
    if (id === byUserId && access) {
      throw new AuthError('OWN_ACCESS', '不能修改本人的角色、所属或分管单位，也不能停用本人账号，请由其他管理员操作');
    }
    await this.db.transaction(async (tx) => {
      const wasAdmin = before.roles.includes('admin') && !before.disabled;
      const staysAdmin = (roles ?? before.roles).includes('admin') && !(disabled ?? before.disabled);
      if (wasAdmin && !staysAdmin && (await this.users.countActiveAdmins(tx)) <= 1) {
        throw new AuthError('LAST_ADMIN', '不能停用或撤销最后一名管理员');
      }
      await this.users.update(id, { displayName, roles, disabled }, tx);
      if (agencyIds) await this.linkAgencies(tx, 'user_agency', id, agencyIds);
      if (supervisedAgencyIds) await this.linkAgencies(tx, 'leader_agency', id, supervisedAgencyIds);
      if (disabled && !before.disabled) {
        await this.users.bumpTokenVersion(id, tx);
        await this.users.revokeRefreshTokens(id, tx);
      }
      const was = {
        displayName: before.displayName,
        roles: before.roles,
        agencyIds: before.agencies.map((a) => a.id),
        supervisedAgencyIds: before.supervisedAgencies.map((a) => a.id),
        disabled: before.disabled,
      };
      const fields = Object.keys(change).filter(
        (k) => change[k as keyof UserChange] !== undefined,
      ) as (keyof UserChange)[];
      await this.audit.record(tx, {
        action: 'user.update',
        targetType: 'user',
        targetId: id,
        before: Object.fromEntries(fields.map((k) => [k, was[k]])),
        after: Object.fromEntries(fields.map((k) => [k, change[k]])),
      });
    });
    return this.get(id);
  }

  /**
   * A user's own email and phone. The audit entry names the fields changed, not their values:
   * the log is kept for ever and read widely, contact details are not its business.
   */
  async updateContact(userId: string, change: ContactChange): Promise<UserView> {
    const phone = change.phone?.trim();
    if (phone) {
      const problem = phoneProblem(phone);
      if (problem) throw new AuthError('INVALID_PHONE', problem);
    }
    const email = change.email?.trim();
    const contact = {
      ...(email !== undefined ? { email: email || null } : {}),
      ...(phone !== undefined ? { phone: phone || null } : {}),
    };
    await this.db.transaction(async (tx) => {
      await this.users.setContact(userId, contact, tx);
      await this.audit.record(tx, {
        action: 'user.contact_update',
        targetType: 'user',
        targetId: userId,
        after: { changed: Object.keys(contact) },
      });
    });
    return this.get(userId);
  }

  /**
   * 代理: a liaison names a deputy for `from`–`to` (Beijing days, inclusive), replacing any earlier
   * one. The deputy must be another active liaison, who then acts on the liaison's agencies' tasks.
   */
  async setDeputy(userId: string, d: { deputyId: string; from: string; to: string }): Promise<DeputyView> {
    if (!isIsoDate(d.from) || !isIsoDate(d.to) || d.from > d.to) {
      throw new AuthError('INVALID_PERIOD', '代理期限须为有效日期（YYYY-MM-DD），且开始不晚于结束');
    }
    if (d.to < shanghaiDay(new Date())) throw new AuthError('INVALID_PERIOD', '代理期限已过');
    const deputy = (await this.list()).find((u) => u.id === d.deputyId);
    if (!deputy || deputy.id === userId || deputy.disabled || !deputy.roles.includes('liaison')) {
      throw new AuthError('INVALID_DEPUTY', '代理人须为本人以外、已启用的联络员');
    }
    await this.db.transaction(async (tx) => {
      await this.users.setDeputy(userId, d, tx);
      await this.audit.record(tx, { action: 'user.deputy_set', targetType: 'user', targetId: userId, after: d });
    });
    return { deputy: { id: deputy.id, displayName: deputy.displayName }, from: d.from, to: d.to };
  }

  /** Ends the user's deputyship at once (the deputy acts for them no more); repeating it changes nothing. */
  async endDeputy(userId: string): Promise<{ ended: boolean }> {
    return this.db.transaction(async (tx) => {
      const ended = await this.users.clearDeputy(userId, tx);
      if (ended) {
        await this.audit.record(tx, {
          action: 'user.deputy_end',
          targetType: 'user',
          targetId: userId,
          before: ended,
          after: null,
        });
      }
      return { ended: ended !== null };
    });
  }

  private async linkAgencies(tx: EntityManager, table: AgencyLink, userId: string, agencyIds: string[]) {
    if (!(await this.users.setAgencies(table, userId, agencyIds, tx))) {
      throw new AuthError('UNKNOWN_AGENCY', '所选单位不存在（请从单位库中选择）');
    }
  }

  async list(): Promise<UserView[]> {
    return (await this.users.list()).map((r) => ({
      ...r,
      agencies: r.agencies ?? [],
      supervisedAgencies: r.supervisedAgencies ?? [],
    }));
  }

  async get(id: string): Promise<UserView> {
    const found = (await this.list()).find((u) => u.id === id);
    if (!found) throw new AuthError('USER_NOT_FOUND', `找不到用户 ${id}`);
    return found;
  }

  countAdmins(): Promise<number> {
    return this.users.countActiveAdmins();
  }

  /** Today's active liaisons of an agency (notification recipients). */
  liaisonsOf(agencyId: string, manager?: EntityManager): Promise<Recipient[]> {
    return this.users.liaisonsOf(agencyId, manager);
  }

  /**
   * The leaders who supervise (分管) an agency, for 督办 notices: its active supervising leaders,
   * or every active leader where none is set.
   */
  async leadersFor(agencyId: string, manager?: EntityManager): Promise<Recipient[]> {
    const supervisors = await this.users.supervisorsOf(agencyId, manager);
    return supervisors.length ? supervisors : this.users.withRole('leader', manager);
  }

  /** Today's active users with a role (notification recipients). */
  withRole(role: Role, manager?: EntityManager): Promise<Recipient[]> {
    return this.users.withRole(role, manager);
  }

  /** An active user's email address, if any. */
  email(userId: string): Promise<string | null> {
    return this.users.email(userId);
  }
}
