import { applyDecorators, Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { PERSONAL_DATA_FORMATS, PERSONAL_DATA_MEDIA_TYPES } from '@capacites/domain';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { createZodDto } from '../common/zod-dto';
import { PersonalDataService } from './personal-data.service';

/** `format`: json (complete, machine-readable, the default), pdf or html; nothing else. */
export class PersonalDataQueryDto extends createZodDto(
  z
    .object({
      format: z
        .enum(PERSONAL_DATA_FORMATS, { message: `format must be one of ${PERSONAL_DATA_FORMATS.join(', ')}` })
        .optional(),
    })
    .strict(),
) {}

/** Documents a personal data export: its format, and the three kinds of file it answers. */
const ApiPersonalDataExport = () =>
  applyDecorators(
    ApiProduces(...PERSONAL_DATA_FORMATS.map((f) => PERSONAL_DATA_MEDIA_TYPES[f])),
    ApiOkResponse({
      description:
        'Everything held about the person, as an attachment: JSON (complete, machine-readable), PDF (readable, French, table of contents) or HTML (the same content as an accessible page); the export is audited.',
      content: Object.fromEntries(
        PERSONAL_DATA_FORMATS.map((f) => [
          PERSONAL_DATA_MEDIA_TYPES[f],
          {
            schema:
              f === 'json'
                ? { type: 'object', required: ['kind', 'version', 'subject', 'sections', 'counts'] }
                : f === 'pdf'
                  ? { type: 'string', format: 'binary' }
                  : { type: 'string' },
          },
        ]),
      ),
      headers: {
        'Content-Disposition': {
          description: 'attachment; filename="capacites-donnees-personnelles-<date>.<format>"',
          schema: { type: 'string' },
        },
      },
    }),
  );

/** The right of access (RGPD article 15): one's own data, or a member's for a request by mail. */
@Controller()
export class PersonalDataController {
  constructor(private readonly personalData: PersonalDataService) {}

  @Get('me/personal-data')
  @ApiPersonalDataExport()
  mine(
    @CurrentUser() user: AuthUser,
    @Query() query: PersonalDataQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    return this.personalData.export(user, user.userId, query.format, response);
  }

  @Get('users/:id/personal-data')
  @ApiPersonalDataExport()
  ofUser(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: PersonalDataQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    return this.personalData.export(user, id, query.format, response);
  }
}
