import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { HealthService } from '../health.service';

describe('HealthService', () => {
  it('reports a dependency down with a generic reason, never its address or error text', async () => {
    const dataSourceFake = {
      query: () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.5:5432')),
    } as unknown as DataSource;
    const temporalFake = {
      connection: { ensureConnected: () => Promise.resolve() },
      workflowService: { getSystemInfo: () => Promise.resolve({}) },
    } as unknown as Client;
    const report = await new HealthService(dataSourceFake, temporalFake).check();
    expect(report.status).toBe('down');
    expect(report.checks.postgres).toMatchObject({ status: 'down', error: 'unreachable' });
    expect(report.checks.temporal.status).toBe('up');
    expect(JSON.stringify(report)).not.toMatch(/10\.0\.0\.5|ECONNREFUSED/);
  });
});
