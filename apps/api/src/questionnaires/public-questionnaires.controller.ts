import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { publicAnswerSchema, type PublicAnswerReceipt, type PublicQuestionnaireView } from '@capacites/domain';
import { Public } from '../auth/decorators';
import { createZodDto } from '../common/zod-dto';
import { PublicRateLimiter } from '../security/public-rate-limiter';
import { QuestionnaireAnswersService } from './questionnaire-answers.service';

export class PublicAnswerDto extends createZodDto(publicAnswerSchema) {}

/**
 * The public's side (no account): read a questionnaire by its short code and answer it.
 * Nothing about the person is kept: no IP (the limits count a keyed digest of it, for a
 * minute), no cookie.
 */
@Controller('public/questionnaires')
@Public()
export class PublicQuestionnairesController {
  constructor(
    private readonly answers: QuestionnaireAnswersService,
    private readonly limiter: PublicRateLimiter,
  ) {}

  @Get(':code')
  async view(@Param('code') code: string, @Req() request: Request): Promise<PublicQuestionnaireView> {
    await this.limiter.consume('questionnaire', request.ip, code);
    return this.answers.publicView(code);
  }

  /** 201 when recorded; 200 when the same browser sent the same answers again (one answer kept). */
  @Post(':code/responses')
  async answer(
    @Param('code') code: string,
    @Body() body: PublicAnswerDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PublicAnswerReceipt> {
    const { created, ...receipt } = await this.answers.answerPublic(code, body.token, body.answers, request.ip ?? 'unknown');
    response.status(created ? 201 : 200);
    return receipt;
  }
}
