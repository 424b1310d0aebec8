import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import {
  payloadEncryptionProblem,
  temporalConnectionSettings,
  temporalDataConverter,
} from '@capacites/config';
import { API_CONFIG, type ApiConfig } from '../config/api.config';

export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
export const TEMPORAL_TASK_QUEUE = Symbol('TEMPORAL_TASK_QUEUE');

/**
 * The Temporal client. Connects lazily so that the API starts (and reports itself
 * degraded on /api/health) while Temporal is still coming up.
 */
@Global()
@Module({
  providers: [
    {
      provide: TEMPORAL_CLIENT,
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) => {
        const problem = payloadEncryptionProblem(config);
        if (problem) throw new Error(problem);
        const settings = temporalConnectionSettings(config);
        const connection = Connection.lazy({
          address: settings.address,
          tls: settings.tls,
          apiKey: settings.apiKey,
          // An interactive API: when Temporal is down, answer 503 within a second or so rather
          // than after the SDK's default ten attempts (about 15 s, measured: 25 s per request
          // in the fault suite); the caller retries.
          interceptors: [makeGrpcRetryInterceptor(defaultGrpcRetryOptions({ maxAttempts: 4 }))],
          // And find it again within seconds once it is back (gRPC's reconnect backoff grows to 120 s).
          channelArgs: { 'grpc.initial_reconnect_backoff_ms': 500, 'grpc.max_reconnect_backoff_ms': 5_000 },
        });
        return new Client({
          connection,
          namespace: settings.namespace,
          dataConverter: temporalDataConverter(settings.payloadKeys),
        });
      },
    },
    {
      provide: TEMPORAL_TASK_QUEUE,
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) => config.TEMPORAL_TASK_QUEUE,
    },
  ],
  exports: [TEMPORAL_CLIENT, TEMPORAL_TASK_QUEUE],
})
export class TemporalModule implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
  }
}
