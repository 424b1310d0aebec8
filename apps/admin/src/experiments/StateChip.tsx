import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { stateChipSx, stateLabelKey } from './states';
import type { Experiment } from './types';

interface StateChipProps {
  /** Read by SimpleShowLayout and DataTable for the label; the chip always shows `state`. */
  source?: 'state';
  label?: string;
}

/** The experiment's lifecycle state as a coloured chip with its translated label. */
export const StateChip = (_props: StateChipProps) => {
  const record = useRecordContext<Experiment>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      sx={stateChipSx(record.state)}
      label={
        // A draft waiting for its launch approval says so where its state shows.
        record.state === 'draft' && record.launchRequestedAt
          ? translate('app.launchApproval.stateChip')
          : translate(stateLabelKey(record.state), { _: record.state })
      }
      data-state={record.state}
      data-awaiting-approval={record.state === 'draft' && record.launchRequestedAt ? 'true' : undefined}
    />
  );
};
