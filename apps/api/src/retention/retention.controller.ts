import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { z } from 'zod';
import { erasureRequestSchema, RETENTION_MAX_DAYS, RETENTION_MIN_DAYS } from '@capacites/domain';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { createZodDto } from '../common/zod-dto';
import { RetentionService } from './retention.service';

export class RetentionSettingsDto extends createZodDto(
  z
    .object({
      /** null: back to the default. */
      retentionDays: z
        .number({ error: 'a whole number of days, or null for the default' })
        .int({ error: 'a whole number of days' })
        .min(RETENTION_MIN_DAYS, { error: `at least ${RETENTION_MIN_DAYS} days` })
        .max(RETENTION_MAX_DAYS, { error: `at most ${RETENTION_MAX_DAYS} days` })
        .nullable(),
    })
    .strict(),
) {}

export class ErasureDto extends createZodDto(erasureRequestSchema) {}

const OrganizationId = () => Param('organizationId', new ParseUUIDPipe());

/** "Conservation des données": an organisation's period, dry run and last runs; erasure. */
@Controller()
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Get('retention/:organizationId/settings')
  settings(@OrganizationId() organizationId: string, @CurrentUser() user: AuthUser) {
    return this.retention.settings(organizationId, user);
  }

  @Put('retention/:organizationId/settings')
  setSettings(
    @OrganizationId() organizationId: string,
    @Body() body: RetentionSettingsDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.retention.setSettings(organizationId, body.retentionDays, user);
  }

  @Get('retention/:organizationId/preview')
  preview(@OrganizationId() organizationId: string, @CurrentUser() user: AuthUser) {
    return this.retention.preview(organizationId, user);
  }

  @Get('retention/:organizationId/runs')
  runs(@OrganizationId() organizationId: string, @CurrentUser() user: AuthUser) {
    return this.retention.runs(organizationId, user);
  }

  @Post('users/:id/erasure')
  @HttpCode(200)
  erase(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ErasureDto, @CurrentUser() user: AuthUser) {
    return this.retention.erase(id, body, user);
  }
}
