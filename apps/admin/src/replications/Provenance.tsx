import { Link as MuiLink, List, ListItem, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';
import type { CapacitesDataProvider } from '../dataProvider';

/**
 * Where a test comes from (a template, another organisation's test) and how many
 * organisations replicated it: a count, with names only of those that share their own
 * learnings with the network.
 */
export const Provenance = ({ experimentId, updatedAt }: { experimentId: string; updatedAt: string }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<CapacitesDataProvider>();
  const { data, error } = useQuery({
    queryKey: ['experiments', 'provenance', experimentId, updatedAt],
    queryFn: () => dataProvider.getProvenance(experimentId),
    retry: false,
  });
  if (error)
    return <Typography color="text.secondary">{translate('app.replication.unavailable')}</Typography>;
  if (!data) return null;
  const { template, replicatedFrom, replications } = data;
  return (
    <div data-testid="provenance">
      {template ? (
        <Typography>{translate('app.replication.fromTemplate', { name: template.name })}</Typography>
      ) : null}
      {replicatedFrom ? (
        <Typography>
          {translate('app.replication.from', {
            title: replicatedFrom.title,
            organization: replicatedFrom.organizationName,
          })}{' '}
          {replicatedFrom.learningsShared ? (
            <MuiLink href="#/shared-learnings">{translate('app.replication.seeLearnings')}</MuiLink>
          ) : null}
        </Typography>
      ) : null}
      <Typography data-testid="replication-count">
        {replications.organizations === 0
          ? translate('app.replication.none')
          : translate('app.replication.count', { smart_count: replications.organizations })}
      </Typography>
      {replications.shared.length > 0 ? (
        <>
          <Typography variant="body2" color="text.secondary">
            {translate('app.replication.sharedBy')}
          </Typography>
          <List dense>
            {replications.shared.map((replica) => (
              <ListItem key={replica.experimentId}>
                {translate('app.replication.sharedReplica', {
                  title: replica.title,
                  organization: replica.organizationName,
                })}
              </ListItem>
            ))}
          </List>
        </>
      ) : null}
    </div>
  );
};
