import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { temporalConnectionSettings } from '@capacites/config';
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
        const settings = temporalConnectionSettings(config);
        const connection = Connection.lazy({
          address: settings.address,
          tls: settings.tls,
          apiKey: settings.apiKey,
        });
        return new Client({ connection, namespace: settings.namespace });
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
