import { ConfigError } from '@capacites/config';
import { loadWorkerConfig, WORKER_ENV_VARIABLES } from '../config/worker.config';

const DATABASE_URL = 'postgres://capacites@127.0.0.1/capacites';

describe('Worker configuration: health and metrics endpoints', () => {
  it('leaves both off unless asked, the health endpoint on loopback', () => {
    const config = loadWorkerConfig({ DATABASE_URL });
    expect(config.WORKER_HEALTH_PORT).toBeUndefined();
    expect(config.WORKER_METRICS_ADDRESS).toBeUndefined();
    expect(config.WORKER_HEALTH_HOST).toBe('127.0.0.1');
    expect(WORKER_ENV_VARIABLES).toEqual(
      expect.arrayContaining([
        'WORKER_HEALTH_PORT',
        'WORKER_HEALTH_HOST',
        'WORKER_METRICS_ADDRESS',
        'DATABASE_URL',
      ]),
    );
  });

  it('names a bad port or address', () => {
    expect(() =>
      loadWorkerConfig({ DATABASE_URL, WORKER_HEALTH_PORT: 'http', WORKER_METRICS_ADDRESS: '9464' }),
    ).toThrow(ConfigError);
    try {
      loadWorkerConfig({ DATABASE_URL, WORKER_HEALTH_PORT: 'http', WORKER_METRICS_ADDRESS: '9464' });
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/WORKER_HEALTH_PORT/);
      expect(problems).toMatch(/WORKER_METRICS_ADDRESS must be host:port/);
    }
    expect(
      loadWorkerConfig({ DATABASE_URL, WORKER_METRICS_ADDRESS: '0.0.0.0:9464' }).WORKER_METRICS_ADDRESS,
    ).toBe('0.0.0.0:9464');
  });
});
