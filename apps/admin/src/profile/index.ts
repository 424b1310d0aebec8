export { ProfilePage } from './ProfilePage';
export { PROFILE_PATH, TotpEnrolmentGate } from './TotpEnrolmentGate';
export { TotpSection } from './TotpSection';
