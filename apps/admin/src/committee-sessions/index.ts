import CommitteeIcon from '@mui/icons-material/GroupsOutlined';
import { lazy } from 'react';

export type { CommitteeSession } from './types';

// Screens of HR and the CODIR: loaded on first use.
export const committeeSessions = {
  list: lazy(() => import('./CommitteeSessionList').then((m) => ({ default: m.CommitteeSessionList }))),
  create: lazy(() => import('./CommitteeSessionCreate').then((m) => ({ default: m.CommitteeSessionCreate }))),
  show: lazy(() => import('./CommitteeSessionShow').then((m) => ({ default: m.CommitteeSessionShow }))),
  icon: CommitteeIcon,
  recordRepresentation: 'title',
};
