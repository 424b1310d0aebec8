// Refusal codes of retention and erasure (issue 17, item 3), spread into ERROR_MESSAGES
// (errors/error-codes.ts). No import: error-codes.ts imports this file.

export const RETENTION_ERROR_MESSAGES = {
  /** 409: an account is erased only once it was disabled. */
  ERASURE_ACCOUNT_ACTIVE: () => 'The account must be disabled before it is erased.',
  /** 400 naming confirmEmail: the account's email, typed again, does not match. */
  ERASURE_CONFIRMATION_MISMATCH: () => "To erase an account, type its email again in confirmEmail.",
  /** 409: an erased account is never changed nor enabled again. */
  ACCOUNT_ERASED: () => 'This account was erased: it cannot be changed nor enabled again.',
} as const;
