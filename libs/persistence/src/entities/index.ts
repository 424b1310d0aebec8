import { AuditEventEntity } from './audit-event.entity';
import { CheckInEntity } from './check-in.entity';
import { CriteriaAmendmentEntity } from './criteria-amendment.entity';
import { DecisionEntity } from './decision.entity';
import { EmailEntity } from './email.entity';
import { EvaluationEntity } from './evaluation.entity';
import { ExperimentEntity } from './experiment.entity';
import { ExperimentImportEntity, ExperimentImportRowEntity } from './experiment-import.entity';
import { MembershipEntity } from './membership.entity';
import { NotificationEntity } from './notification.entity';
import { OrganizationEntity } from './organization.entity';
import { SessionEntity } from './session.entity';
import { TestimonyEntity } from './testimony.entity';
import { TrackEntity } from './track.entity';
import { UserEntity } from './user.entity';
import { QuestionnaireEntity } from './questionnaire.entity';
import { QuestionnaireResponseEntity } from './questionnaire-response.entity';
import { ExperimentTemplateEntity } from './experiment-template.entity';
import { TemplateRequirementEntity } from './template-requirement.entity';

export {
  AuditEventEntity,
  CheckInEntity,
  CriteriaAmendmentEntity,
  DecisionEntity,
  EmailEntity,
  EvaluationEntity,
  ExperimentEntity,
  ExperimentImportEntity,
  ExperimentImportRowEntity,
  MembershipEntity,
  NotificationEntity,
  OrganizationEntity,
  SessionEntity,
  TestimonyEntity,
  TrackEntity,
  UserEntity,
  QuestionnaireEntity,
  QuestionnaireResponseEntity,
  ExperimentTemplateEntity,
  TemplateRequirementEntity,
};

export const ENTITIES = [
  OrganizationEntity,
  TrackEntity,
  UserEntity,
  MembershipEntity,
  ExperimentEntity,
  AuditEventEntity,
  CheckInEntity,
  EvaluationEntity,
  DecisionEntity,
  NotificationEntity,
  EmailEntity,
  CriteriaAmendmentEntity,
  SessionEntity,
  TestimonyEntity,
  QuestionnaireEntity,
  QuestionnaireResponseEntity,
  ExperimentTemplateEntity,
  TemplateRequirementEntity,
  // Spreadsheet imports (issue 16, item 3).
  ExperimentImportEntity,
  ExperimentImportRowEntity,
];
