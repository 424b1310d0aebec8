// Every migration, in order. Migrations are never edited once merged: add a new one.
import { Foundation1795831999790 } from './1795831999790-Foundation';
import { Lifecycle1795832985937 } from './1795832985937-Lifecycle';
import { Sessions1795836372869 } from './1795836372869-Sessions';
import { DashboardIndexes1795836487099 } from './1795836487099-DashboardIndexes';
import { Resources1795900000000 } from './1795900000000-Resources';
import { SessionIdToken1795900100000 } from './1795900100000-SessionIdToken';
import { SharedLearnings1795900200000 } from './1795900200000-SharedLearnings';
import { ReadPathIndexes1795900250000 } from './1795900250000-ReadPathIndexes';
import { DashboardVersion1795900300000 } from './1795900300000-DashboardVersion';
import { ScopeIndexes1795900310000 } from './1795900310000-ScopeIndexes';
import { EmailClaims1796544708055 } from './1796544708055-EmailClaims';
import { UserEmailCaseInsensitive1796544708056 } from './1796544708056-UserEmailCaseInsensitive';
import { OidcIdentity1796545654868 } from './1796545654868-OidcIdentity';
import { LoginSecurity1796546400000 } from './1796546400000-LoginSecurity';
import { AuditAppendOnly1796560000000 } from './1796560000000-AuditAppendOnly';
import { CalendarAndDigest1796560100000 } from './1796560100000-CalendarAndDigest';
import { Questionnaires1796570000000 } from './1796570000000-Questionnaires';
import { TemplatesAndReplication1796600000000 } from './1796600000000-TemplatesAndReplication';
import { Integrations1796600000000 } from './1796600000000-Integrations';
import { LaunchApproval1796640000000 } from './1796640000000-LaunchApproval';
import { ExperimentImports1796630000000 } from './1796630000000-ExperimentImports';
import { CommitteeSessions1796650000000 } from './1796650000000-CommitteeSessions';
import { Retention1796660000000 } from './1796660000000-Retention';

export const MIGRATIONS = [
  Foundation1795831999790,
  Lifecycle1795832985937,
  Sessions1795836372869,
  DashboardIndexes1795836487099,
  Resources1795900000000,
  SessionIdToken1795900100000,
  SharedLearnings1795900200000,
  ReadPathIndexes1795900250000,
  DashboardVersion1795900300000,
  ScopeIndexes1795900310000,
  EmailClaims1796544708055,
  UserEmailCaseInsensitive1796544708056,
  OidcIdentity1796545654868,
  LoginSecurity1796546400000,
  AuditAppendOnly1796560000000,
  CalendarAndDigest1796560100000,
  Questionnaires1796570000000,
  TemplatesAndReplication1796600000000,
  Integrations1796600000000,
  ExperimentImports1796630000000,
  LaunchApproval1796640000000,
  CommitteeSessions1796650000000,
  Retention1796660000000,
];
