export { AuthModule, UsersModule } from './auth.module';
export { AuthService, type TokenPair } from './auth.service';
export {
  UsersService,
  type ContactChange,
  type DeputyView,
  type NewUser,
  type UserChange,
  type UserView,
} from './users.service';
export type { Recipient } from './users.repository';
export { AUTH_ERRORS, AuthError, type AuthErrorCode } from './auth.errors';
export {
  ROLES,
  type Role,
  type Principal,
  hasAnyRole,
  agencyScope,
  liaisonScope,
  standingInFor,
  type ActingFor,
  passwordProblem,
} from './domain/roles';
export { phoneProblem } from './domain/contact';
export { hashPassword } from './password';
export { ensureFirstAdmin } from './first-admin';
