export * from './entities';
export * from './data-source';
export { MIGRATIONS } from './migrations';
export * from './queries/orphaned-experiments';
export * from './queries/user-references';
// Retention and erasure of personal data (issue 17, item 3): shared by the API and the worker.
export * from './retention/retention-candidates';
export * from './retention/pseudonymise-experiment';
export * from './retention/erase-user';
export * from './retention/redact-audit';
