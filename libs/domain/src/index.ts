export * from './experiment/experiment-state';
export * from './experiment/experiment-id';
export * from './experiment/experiment.schema';
export * from './experiment/framing';
export * from './experiment/people';
export * from './experiment/criteria-history';
export * from './experiment/readiness';
export * from './experiment/lifecycle-inputs';
export * from './experiment/lifecycle-rules';
export * from './experiment/actions';
export * from './experiment/time';
export * from './organization/organization';
export * from './organization/lifecycle-settings';
export * from './organization/access';
export * from './validation';
export * from './experiment/testimony';
export * from './organization/administration';
export * from './errors/error-codes';
export * from './export/exports';
export * from './password/common-passwords';
export * from './experiment/launch-approval';
export * from './experiment/reassignment';
export * from './experiment/reassignment.schema';
// Working days and French public holidays (issue 15, item 5).
export * from './calendar';
export * from './organization/digest-settings';
export * from './questionnaire/index';
// "Mes tâches": the shape shared by the API and the back-office.
export * from './tasks/my-tasks.types';
// Templates and replication (the network, issue 16).
export * from './template/questionnaire-skeleton';
export * from './template/template';
export * from './template/replication';
// The participants' information notice, versioned (personal data, issue 17).
export * from './privacy/participant-notice';
// The right of access: the personal data export's shape (issue 17, item 2).
export * from './privacy/personal-data-export';
// Retention and erasure of personal data (issue 17, item 3).
export * from './privacy/retention';
// Integrations: webhooks, chat alerts, service accounts (issue 16, items 5 to 7).
export * from './integrations/webhook-events';
export * from './integrations/service-accounts';
// Spreadsheet import of existing tests (issue 16, item 3).
export * from './import/import-columns';
export * from './import/import-rows';
export * from './import/import-plan';
export * from './committee/committee';
