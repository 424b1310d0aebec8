import { Alert, Box, Button, Chip } from '@mui/material';
import { useState } from 'react';
import { Confirm, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { usePrincipal } from '../../access';
import { apiErrorMessage, type CapacitesDataProvider } from '../../dataProvider';
import { useOrganizationDateFormat } from '../../organizations';
import type { Experiment } from '../types';

/** A participant's consent as a chip: given (with its date) or pending. */
export const ConsentChip = ({
  consentedAt,
  organizationId,
}: {
  consentedAt: string | null;
  organizationId: string;
}) => {
  const translate = useTranslate();
  const format = useOrganizationDateFormat(organizationId);
  return consentedAt ? (
    <Chip
      size="small"
      data-consent="given"
      label={translate('app.consent.given', { date: format(consentedAt) })}
      sx={{ bgcolor: '#e8f5e9', color: '#1b5e20' }}
    />
  ) : (
    <Chip
      size="small"
      data-consent="pending"
      label={translate('app.consent.pending')}
      sx={{ bgcolor: '#fff3e0', color: '#7a3a00' }}
    />
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
      await dataProvider.setConsent(experiment.id, consent);
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
