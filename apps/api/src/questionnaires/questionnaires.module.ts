import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module';
import { PublicQuestionnairesController } from './public-questionnaires.controller';
import { QuestionnaireAnswersService } from './questionnaire-answers.service';
import { QuestionnaireLoader } from './questionnaire-loader';
import { QuestionnaireResultsService } from './questionnaire-results.service';
import {
  MyQuestionnairesController,
  QuestionnaireExportController,
  QuestionnairesController,
  UsersVoiceController,
} from './questionnaires.controller';
import { QuestionnairesService } from './questionnaires.service';

/** Questionnaires: « la voix des usagers » (issue 14, docs/questionnaires.md). */
@Module({
  imports: [RecordsModule],
  controllers: [
    QuestionnairesController,
    MyQuestionnairesController,
    UsersVoiceController,
    QuestionnaireExportController,
    PublicQuestionnairesController,
  ],
  providers: [QuestionnairesService, QuestionnaireAnswersService, QuestionnaireResultsService, QuestionnaireLoader],
})
export class QuestionnairesModule {}
