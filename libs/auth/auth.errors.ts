export type AuthErrorCode =
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'TOKEN_INVALID'
  | 'FORBIDDEN'
  | 'WEAK_PASSWORD'
  | 'USERNAME_TAKEN'
  | 'USER_NOT_FOUND';

/** Sign-in and permission refusals; the API maps `code` to 401/403/4xx. */
export class AuthError extends Error {
  constructor(
    readonly code: AuthErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AuthError';
  }
}
