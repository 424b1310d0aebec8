export { RETENTION_PATH, RetentionPage } from './RetentionPage';
export { RetentionSettingsSection } from './RetentionSettingsSection';
export { EraseUserButton } from './EraseUserButton';
export { retentionMessages } from './i18n';
