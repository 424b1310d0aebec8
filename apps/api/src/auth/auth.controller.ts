import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import type { AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import { CurrentUser, Public } from './decorators';
import { ChangePasswordDto, LoginDto, type MeResponse } from './dto/auth.dto';

@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('login')
  @HttpCode(200)
  login(
    @Body() body: LoginDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MeResponse> {
    return this.auth.login(body, request.ip ?? 'unknown', response);
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('token')
  @HttpCode(200)
  token(@Body() body: LoginDto, @Req() request: Request): Promise<{ token: string; expiresAt: string }> {
    return this.auth.issueToken(body, request.ip ?? 'unknown');
  }

  /** 204; or 200 with `{ logoutUrl }` to follow when the session came from the OIDC provider. */
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
}
