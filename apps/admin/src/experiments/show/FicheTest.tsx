import { Box, GlobalStyles, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { useOrganizationDateFormat } from '../../organizations';
import { useExperimentCriteria } from '../criteria';
import type { Experiment } from '../types';
import { TAPE_COLORS, TAPE_STRIPES, useTapeText, Watermark } from './TestTape';
import { UserName } from './UserName';

// On paper only the card is printed, on one A4 page; on screen it stays hidden.
const printStyles = (
  <GlobalStyles
    styles={{
      '.capacites-fiche': { display: 'none' },
      '@media print': {
        '@page': { size: 'A4', margin: '12mm' },
        'body *': { visibility: 'hidden' },
        '.capacites-fiche, .capacites-fiche *': { visibility: 'visible' },
        '.capacites-fiche': {
          display: 'block !important',
          // Out of the layout's sidebar and margins: the card is the whole page.
          position: 'fixed',
          inset: 0,
          // Stripes and watermark are backgrounds and colours: keep them on paper.
          printColorAdjust: 'exact',
          WebkitPrintColorAdjust: 'exact',
        },
      },
    }}
  />
);

const Block = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ mb: 1.5, breakInside: 'avoid' }}>
      <Typography variant="subtitle2" component="h2" sx={{ textTransform: 'uppercase', fontSize: '9pt' }}>
        {translate(title)}
      </Typography>
      <Typography component="div" sx={{ whiteSpace: 'pre-line', fontSize: '10pt' }}>
        {children}
      </Typography>
    </Box>
  );
};

/** The printable one-page "fiche test", with the same tape and watermark as the screen. */
export const FicheTest = ({ experiment }: { experiment: Experiment }) => {
  const translate = useTranslate();
  // The criteria in force now: the fiche of an amended test shows what it is evaluated on.
  const { data: criteria } = useExperimentCriteria(experiment);
  const format = useOrganizationDateFormat(experiment.organizationId);
  const tape = useTapeText(experiment);
  const f = (field: string) => `resources.experiments.fields.${field}`;
  return (
    <>
      {printStyles}
      <Box className="capacites-fiche" data-testid="fiche-test" sx={{ fontFamily: 'inherit', color: '#000' }}>
        {tape ? <Watermark text={tape} /> : null}
        <Box sx={{ position: 'relative', zIndex: 1 }}>
          {tape ? (
            <Box sx={{ background: TAPE_STRIPES, p: '4px', mb: 1 }}>
              <Box
                sx={{
                  bgcolor: TAPE_COLORS.background,
                  color: TAPE_COLORS.text,
                  fontWeight: 800,
                  textAlign: 'center',
                  letterSpacing: '0.12em',
                }}
              >
                {tape}
              </Box>
            </Box>
          ) : null}
          <Typography variant="overline" component="p">
            {translate('app.tape.fiche')} · {translate(`resources.experiments.states.${experiment.state}`)} ·{' '}
            {translate('app.lineage.iteration', { n: experiment.iteration })}
          </Typography>
          <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
            {experiment.title}
          </Typography>
          <Typography variant="body2" sx={{ mb: 1.5, fontStyle: 'italic' }}>
            {translate('app.fiche.subtitle')}
          </Typography>
          <Block title={f('hypothesis')}>{experiment.hypothesis || '—'}</Block>
          <Block title={f('vision')}>{experiment.vision || '—'}</Block>
          <Block title={f('scope')}>{experiment.scope || '—'}</Block>
          <Block title="app.sections.criteria">
            {(criteria?.current ?? experiment.criteria ?? []).map((c) => (
              <div key={c.id}>
                • {c.name}
                {c.target ? ` — ${c.target}` : ''}
                {c.coBuiltWithUsers ? ` (${translate(f('criterion.coBuiltWithUsers'))})` : ''}
              </div>
            ))}
          </Block>
          <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 3 }}>
            <Block title={f('pilotIds')}>
              {(experiment.pilotIds ?? []).map((id, i) => (
                <span key={id}>
                  {i > 0 ? ', ' : ''}
                  <UserName id={id} />
                </span>
              ))}
            </Block>
            <Block title={f('sponsorId')}>
              {experiment.sponsorId ? <UserName id={experiment.sponsorId} /> : '—'}
            </Block>
            <Block title={f('launchedAt')}>{format(experiment.launchedAt)}</Block>
            <Block title={f('expiresAt')}>{format(experiment.expiresAt)}</Block>
            <Block title={f('exitPlan.pilotWithdrawal')}>{experiment.exitPlan?.pilotWithdrawal || '—'}</Block>
            <Block title={f('exitPlan.takeover')}>{experiment.exitPlan?.takeover || '—'}</Block>
          </Box>
        </Box>
      </Box>
    </>
  );
};
