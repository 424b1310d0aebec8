import NotificationIcon from '@mui/icons-material/NotificationsOutlined';
import { NotificationList } from './NotificationList';

export { UnreadBadge } from './UnreadBadge';
export type { AppNotification } from './NotificationList';

export const notifications = {
  list: NotificationList,
  icon: NotificationIcon,
  recordRepresentation: 'subject',
};
