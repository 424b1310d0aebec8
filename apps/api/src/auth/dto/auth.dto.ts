import { z } from 'zod';
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
        .max(1024, { message: 'newPassword must have at most 1024 characters' }),
    })
    .strict(),
) {}

export interface MeResponse {
  id: string;
  email: string;
  displayName: string;
  memberships: { organizationId: string; role: string }[];
}

export interface LogoutResponse {
  /** The identity provider's logout (end_session) URL, after a session opened through it. */
  logoutUrl: string | null;
}
