import DoneAllIcon from '@mui/icons-material/DoneAll';
import { Box, Button } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import type { MouseEvent } from 'react';
import {
  BooleanField,
  DataTable,
  DateField,
  Link,
  List,
  TopToolbar,
  useDataProvider,
  useNotify,
  useRefresh,
  useTranslate,
  useUpdate,
  type RaRecord,
} from 'react-admin';
import { useNavigate } from 'react-router-dom';
import type { CapacitesDataProvider } from '../dataProvider';

export interface AppNotification extends RaRecord<string> {
  experimentId: string | null;
  event: string;
  subject: string;
  body: string;
  link: string;
  read: boolean;
  readAt: string | null;
  createdAt: string;
}

/**
 * Where a notification leads in the back-office: the route its emailed link names (a
 * questionnaire's answer page, a questionnaire), else its test's page. The email and the
 * in-app notice then open the same page.
 */
export function inAppPath(notification: Pick<AppNotification, 'link' | 'experimentId'>): string | null {
  const hash = notification.link.indexOf('#/');
  if (hash >= 0) return notification.link.slice(hash + 1);
  return notification.experimentId ? `/experiments/${notification.experimentId}/show` : null;
}

const MarkAllRead = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<CapacitesDataProvider>();
  const refresh = useRefresh();
  const notify = useNotify();
  const queryClient = useQueryClient();
  return (
    <Button
      startIcon={<DoneAllIcon />}
      onClick={async () => {
        await dataProvider.markAllNotificationsRead();
        await queryClient.invalidateQueries({ queryKey: ['notifications', 'unread'] });
        notify('app.actions.done', { type: 'success' });
        refresh();
      }}
    >
      {translate('app.notifications.markAllRead')}
    </Button>
  );
};

/** The current user's notifications, newest first; opening one marks it read. */
export const NotificationList = () => {
  const navigate = useNavigate();
  const [update] = useUpdate();
  const queryClient = useQueryClient();
  const markRead = (notification: AppNotification) => {
    if (!notification.read) {
      void update(
        'notifications',
        { id: notification.id, data: { read: true }, previousData: notification },
        { onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['notifications', 'unread'] }) },
      );
    }
  };
  const open = (_id: unknown, _resource: string, record: RaRecord) => {
    const notification = record as AppNotification;
    markRead(notification);
    const path = inAppPath(notification);
    if (path) void navigate(path);
    return false as const;
  };
  return (
    <List<AppNotification>
      sort={{ field: 'createdAt', order: 'DESC' }}
      exporter={false}
      actions={
        <TopToolbar>
          <MarkAllRead />
        </TopToolbar>
      }
    >
      <DataTable<AppNotification> rowClick={open} bulkActionButtons={false}>
        <DataTable.Col source="read" disableSort>
          <BooleanField source="read" />
        </DataTable.Col>
        <DataTable.Col
          source="subject"
          disableSort
          render={(record: AppNotification) => (
            <Box component="span" sx={{ fontWeight: record.read ? 400 : 700 }}>
              {inAppPath(record) ? (
                // A link too: rows answer the mouse only, a link the keyboard as well.
                <Link
                  to={inAppPath(record) as string}
                  onClick={(event: MouseEvent) => {
                    event.stopPropagation();
                    markRead(record);
                  }}
                >
                  {record.subject}
                </Link>
              ) : (
                record.subject
              )}
            </Box>
          )}
        />
        <DataTable.Col source="createdAt">
          <DateField source="createdAt" showTime />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
