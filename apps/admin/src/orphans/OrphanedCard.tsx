import type { OrphanedDashboardItem } from '@capacites/domain';
import { List, ListItem, ListItemText, Typography } from '@mui/material';
import { Link, useCreatePath, useTranslate } from 'react-admin';
import { stateLabelKey } from '../experiments/states';

/** Dashboard card: tests under way without an active pilot or sponsor, to reassign. */
export const OrphanedList = ({
  orphaned,
}: {
  orphaned?: { total: number; items: OrphanedDashboardItem[] };
}) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  if (!orphaned || orphaned.items.length === 0)
    return <Typography color="text.secondary">{translate('app.events.empty')}</Typography>;
  return (
    <>
      <List dense>
        {orphaned.items.map((item) => (
          <ListItem key={item.id} disableGutters>
            <ListItemText
              primary={
                <Link to={createPath({ resource: 'experiments', id: item.id, type: 'show' })}>
                  {item.title}
                </Link>
              }
              secondary={translate(stateLabelKey(item.state))}
            />
          </ListItem>
        ))}
      </List>
      <Link
        to={{
          pathname: '/experiments',
          search: `?filter=${encodeURIComponent(JSON.stringify({ orphaned: true }))}`,
        }}
      >
        {translate('app.orphans.seeAll', { smart_count: orphaned.total })}
      </Link>
    </>
  );
};
