import { Body, Controller, Get, Put } from '@nestjs/common';
import { z } from 'zod';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { createZodDto } from '../common/zod-dto';
import { DigestPreferenceService } from './digest-preference.service';

export class DigestPreferenceDto extends createZodDto(
  z.object({ optedOut: z.boolean({ message: 'optedOut must be true or false' }) }).strict(),
) {}

/** The profile's "Lettre du portefeuille" switch. */
@Controller('me/digest')
export class DigestController {
  constructor(private readonly preference: DigestPreferenceService) {}

  @Get()
  get(@CurrentUser() user: AuthUser) {
    return this.preference.get(user);
  }

  @Put()
  set(@CurrentUser() user: AuthUser, @Body() body: DigestPreferenceDto) {
    return this.preference.set(user, body.optedOut);
  }
}
