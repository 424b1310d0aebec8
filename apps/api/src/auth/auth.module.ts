import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { API_CONFIG, type ApiConfig } from '../config/api.config';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { OidcController } from './oidc/oidc.controller';
import { OidcService } from './oidc/oidc.service';
import { SessionGuard } from './session.guard';
import { SessionsService } from './sessions.service';

@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) => ({
        // Only the login routes use it (AuthController, OidcController): brute force is what it
        // stops, and each OIDC callback costs calls to the provider.
        throttlers: [{ name: 'login', ttl: 60_000, limit: config.LOGIN_ATTEMPTS_PER_MINUTE }],
      }),
    }),
  ],
  controllers: [AuthController, OidcController],
  providers: [SessionsService, OidcService, AuthService, { provide: APP_GUARD, useClass: SessionGuard }],
  exports: [SessionsService],
})
export class AuthModule {}
