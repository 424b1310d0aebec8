export { Dashboard } from './Dashboard';
export type { DashboardData } from './types';
