import { Controller, Get, Redirect, Req, Res, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { Public } from '../decorators';
import { OidcService, type AuthProvidersResponse } from './oidc.service';

/** Browser navigations (redirects), not XHR: errors come back to the login page as ?error=. */
@Controller('auth')
export class OidcController {
  constructor(private readonly oidc: OidcService) {}

  /** For the login page: which ways to log in are offered. */
  @Public()
  @Get('providers')
  providers(): AuthProvidersResponse {
    return this.oidc.providers();
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @Get('oidc/login')
  @Redirect()
  async login(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ url: string; statusCode: number }> {
    return { url: await this.oidc.startLogin(request.ip ?? 'unknown', response), statusCode: 302 };
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @Get('oidc/callback')
  @Redirect()
  async callback(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ url: string; statusCode: number }> {
    const query = new URL(request.originalUrl, 'http://callback.invalid').searchParams;
    const sealedFlow = (request.cookies as Record<string, string> | undefined)?.[this.oidc.flowCookieName];
    return {
      url: await this.oidc.finishLogin(query, sealedFlow, request.ip ?? 'unknown', response),
      statusCode: 302,
    };
  }
}
