import PersonOffIcon from '@mui/icons-material/PersonOff';
import { ORPHANABLE_STATES, type DepartedPerson } from '@capacites/domain';
import { Alert, AlertTitle, List, ListItem, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';
import type { CapacitesDataProvider } from '../dataProvider';
import type { Experiment } from '../experiments/types';

/**
 * A test under way whose pilot or sponsor is disabled or gone from the organisation: who, and
 * what to do (HR reassigns them with the "Réassigner" action, which the workflow records).
 */
export const DepartedPeoplePanel = ({ experiment }: { experiment: Experiment }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<CapacitesDataProvider>();
  const underWay = (ORPHANABLE_STATES as readonly string[]).includes(experiment.state);
  const { data = [] } = useQuery<DepartedPerson[]>({
    queryKey: ['experiments', 'departed', experiment.id, experiment.updatedAt],
    queryFn: () => dataProvider.getDepartedPeople(experiment.id),
    enabled: underWay,
    retry: false,
  });
  if (!underWay || data.length === 0) return null;
  return (
    <Alert severity="warning" icon={<PersonOffIcon />} sx={{ mb: 2 }} data-testid="departed-people">
      <AlertTitle component="h2" sx={{ fontSize: '1rem', fontWeight: 700 }}>
        {translate('app.orphans.title')}
      </AlertTitle>
      <List dense disablePadding>
        {data.map((person) => (
          <ListItem key={person.userId} disableGutters>
            {translate(`app.orphans.kind.${person.kind}`, {
              name: person.displayName,
              roles: person.roles.map((role) => translate(`app.orphans.roles.${role}`)).join(', '),
            })}
          </ListItem>
        ))}
      </List>
      <Typography variant="body2">{translate('app.orphans.explain')}</Typography>
    </Alert>
  );
};
