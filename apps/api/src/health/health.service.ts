import { Inject, Injectable, Logger } from '@nestjs/common';
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

const logger = new Logger('Health');

function isTimeout(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('no answer within');
}

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
    logger.warn(`dependency down: ${error instanceof Error ? error.message : String(error)}`);
    return {
      status: 'down',
      latencyMs: Date.now() - started,
      // The endpoint is public: a generic reason only; the detail (addresses…) goes to the logs.
      error: isTimeout(error) ? 'no answer in time' : 'unreachable',
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
