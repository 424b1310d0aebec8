import { Module } from '@nestjs/common';
import { ApiMetrics } from './api-metrics.service';

@Module({ providers: [ApiMetrics], exports: [ApiMetrics] })
export class MetricsModule {}
