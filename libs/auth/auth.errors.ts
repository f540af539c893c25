import { DomainError, type ErrorStatuses } from '../errors/domain/domain-error';

export type AuthErrorCode = keyof typeof AUTH_ERRORS;

/** Every code of sign-in and permissions and its HTTP status. */
export const AUTH_ERRORS = {
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  TOKEN_INVALID: 401,
  FORBIDDEN: 403,
  WEAK_PASSWORD: 400,
  INVALID_PHONE: 400,
  UNKNOWN_AGENCY: 422,
  LAST_ADMIN: 409,
  OWN_ACCESS: 409,
  INVALID_PERIOD: 400,
  INVALID_DEPUTY: 422,
  USER_NOT_FOUND: 404,
  USERNAME_TAKEN: 409,
} as const satisfies ErrorStatuses<string>;

/** Sign-in and permission refusals. */
export class AuthError extends DomainError<AuthErrorCode> {
  constructor(code: AuthErrorCode, message: string) {
    super(code, message);
    this.name = 'AuthError';
  }
}
