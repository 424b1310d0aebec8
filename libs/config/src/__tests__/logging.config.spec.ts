import { loadConfig } from '../load-config';
import { loggingEnvSchema, nestLogLevels } from '../logging.config';

describe('LOG_LEVEL', () => {
  it('defaults to info and refuses an unknown level', () => {
    expect(loadConfig(loggingEnvSchema, {})).toEqual({ LOG_LEVEL: 'info' });
    expect(() => loadConfig(loggingEnvSchema, { LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });

  it('maps to the NestJS ConsoleLogger levels of the worker: that level and the more severe ones', () => {
    expect(nestLogLevels('info')).toEqual(['fatal', 'error', 'warn', 'log']);
    expect(nestLogLevels('trace')).toEqual(['fatal', 'error', 'warn', 'log', 'debug', 'verbose']);
    expect(nestLogLevels('error')).toEqual(['fatal', 'error']);
    expect(nestLogLevels('silent')).toEqual([]);
  });
});
