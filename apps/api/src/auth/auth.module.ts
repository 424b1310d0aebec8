import { Module } from '@nestjs/common';
import { ServiceAccountsModule } from '../service-accounts/service-accounts.module';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { OidcController } from './oidc/oidc.controller';
import { OidcService } from './oidc/oidc.service';
import { SessionGuard } from './session.guard';
import { LoginLimiterService } from './login-limiter.service';
import { SessionsService } from './sessions.service';
import { TotpService } from './totp.service';

@Module({
  imports: [ServiceAccountsModule],
  controllers: [AuthController, OidcController],
  providers: [
    LoginLimiterService,
    TotpService,
    SessionsService,
    OidcService,
    AuthService,
    { provide: APP_GUARD, useClass: SessionGuard },
  ],
  exports: [SessionsService],
})
export class AuthModule {}
