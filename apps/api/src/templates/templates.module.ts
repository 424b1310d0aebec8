import { Module } from '@nestjs/common';
import { TemplateRequirementsService } from './template-requirements.service';
import { TemplateRequirementsController, TemplatesController } from './templates.controller';
import { TemplatesRepository } from './templates.repository';
import { TemplatesService } from './templates.service';

/** Test templates and the organisations' "template required" rules (issue 16, item 1). */
@Module({
  controllers: [TemplatesController, TemplateRequirementsController],
  providers: [TemplatesService, TemplateRequirementsService, TemplatesRepository],
  exports: [TemplatesRepository],
})
export class TemplatesModule {}
