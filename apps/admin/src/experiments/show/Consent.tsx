import { Alert, Box, Button, Chip, Typography } from '@mui/material';
import { useState } from 'react';
import { Confirm, useDataProvider, useLocaleState, useNotify, useRefresh, useTranslate } from 'react-admin';
import { usePrincipal } from '../../access';
import { apiErrorMessage, type CapacitesDataProvider } from '../../dataProvider';
import { useOrganizationDateFormat } from '../../organizations';
import { CURRENT_PARTICIPANT_NOTICE, type Participant } from '@capacites/domain';
import type { Experiment } from '../types';
import { useUserDisplayName } from './UserName';

const chipColours = {
  given: { bgcolor: '#e8f5e9', color: '#1b5e20' },
  onBehalf: { bgcolor: '#e3f2fd', color: '#0d3c61' },
  pending: { bgcolor: '#fff3e0', color: '#7a3a00' },
  withdrawn: { bgcolor: '#eceff1', color: '#37474f' },
} as const;

/** A day (YYYY-MM-DD) at midday UTC: the same calendar day in every zone an organisation uses. */
const dayInstant = (day: string) => `${day}T11:00:00.000Z`;

/**
 * A participant's consent as a chip: given by them (with its date), entered by HR from a
 * consent collected outside the application (how, when, by whom: a different act, shown
 * differently), withdrawn, or pending.
 */
export const ConsentChip = ({
  participant,
  organizationId,
}: {
  participant: Participant;
  organizationId: string;
}) => {
  const translate = useTranslate();
  const format = useOrganizationDateFormat(organizationId);
  const { consentedAt, onBehalf, withdrawnAt } = participant;
  const recorder = useUserDisplayName(onBehalf?.recordedBy);
  if (withdrawnAt) {
    return (
      <Chip
        size="small"
        data-consent="withdrawn"
        label={translate('app.consent.withdrawn', { date: format(withdrawnAt) })}
        sx={chipColours.withdrawn}
      />
    );
  }
  if (consentedAt && onBehalf) {
    return (
      <Chip
        size="small"
        data-consent="on-behalf"
        label={translate('app.consent.onBehalf', {
          method: translate(`app.consent.methods.${onBehalf.method}`),
          collected: format(dayInstant(onBehalf.collectedOn)),
          name: recorder,
          recorded: format(onBehalf.recordedAt),
        })}
        title={onBehalf.note || undefined}
        sx={{ ...chipColours.onBehalf, height: 'auto', '& .MuiChip-label': { whiteSpace: 'normal' } }}
      />
    );
  }
  return consentedAt ? (
    <Chip
      size="small"
      data-consent="given"
      label={translate('app.consent.given', { date: format(consentedAt) })}
      sx={chipColours.given}
    />
  ) : (
    <Chip
      size="small"
      data-consent="pending"
      label={translate('app.consent.pending')}
      sx={chipColours.pending}
    />
  );
};

/**
 * The information notice in force (RGPD articles 13–14), read before consenting: its version
 * is sent with the consent and recorded with it.
 */
export const ParticipantNoticeText = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notice = CURRENT_PARTICIPANT_NOTICE;
  const version = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${notice.version}T12:00:00Z`));
  return (
    <Box
      component="section"
      aria-labelledby="participant-notice-title"
      data-testid="participant-notice"
      sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, mb: 1 }}
    >
      <Typography id="participant-notice-title" variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        {notice.title}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('app.consent.noticeVersion', { version })}
      </Typography>
      {notice.sections.map((section) => (
        <Box key={section.heading} sx={{ mb: 1 }}>
          <Typography variant="body2" component="h4" sx={{ fontWeight: 600 }}>
            {section.heading}
          </Typography>
          <Typography variant="body2">{section.text}</Typography>
        </Box>
      ))}
    </Box>
  );
};

/**
 * The signed-in participant's own consent (rule 5: a test is run only with the parties'
 * agreement): given before launch, withdrawable until the test ends. Nobody else sees it.
 */
export const MyConsent = ({ experiment }: { experiment: Experiment }) => {
  const translate = useTranslate();
  const principal = usePrincipal();
  const dataProvider = useDataProvider<CapacitesDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const me = experiment.participants?.find((p) => p.userId === principal?.userId);
  const draft = experiment.state === 'draft';
  const running = experiment.state === 'running';
  if (!me || !(draft || running)) return null;
  const given = Boolean(me.consentedAt);

  const send = async (consent: boolean) => {
    setBusy(true);
    try {
      await (consent
        ? dataProvider.setConsent(experiment.id, true, CURRENT_PARTICIPANT_NOTICE.version)
        : dataProvider.setConsent(experiment.id, false));
      notify('app.actions.done', { type: 'success' });
      refresh();
    } catch (error) {
      notify(apiErrorMessage(error, translate), { type: 'error' });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  // While running, consent is only withdrawn; a pending one has nothing left to offer.
  if (!given && !draft) return null;
  return (
    <Box sx={{ mb: 2 }} data-testid="my-consent" className="no-print">
      {given ? (
        <Alert
          severity="success"
          action={
            <Button color="inherit" onClick={() => setConfirming(true)} disabled={busy}>
              {translate('app.consent.withdraw')}
            </Button>
          }
        >
          {translate('app.consent.givenYours')}
        </Alert>
      ) : (
        <>
          <ParticipantNoticeText />
          <Alert
            severity="info"
            action={
              <Button variant="contained" onClick={() => void send(true)} disabled={busy}>
                {translate('app.consent.give')}
              </Button>
            }
          >
            {translate('app.consent.askGive')}
          </Alert>
        </>
      )}
      <Confirm
        isOpen={confirming}
        loading={busy}
        title="app.consent.confirmWithdraw"
        content="app.consent.confirmWithdrawContent"
        confirm="app.consent.withdraw"
        confirmColor="warning"
        onConfirm={() => void send(false)}
        onClose={() => setConfirming(false)}
      />
    </Box>
  );
};
