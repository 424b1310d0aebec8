import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import type { ImportReport } from '@capacites/domain';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { AcceptsMultipart } from '../common/json-body.interceptor';
import { createZodDto } from '../common/zod-dto';
import { ImportsService } from './imports.service';
import { importModelCsv, importModelXlsx } from './spreadsheet';

/** The upload as multer gives it (its default memory storage: the file is never written to disk). */
interface UploadedSpreadsheet {
  originalname: string;
  buffer: Buffer;
}

// Typed by zod DTOs, so that the global ZodValidationPipe checks them like every other input
// (400 naming each field; a refinement tagged INPUT_RULE: 409 INPUT_RULES), never by hand here.
export class ImportUploadDto extends createZodDto(
  z.object({ organizationId: z.uuid({ message: 'organizationId must be a UUID' }) }).strict(),
) {}
export class ImportModelQueryDto extends createZodDto(
  z
    .object({ format: z.enum(['xlsx', 'csv'], { message: 'format must be xlsx or csv' }).default('xlsx') })
    .strict(),
) {}

/** 20 MB: 20,000 rows of an XLSX with long texts. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  /** The model file: the columns with an example row, and a notice sheet explaining each. */
  @Get('model')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  @ApiOkResponse({ description: 'The model spreadsheet.' })
  async model(@Query() query: ImportModelQueryDto, @Res() response: Response): Promise<void> {
    if (query.format === 'csv') {
      response.setHeader('Content-Type', 'text/csv; charset=utf-8');
      response.setHeader('Content-Disposition', 'attachment; filename="modele-import-tests.csv"');
      response.send(importModelCsv());
      return;
    }
    response.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    response.setHeader('Content-Disposition', 'attachment; filename="modele-import-tests.xlsx"');
    response.send(await importModelXlsx());
  }

  /** The dry run: reads and checks the file, writes nothing but its report. */
  @Post()
  @AcceptsMultipart()
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_FILE_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['organizationId', 'file'],
      // Nothing else: an unknown field is refused (400 naming it), as the document says.
      additionalProperties: false,
      properties: {
        organizationId: { type: 'string', format: 'uuid' },
        file: { type: 'string', format: 'binary', description: 'XLSX or CSV, with the model file’s columns' },
      },
    },
  })
  dryRun(
    @CurrentUser() user: AuthUser,
    @Body() body: ImportUploadDto,
    @UploadedFile() file: UploadedSpreadsheet | undefined,
  ): Promise<ImportReport> {
    return this.imports.dryRun(body.organizationId, file, user);
  }

  /** The report: what the dry run found, then the run's progress. */
  @Get(':id')
  report(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<ImportReport> {
    return this.imports.report(id, user);
  }

  /** Runs a checked file (409 IMPORT_HAS_ERRORS while it has bad cells); again: the same run. */
  @Post(':id/run')
  @HttpCode(200)
  run(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<ImportReport> {
    return this.imports.run(id, user);
  }
}
