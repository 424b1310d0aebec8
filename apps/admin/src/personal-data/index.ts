export { MyPersonalDataSection } from './MyPersonalDataSection';
export { PersonalDataDownloads, personalDataPath } from './PersonalDataDownloads';
export { PersonalDataRequestPage } from './PersonalDataRequestPage';
export { PERSONAL_DATA_REQUEST_PATH } from './i18n';
