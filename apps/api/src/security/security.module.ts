import { Global, Module } from '@nestjs/common';
import { API_CONFIG, type ApiConfig } from '../config/api.config';
import { DATA_CIPHER, dataCipherOf } from './data-cipher';
import { PublicRateLimiter } from './public-rate-limiter';
import { SecretsAtRestService } from './secrets-at-rest.service';

/**
 * Plumbing of the trust defaults: the data cipher (secrets encrypted at rest, required in
 * production), the pass that encrypts secrets left in clear, and the public routes' limits.
 */
@Global()
@Module({
  providers: [
    { provide: DATA_CIPHER, inject: [API_CONFIG], useFactory: (config: ApiConfig) => dataCipherOf(config) },
    SecretsAtRestService,
    PublicRateLimiter,
  ],
  exports: [DATA_CIPHER, PublicRateLimiter],
})
export class SecurityModule {}
