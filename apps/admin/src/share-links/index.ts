import LinkIcon from '@mui/icons-material/LinkOutlined';
import { lazy } from 'react';

export const shareLinks = {
  list: lazy(() => import('./ShareLinkList').then((m) => ({ default: m.ShareLinkList }))),
  icon: LinkIcon,
  recordRepresentation: 'recipient',
};
