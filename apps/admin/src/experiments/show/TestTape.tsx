import { Box } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useOrganizationDateFormat } from '../../organizations';
import type { Experiment } from '../types';

/** The tape's text and its yellow (checked at 4.5:1 and more by a test). */
export const TAPE_COLORS = { text: '#1a1a1a', background: '#ffd600' } as const;

/** Site tape ("rubalise") stripes: yellow and black, the source's "chantier" aesthetics. */
export const TAPE_STRIPES = `repeating-linear-gradient(-45deg, ${TAPE_COLORS.background} 0 18px, ${TAPE_COLORS.text} 18px 36px)`;

/** "EN TEST — jusqu'au 12 mars 2026" for a running experiment; nothing otherwise. */
export function useTapeText(experiment: Experiment | undefined): string | null {
  const translate = useTranslate();
  const format = useOrganizationDateFormat(experiment?.organizationId);
  if (!experiment || experiment.state !== 'running' || !experiment.expiresAt) return null;
  return translate('app.tape.running', { date: format(experiment.expiresAt) });
}

/**
 * A running test must look provisional (rule 5 of the source): a tape across the top
 * of the page, and the same words as a faint watermark behind the content. The tape
 * is text (read by screen readers); the watermark repeats it and is hidden from them.
 */
export const TestTape = ({ experiment }: { experiment: Experiment }) => {
  const text = useTapeText(experiment);
  if (!text) return null;
  return (
    <Box
      role="note"
      data-testid="test-tape"
      sx={{ background: TAPE_STRIPES, p: '6px', mb: 2, borderRadius: 1 }}
    >
      <Box
        sx={{
          bgcolor: TAPE_COLORS.background,
          color: TAPE_COLORS.text, // 12:1
          fontWeight: 800,
          letterSpacing: '0.12em',
          textAlign: 'center',
          py: 0.5,
          textTransform: 'uppercase',
        }}
      >
        {text}
      </Box>
    </Box>
  );
};

/** The faint diagonal "EN TEST" repeated behind a running test's page (and its printed card). */
export const Watermark = ({ text }: { text: string }) => (
  <Box
    aria-hidden
    data-testid="test-watermark"
    className="capacites-watermark"
    sx={{
      position: 'absolute',
      inset: 0,
      overflow: 'hidden',
      pointerEvents: 'none',
      zIndex: 0,
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-around',
      alignItems: 'center',
    }}
  >
    {[0, 1, 2].map((i) => (
      <Box
        key={i}
        sx={{
          transform: 'rotate(-24deg)',
          fontSize: '2.6rem',
          fontWeight: 800,
          whiteSpace: 'nowrap',
          color: 'rgba(0, 0, 0, 0.06)',
          letterSpacing: '0.1em',
          userSelect: 'none',
        }}
      >
        {text}
      </Box>
    ))}
  </Box>
);
