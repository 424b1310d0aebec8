import { z } from 'zod';

export const databaseEnvSchema = z.object({
  DATABASE_URL: z
    .string({ message: 'DATABASE_URL is required (postgres://user:password@host:port/database)' })
    .regex(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must start with postgres://' }),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_LOGGING: z.stringbool().default(false),
});

export type DatabaseEnv = z.infer<typeof databaseEnvSchema>;
