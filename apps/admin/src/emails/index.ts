import EmailIcon from '@mui/icons-material/MarkEmailReadOutlined';
import { lazy } from 'react';

export type { Email } from './EmailList';

// The platform admin's only: loaded on first use.
export const emails = {
  list: lazy(() => import('./EmailList').then((m) => ({ default: m.EmailList }))),
  icon: EmailIcon,
  recordRepresentation: 'subject',
};
