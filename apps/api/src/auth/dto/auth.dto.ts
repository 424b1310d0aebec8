import { z } from 'zod';
import { isCommonPassword } from '@capacites/domain';
import { createZodDto } from '../../common/zod-dto';

export class LoginDto extends createZodDto(
  z
    .object({
      email: z.email({ message: 'email must be an email address' }).max(320),
      password: z
        .string({ message: 'password is required' })
        .min(1, { message: 'password is required' })
        .max(1024),
    })
    .strict(),
) {}

export class ChangePasswordDto extends createZodDto(
  z
    .object({
      currentPassword: z.string().min(1, { message: 'currentPassword is required' }).max(1024),
      newPassword: z
        .string()
        .min(12, { message: 'newPassword must have at least 12 characters' })
        .max(1024, { message: 'newPassword must have at most 1024 characters' })
        .refine((password) => !isCommonPassword(password), {
          message: 'newPassword is one of the most common passwords: choose another one',
        }),
    })
    .strict(),
) {}

/** A code of the second factor: 6 digits, or a recovery code (xxxxx-xxxxx). */
const codeSchema = z
  .string({ message: 'code is required' })
  .trim()
  .min(6, { message: 'code must be the 6 digits of the app, or a recovery code' })
  .max(20, { message: 'code must be the 6 digits of the app, or a recovery code' });

export class LoginCodeDto extends createZodDto(
  z
    .object({
      pendingToken: z.string({ message: 'pendingToken is required' }).min(1).max(200),
      code: codeSchema,
    })
    .strict(),
) {}

export class TotpCodeDto extends createZodDto(z.object({ code: codeSchema }).strict()) {}

export interface MeResponse {
  id: string;
  email: string;
  displayName: string;
  memberships: { organizationId: string; role: string }[];
  /** Second factor: on or not, required (platform admins), and whether to enrol before anything else. */
  totp: { enabled: boolean; required: boolean; enrolmentRequired: boolean };
}

export interface TokenResponse {
  token: string;
  expiresAt: string;
}

export interface LogoutResponse {
  /** The identity provider's logout (end_session) URL, after a session opened through it. */
  logoutUrl: string | null;
}
