import { z } from 'zod';

/** Pino's level names; `silent` turns logging off (the test suites). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export type LogLevel = (typeof LOG_LEVELS)[number];

export const loggingEnvSchema = z.object({
  /** Least severe level written; both apps log JSON lines on stdout. */
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
});

export type LoggingEnv = z.infer<typeof loggingEnvSchema>;

type NestLogLevel = 'fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose';

const NEST_LEVELS: NestLogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
const NEST_NAME: Record<Exclude<LogLevel, 'silent'>, NestLogLevel> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  info: 'log',
  debug: 'debug',
  trace: 'verbose',
};

/** The NestJS ConsoleLogger levels equivalent to a LOG_LEVEL (that level and the more severe). */
export function nestLogLevels(level: LogLevel): NestLogLevel[] {
  if (level === 'silent') return [];
  return NEST_LEVELS.slice(0, NEST_LEVELS.indexOf(NEST_NAME[level]) + 1);
}
