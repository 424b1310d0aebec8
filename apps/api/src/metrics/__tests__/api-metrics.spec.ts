import { loadApiConfig } from '../../config/api.config';
import { routeLabel } from '../api-metrics.service';

const base = { DATABASE_URL: 'postgres://u:p@h:5432/d' };

describe('API_METRICS_ADDRESS', () => {
  it('is off unless set', () => {
    expect(loadApiConfig(base).API_METRICS_ADDRESS).toBeUndefined();
    expect(loadApiConfig({ ...base, API_METRICS_ADDRESS: '0.0.0.0:9465' }).API_METRICS_ADDRESS).toBe(
      '0.0.0.0:9465',
    );
  });

  it('names a value that is not host:port', () => {
    expect(() => loadApiConfig({ ...base, API_METRICS_ADDRESS: '9465' })).toThrow(
      /API_METRICS_ADDRESS must be host:port/,
    );
  });
});

describe('routeLabel', () => {
  it('is the route pattern Express matched, with its mount point', () => {
    expect(
      routeLabel({
        method: 'GET',
        originalUrl: '/api/experiments/42',
        route: { path: '/api/experiments/:id' },
      }),
    ).toBe('/api/experiments/:id');
    expect(routeLabel({ method: 'GET', originalUrl: '/x/y', baseUrl: '/x', route: { path: '/y' } })).toBe(
      '/x/y',
    );
  });

  it('never turns an unmatched path into a label of its own', () => {
    expect(routeLabel({ method: 'GET', originalUrl: '/api/whatever/123?x=1' })).toBe('unmatched');
    expect(
      routeLabel({ method: 'GET', originalUrl: '/api/whatever/123', route: { path: '/api*path' } }),
    ).toBe('unmatched');
    expect(routeLabel({ method: 'GET', originalUrl: '/experiments/123/show' })).toBe('back-office');
  });
});
