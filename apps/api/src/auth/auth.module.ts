import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { API_CONFIG, type ApiConfig } from '../config/api.config';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { SessionGuard } from './session.guard';
import { SessionsService } from './sessions.service';

@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) => ({
        // Only the login route uses it (see AuthController): brute force is what it stops.
        throttlers: [{ name: 'login', ttl: 60_000, limit: config.LOGIN_ATTEMPTS_PER_MINUTE }],
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [SessionsService, AuthService, { provide: APP_GUARD, useClass: SessionGuard }],
  exports: [SessionsService],
})
export class AuthModule {}
