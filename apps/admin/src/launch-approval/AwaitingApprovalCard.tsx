import type { AwaitingLaunchApproval } from '@capacites/domain';
import { List, ListItem, ListItemText, Typography } from '@mui/material';
import { Link, useCreatePath, useTranslate } from 'react-admin';

/** Dashboard card: launches waiting for an approval, oldest request first. */
export const AwaitingApprovalList = ({
  awaiting,
}: {
  awaiting?: { total: number; items: AwaitingLaunchApproval[] };
}) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  if (!awaiting || awaiting.items.length === 0)
    return <Typography color="text.secondary">{translate('app.events.empty')}</Typography>;
  return (
    <>
      <List dense>
        {awaiting.items.map((item) => (
          <ListItem key={item.id} disableGutters>
            <ListItemText
              primary={
                <Link to={createPath({ resource: 'experiments', id: item.id, type: 'show' })}>
                  {item.title}
                </Link>
              }
              secondary={translate('app.launchApproval.daysWaiting', { smart_count: item.daysWaiting })}
            />
          </ListItem>
        ))}
      </List>
      {awaiting.total > awaiting.items.length ? (
        <Typography variant="body2" color="text.secondary">
          {translate('app.launchApproval.more', { smart_count: awaiting.total - awaiting.items.length })}
        </Typography>
      ) : null}
    </>
  );
};
