import HourglassTopIcon from '@mui/icons-material/HourglassTop';
import { Alert, AlertTitle, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { UserName } from '../experiments/show/UserName';
import type { Experiment } from '../experiments/types';
import { useOrganizationDateFormat } from '../organizations';

/**
 * A draft whose launch waits for the sponsor's or a CODIR member's approval (four-eyes): since
 * when, asked by whom, and what happens next. The framing is frozen meanwhile.
 */
export const LaunchRequestPanel = ({ experiment }: { experiment: Experiment }) => {
  const translate = useTranslate();
  const format = useOrganizationDateFormat(experiment.organizationId);
  if (experiment.state !== 'draft' || !experiment.launchRequestedAt) return null;
  return (
    <Alert
      severity="info"
      icon={<HourglassTopIcon />}
      sx={{ mb: 2 }}
      data-testid="launch-request"
      role="status"
    >
      <AlertTitle component="h2" sx={{ fontSize: '1rem', fontWeight: 700 }}>
        {translate('app.launchApproval.waiting')}
      </AlertTitle>
      <Typography variant="body2">
        {translate('app.launchApproval.requestedOn', { date: format(experiment.launchRequestedAt) })}{' '}
        <UserName id={experiment.launchRequestedBy} />.
      </Typography>
      <Typography variant="body2">{translate('app.launchApproval.explain')}</Typography>
    </Alert>
  );
};

/** In lists: the chip of a draft waiting for its approval. */
export const isAwaitingApproval = (experiment: Pick<Experiment, 'state' | 'launchRequestedAt'>) =>
  experiment.state === 'draft' && Boolean(experiment.launchRequestedAt);
