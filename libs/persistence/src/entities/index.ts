import { AuditEventEntity } from './audit-event.entity';
import { ExperimentEntity } from './experiment.entity';
import { MembershipEntity } from './membership.entity';
import { OrganizationEntity } from './organization.entity';
import { TrackEntity } from './track.entity';
import { UserEntity } from './user.entity';

export { AuditEventEntity, ExperimentEntity, MembershipEntity, OrganizationEntity, TrackEntity, UserEntity };

export const ENTITIES = [
  OrganizationEntity,
  TrackEntity,
  UserEntity,
  MembershipEntity,
  ExperimentEntity,
  AuditEventEntity,
];
