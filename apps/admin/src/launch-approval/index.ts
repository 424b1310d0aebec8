export { LaunchRequestPanel, isAwaitingApproval } from './LaunchRequestPanel';
export { AwaitingApprovalList } from './AwaitingApprovalCard';
export { launchApprovalMessages } from './i18n';
