import { Controller, Get, Redirect, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../decorators';
import { LoginLimiterService } from '../login-limiter.service';
import { OidcService, type AuthProvidersResponse } from './oidc.service';

/** Browser navigations (redirects), not XHR: errors come back to the login page as ?error=. */
@Controller('auth')
export class OidcController {
  constructor(
    private readonly oidc: OidcService,
    private readonly limiter: LoginLimiterService,
  ) {}

  /** For the login page: which ways to log in are offered. */
  @Public()
  @Get('providers')
  providers(): AuthProvidersResponse {
    return this.oidc.providers();
  }

  @Public()
  @Get('oidc/login')
  @Redirect()
  async login(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ url: string; statusCode: number }> {
    // Each login costs calls to the provider: the same budget per client as passwords.
    await this.limiter.attemptFrom(request.ip ?? 'unknown');
    return { url: await this.oidc.startLogin(request.ip ?? 'unknown', response), statusCode: 302 };
  }

  @Public()
  @Get('oidc/callback')
  @Redirect()
  async callback(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ url: string; statusCode: number }> {
    await this.limiter.attemptFrom(request.ip ?? 'unknown');
    const query = new URL(request.originalUrl, 'http://callback.invalid').searchParams;
    const sealedFlow = (request.cookies as Record<string, string> | undefined)?.[this.oidc.flowCookieName];
    return {
      url: await this.oidc.finishLogin(query, sealedFlow, request.ip ?? 'unknown', response),
      statusCode: 302,
    };
  }
}
