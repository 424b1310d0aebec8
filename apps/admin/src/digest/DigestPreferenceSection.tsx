import { useEffect, useState } from 'react';
import { Alert, Box, FormControlLabel, Switch, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { call } from '../authProvider';

/** "Lettre du portefeuille" on the profile: each person turns the digest off (or on) for themselves. */
export const DigestPreferenceSection = () => {
  const translate = useTranslate();
  const t = (key: string) => translate(`app.codirCycle.digest.${key}`);
  const [optedOut, setOptedOut] = useState<boolean | null>(null);
  const [message, setMessage] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);

  useEffect(() => {
    void (async () => {
      const response = await call('/me/digest');
      if (response.ok) setOptedOut(((await response.json()) as { optedOut: boolean }).optedOut);
    })();
  }, []);

  const change = async (receive: boolean) => {
    setMessage(null);
    const response = await call('/me/digest', {
      method: 'PUT',
      body: JSON.stringify({ optedOut: !receive }),
    });
    if (!response.ok)
      return setMessage({ severity: 'error', text: translate('app.codirCycle.subscription.failed') });
    setOptedOut(((await response.json()) as { optedOut: boolean }).optedOut);
    setMessage({ severity: 'success', text: t('saved') });
  };

  return (
    <Box component="section" aria-labelledby="digest-preference-title" sx={{ mt: 4 }}>
      <Typography id="digest-preference-title" variant="h6" component="h2" gutterBottom>
        {t('title')}
      </Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {t('intro')}
      </Typography>
      <FormControlLabel
        control={
          <Switch
            checked={optedOut === false}
            disabled={optedOut === null}
            onChange={(event) => void change(event.target.checked)}
          />
        }
        label={t('receive')}
      />
      <Typography variant="body2" color="text.secondary">
        {optedOut === null ? '' : optedOut ? t('optedOut') : t('optedIn')}
      </Typography>
      {message && (
        <Alert
          severity={message.severity}
          role={message.severity === 'error' ? 'alert' : 'status'}
          sx={{ mt: 1 }}
        >
          {message.text}
        </Alert>
      )}
    </Box>
  );
};
