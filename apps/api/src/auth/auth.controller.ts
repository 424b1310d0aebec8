import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import { AllowBeforeTotpEnrolment, CurrentUser, Public } from './decorators';
import {
  ChangePasswordDto,
  LoginCodeDto,
  LoginDto,
  TotpCodeDto,
  type MeResponse,
  type TokenResponse,
} from './dto/auth.dto';
import type { PendingLogin } from './sessions.service';
import type { TotpEnrolment } from './totp.service';

const clientOf = (request: Request) => request.ip ?? 'unknown';

@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** 200 with the user (session cookie set), or `{ totpRequired, pendingToken }` when a code is needed. */
  @Public()
  @Post('login')
  @HttpCode(200)
  login(
    @Body() body: LoginDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MeResponse | PendingLogin> {
    return this.auth.login(body, clientOf(request), response);
  }

  /** 200 with a bearer token, or `{ totpRequired, pendingToken }` when a code is needed. */
  @Public()
  @Post('token')
  @HttpCode(200)
  token(@Body() body: LoginDto, @Req() request: Request): Promise<TokenResponse | PendingLogin> {
    return this.auth.issueToken(body, clientOf(request));
  }

  /** The second step of a login: the second factor's code for a pending login. */
  @Public()
  @Post('login/totp')
  @HttpCode(200)
  loginWithCode(
    @Body() body: LoginCodeDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MeResponse | TokenResponse> {
    return this.auth.completeLogin(body, clientOf(request), response);
  }

  /** 204; or 200 with `{ logoutUrl }` to follow when the session came from the OIDC provider. */
  @AllowBeforeTotpEnrolment()
  @Post('logout')
  @ApiNoContentResponse({ description: 'Signed out: the session cookie is cleared.' })
  @ApiOkResponse({
    description:
      'Signed out here; the session came from the identity provider: follow logoutUrl to end it there too.',
    schema: {
      type: 'object',
      properties: { logoutUrl: { type: 'string', format: 'uri' } },
      required: ['logoutUrl'],
    },
  })
  async logout(@CurrentUser() user: AuthUser, @Res() response: Response): Promise<void> {
    const result = await this.auth.logout(user, response);
    if (result.logoutUrl) response.status(200).json(result);
    else response.status(204).end();
  }

  @AllowBeforeTotpEnrolment()
  @Get('me')
  me(@CurrentUser() user: AuthUser): MeResponse {
    return this.auth.me(user);
  }

  @Post('password')
  @HttpCode(204)
  changePassword(
    @CurrentUser() user: AuthUser,
    @Body() body: ChangePasswordDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    return this.auth.changePassword(user, body, response);
  }

  /** Starts the second factor's enrolment: the secret, shown once (otpauth URI and base32 key). */
  @AllowBeforeTotpEnrolment()
  @Post('totp/enrol')
  @HttpCode(200)
  enrolTotp(@CurrentUser() user: AuthUser): Promise<TotpEnrolment> {
    return this.auth.enrolTotp(user);
  }

  /** Turns the second factor on with a first code; answers the recovery codes, once. */
  @AllowBeforeTotpEnrolment()
  @Post('totp/confirm')
  @HttpCode(200)
  confirmTotp(
    @CurrentUser() user: AuthUser,
    @Body() body: TotpCodeDto,
  ): Promise<{ recoveryCodes: string[] }> {
    return this.auth.confirmTotp(user, body.code);
  }

  /** Turns the second factor off, with a code (refused for platform admins). */
  @Post('totp/disable')
  @HttpCode(204)
  disableTotp(@CurrentUser() user: AuthUser, @Body() body: TotpCodeDto): Promise<void> {
    return this.auth.disableTotp(user, body.code);
  }
}
