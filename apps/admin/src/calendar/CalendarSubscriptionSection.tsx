import { useEffect, useState } from 'react';
import { Alert, Box, Button, Link, TextField, Typography } from '@mui/material';
import { useLocale, useTranslate } from 'react-admin';
import { call } from '../authProvider';

interface Status {
  active: boolean;
  createdAt: string | null;
  lastUsedAt: string | null;
}

interface Created extends Status {
  webcalUrl: string;
  url: string;
}

/**
 * "Abonnement à mon calendrier" (issue 15, item 6): one's own secret webcal:// address,
 * shown once at creation or renewal; renewing or revoking stops the old one at once.
 */
export const CalendarSubscriptionSection = () => {
  const translate = useTranslate();
  const locale = useLocale();
  const [status, setStatus] = useState<Status | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [message, setMessage] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const t = (key: string, options?: Record<string, unknown>) =>
    translate(`app.codirCycle.subscription.${key}`, options);
  const date = (value: string) =>
    new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
      dateStyle: 'long',
      timeStyle: 'short',
    }).format(new Date(value));

  const load = async () => {
    const response = await call('/me/calendar-subscription');
    if (response.ok) setStatus((await response.json()) as Status);
  };
  useEffect(() => {
    void load();
  }, []);

  const renew = async () => {
    setMessage(null);
    const response = await call('/me/calendar-subscription', { method: 'POST', body: '{}' });
    if (!response.ok) return setMessage({ severity: 'error', text: t('failed') });
    const body = (await response.json()) as Created;
    if (status?.active) setMessage({ severity: 'success', text: t('renewed') });
    setCreated(body);
    setStatus(body);
  };

  const revoke = async () => {
    setMessage(null);
    const response = await call('/me/calendar-subscription', { method: 'DELETE' });
    if (!response.ok) return setMessage({ severity: 'error', text: t('failed') });
    setCreated(null);
    setStatus((await response.json()) as Status);
    setMessage({ severity: 'success', text: t('revoked') });
  };

  return (
    <Box component="section" aria-labelledby="calendar-subscription-title" sx={{ mt: 4 }}>
      <Typography id="calendar-subscription-title" variant="h6" component="h2" gutterBottom>
        {t('title')}
      </Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {t('intro')}
      </Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {status?.active && status.createdAt
          ? t('activeSince', { date: date(status.createdAt) })
          : t('inactive')}
        {status?.active && ' '}
        {status?.active &&
          (status.lastUsedAt ? t('lastUsed', { date: date(status.lastUsedAt) }) : t('neverUsed'))}
      </Typography>
      {message && (
        <Alert
          severity={message.severity}
          role={message.severity === 'error' ? 'alert' : 'status'}
          sx={{ mb: 1 }}
        >
          {message.text}
        </Alert>
      )}
      {created && (
        <Box sx={{ mb: 2 }}>
          <Alert severity="warning" sx={{ mb: 1 }}>
            {t('shownOnce')}
          </Alert>
          <TextField
            id="calendar-subscription-webcal"
            label={t('webcal')}
            value={created.webcalUrl}
            fullWidth
            margin="dense"
            slotProps={{ input: { readOnly: true } }}
            onFocus={(event) => event.target.select()}
          />
          <TextField
            id="calendar-subscription-https"
            label={t('https')}
            value={created.url}
            fullWidth
            margin="dense"
            slotProps={{ input: { readOnly: true } }}
            onFocus={(event) => event.target.select()}
          />
          <Link href={created.webcalUrl}>{t('open')}</Link>
        </Box>
      )}
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        <Button variant="contained" onClick={() => void renew()}>
          {status?.active ? t('renew') : t('create')}
        </Button>
        {status?.active && (
          <Button variant="outlined" color="error" onClick={() => void revoke()}>
            {t('revoke')}
          </Button>
        )}
      </Box>
    </Box>
  );
};
