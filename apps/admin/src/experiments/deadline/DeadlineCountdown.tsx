import { Box } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Experiment } from '../types';
import { countdown, currentDeadline } from './deadline';

interface DeadlineCountdownProps {
  /** For DataTable and show layouts. */
  source?: string;
  label?: string;
  /** Injected by tests; the wall clock otherwise. */
  now?: Date;
}

/**
 * "J-12" before the experiment's current deadline, "dépassé de 5 jours" in red after
 * it; the deadline is the expiry while running, then the evaluation and decision dues.
 */
export const DeadlineCountdown = ({ now }: DeadlineCountdownProps) => {
  const record = useRecordContext<Experiment>();
  const translate = useTranslate();
  if (!record) return null;
  const deadline = currentDeadline(record);
  if (!deadline) return null;
  const { overdue, days } = countdown(new Date(deadline.at), now ?? new Date());
  const text = translate(`app.countdown.${overdue ? 'overdue' : 'left'}`, { smart_count: days, days });
  const prefix = deadline.kind === 'expiry' ? '' : `${translate(`app.countdown.kinds.${deadline.kind}`)} : `;
  return (
    <Box
      component="span"
      data-overdue={overdue}
      sx={{
        whiteSpace: 'nowrap',
        fontWeight: overdue || days <= 7 ? 700 : 400,
        // error.main (#d32f2f) on white has a 5:1 contrast ratio (RGAA 3.2 asks 4.5:1).
        color: overdue ? 'error.main' : 'text.primary',
      }}
    >
      {prefix}
      {text}
    </Box>
  );
};
