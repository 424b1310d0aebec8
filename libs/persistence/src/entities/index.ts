import { AuditEventEntity } from './audit-event.entity';
import { CheckInEntity } from './check-in.entity';
import { CriteriaAmendmentEntity } from './criteria-amendment.entity';
import { DecisionEntity } from './decision.entity';
import { EmailEntity } from './email.entity';
import { EvaluationEntity } from './evaluation.entity';
import { ExperimentEntity } from './experiment.entity';
import { MembershipEntity } from './membership.entity';
import { NotificationEntity } from './notification.entity';
import { OrganizationEntity } from './organization.entity';
import { SessionEntity } from './session.entity';
import { TestimonyEntity } from './testimony.entity';
import { TrackEntity } from './track.entity';
import { UserEntity } from './user.entity';
import { CalendarSubscriptionEntity } from './calendar-subscription.entity';
import { QuestionnaireEntity } from './questionnaire.entity';
import { QuestionnaireResponseEntity } from './questionnaire-response.entity';
import { ExperimentTemplateEntity } from './experiment-template.entity';
import { TemplateRequirementEntity } from './template-requirement.entity';
// Integrations (issue 16): webhooks, chat alerts, service accounts.
import {
  ServiceAccountEntity,
  WebhookDeliveryAttemptEntity,
  WebhookDeliveryEntity,
  WebhookEndpointEntity,
  WebhookMessageEntity,
} from './webhook.entities';

export {
  AuditEventEntity,
  CheckInEntity,
  CriteriaAmendmentEntity,
  DecisionEntity,
  EmailEntity,
  EvaluationEntity,
  ExperimentEntity,
  MembershipEntity,
  NotificationEntity,
  OrganizationEntity,
  SessionEntity,
  TestimonyEntity,
  TrackEntity,
  UserEntity,
  CalendarSubscriptionEntity,
  QuestionnaireEntity,
  QuestionnaireResponseEntity,
  ExperimentTemplateEntity,
  TemplateRequirementEntity,
  ServiceAccountEntity,
  WebhookDeliveryAttemptEntity,
  WebhookDeliveryEntity,
  WebhookEndpointEntity,
  WebhookMessageEntity,
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
  CalendarSubscriptionEntity,
  QuestionnaireEntity,
  QuestionnaireResponseEntity,
  ExperimentTemplateEntity,
  TemplateRequirementEntity,
  WebhookEndpointEntity,
  WebhookMessageEntity,
  WebhookDeliveryEntity,
  WebhookDeliveryAttemptEntity,
  ServiceAccountEntity,
];
