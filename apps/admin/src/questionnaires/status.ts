import type { QuestionnaireStatus } from '@capacites/domain';

/** Text and background of each status' chip: 4.5:1 at least (checked by __tests__/questionnaires.spec.tsx). */
export const STATUS_COLOURS: Record<QuestionnaireStatus, { text: string; background: string }> = {
  draft: { text: '#1a1a1a', background: '#e0e0e0' },
  scheduled: { text: '#0d47a1', background: '#e3f2fd' },
  open: { text: '#ffffff', background: '#1b5e20' },
  closed: { text: '#424242', background: '#f5f5f5' },
};

export const statusChipSx = (status: QuestionnaireStatus) => ({
  color: STATUS_COLOURS[status].text,
  bgcolor: STATUS_COLOURS[status].background,
  border: '1px solid',
  borderColor: STATUS_COLOURS[status].text,
  fontWeight: 600,
});
