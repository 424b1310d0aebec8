import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';

export interface DependencyStatus {
  status: 'up' | 'down';
  latencyMs: number;
  error?: string;
}

export interface HealthReport {
  status: 'up' | 'down';
  checks: { postgres: DependencyStatus; temporal: DependencyStatus };
}

const TIMEOUT_MS = 3000;

async function timed(probe: () => Promise<unknown>): Promise<DependencyStatus> {
  const started = Date.now();
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS).unref(),
      ),
    ]);
    return { status: 'up', latencyMs: Date.now() - started };
  } catch (error) {
    return {
      status: 'down',
      latencyMs: Date.now() - started,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  async check(): Promise<HealthReport> {
    const [postgres, temporal] = await Promise.all([
      timed(() => this.dataSource.query('SELECT 1')),
      timed(async () => {
        await this.temporal.connection.ensureConnected();
        await this.temporal.workflowService.getSystemInfo({});
      }),
    ]);
    return {
      status: postgres.status === 'up' && temporal.status === 'up' ? 'up' : 'down',
      checks: { postgres, temporal },
    };
  }
}
