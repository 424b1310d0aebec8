import NotificationsIcon from '@mui/icons-material/NotificationsOutlined';
import { Badge, IconButton, Tooltip } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, useDataProvider, useTranslate } from 'react-admin';
import type { CapacitesDataProvider } from '../dataProvider';

/** How often the unread count is asked again while the back-office is open. */
const POLL_MS = 60_000;

/** The unread notifications' count in the app bar, linking to the list. */
export const UnreadBadge = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<CapacitesDataProvider>();
  const { data: count } = useQuery({
    queryKey: ['notifications', 'unread'],
    queryFn: () => dataProvider.getUnreadCount(),
    refetchInterval: POLL_MS,
  });
  // No number before the API has answered: a "0" would be a guess.
  const label =
    count === undefined
      ? translate('resources.notifications.name', { smart_count: 2 })
      : translate('app.notifications.unread', { smart_count: count });
  return (
    <Tooltip title={label}>
      <IconButton
        component={Link}
        to="/notifications"
        color="inherit"
        aria-label={label}
        data-testid="unread-badge"
      >
        {/* No badge without unread ones: a hidden "0" would still be text the name does not
            hold (WCAG 2.5.3, label in name). */}
        {count ? (
          <Badge badgeContent={count} color="error" max={99}>
            <NotificationsIcon />
          </Badge>
        ) : (
          <NotificationsIcon />
        )}
      </IconButton>
    </Tooltip>
  );
};
