import type { LifecycleAction } from '@capacites/domain';
import { Button, Stack } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import type { AllowedActionDto, CapacitesDataProvider } from '../../dataProvider';
import type { Experiment } from '../types';
import { ActionDialog } from './ActionDialog';

/** The lifecycle actions' order on screen: the expected next step first. */
const ORDER: LifecycleAction[] = [
  'launch',
  'requestLaunch',
  'approveLaunch',
  'refuseLaunch',
  'withdrawLaunchRequest',
  'recordCheckIn',
  'submitEvaluation',
  'decide',
  'approveExtension',
  'refuseExtension',
  'requestExtension',
  'amendCriteria',
  'stopEarly',
  'reassignPeople',
  'cancel',
];

/** The actions the current user may perform now, as the API says (role and state). */
export function useAllowedActions(experiment: Experiment | undefined) {
  const dataProvider = useDataProvider<CapacitesDataProvider>();
  return useQuery<AllowedActionDto[]>({
    // The state and update time are in the key: a transition asks again.
    queryKey: ['experiments', 'actions', experiment?.id, experiment?.state, experiment?.updatedAt],
    queryFn: () => dataProvider.getAllowedActions(experiment?.id ?? ''),
    enabled: Boolean(experiment),
  });
}

/** One button per allowed action, each opening its form. */
export const ExperimentActions = ({ experiment }: { experiment: Experiment }) => {
  const translate = useTranslate();
  const { data: allowed = [] } = useAllowedActions(experiment);
  const [open, setOpen] = useState<LifecycleAction | null>(null);
  const actions = ORDER.filter((action) => allowed.some((a) => a.action === action));
  if (actions.length === 0) return null;
  return (
    <>
      <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" className="no-print">
        {actions.map((action, index) => (
          <Button
            key={action}
            variant={index === 0 ? 'contained' : 'outlined'}
            onClick={() => setOpen(action)}
            data-action={action}
          >
            {translate(`app.actions.${action}.label`)}
          </Button>
        ))}
      </Stack>
      {open ? (
        <ActionDialog experiment={experiment} action={open} open onClose={() => setOpen(null)} />
      ) : null}
    </>
  );
};
