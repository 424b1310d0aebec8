import { canShareLearnings } from '@capacites/domain';
import ShareIcon from '@mui/icons-material/ShareOutlined';
import { Box, Button, Chip, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import { usePrincipal } from '../../access';
import { apiErrorMessage, type CapacitesDataProvider } from '../../dataProvider';
import { useOrganizationDateFormat } from '../../organizations';
import type { Experiment } from '../types';
import { accessFactsOf } from './accessFacts';

/**
 * Whether the evaluation's learnings are shared with the network ("capitaliser et
 * essaimer"); HR, the CODIR or the sponsor share them or withdraw them.
 */
export const LearningsSharing = ({
  experiment,
  shared,
  sharedAt,
}: {
  experiment: Experiment;
  shared: boolean;
  sharedAt: string | null;
}) => {
  const translate = useTranslate();
  const principal = usePrincipal();
  const dataProvider = useDataProvider<CapacitesDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const format = useOrganizationDateFormat(experiment.organizationId);
  const [busy, setBusy] = useState(false);
  const allowed = Boolean(principal && canShareLearnings(principal, accessFactsOf(experiment)));

  const toggle = async () => {
    setBusy(true);
    try {
      await dataProvider.setLearningsSharing(experiment.id, !shared);
      await queryClient.invalidateQueries({ queryKey: ['evaluations'] });
      notify('app.actions.done', { type: 'success' });
    } catch (error) {
      notify(apiErrorMessage(error, translate), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ mt: 2 }} data-testid="learnings-sharing" data-shared={shared}>
      <Chip
        size="small"
        icon={<ShareIcon />}
        label={
          shared
            ? translate('app.learnings.shared', { date: format(sharedAt) })
            : translate('app.learnings.notShared')
        }
        sx={shared ? { bgcolor: '#e3f2fd', color: '#0d47a1' } : { bgcolor: '#f5f5f5', color: '#424242' }}
      />
      {allowed ? (
        <Box sx={{ mt: 1 }} className="no-print">
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate('app.learnings.help')}
          </Typography>
          <Button variant={shared ? 'outlined' : 'contained'} onClick={() => void toggle()} disabled={busy}>
            {translate(shared ? 'app.learnings.withdraw' : 'app.learnings.share')}
          </Button>
        </Box>
      ) : null}
    </Box>
  );
};
