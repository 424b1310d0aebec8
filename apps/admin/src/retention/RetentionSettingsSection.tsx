import { Alert, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { getRetentionSettings, setRetentionDays } from './retentionApi';

/** The organisation's retention period: the default (CNIL) or its own, within bounds; audited by the API. */
export const RetentionSettingsSection = ({ organizationId }: { organizationId: string }) => {
  const translate = useTranslate();
  const client = useQueryClient();
  const settings = useQuery({
    queryKey: ['retention', organizationId, 'settings'],
    queryFn: () => getRetentionSettings(organizationId),
  });
  const [days, setDays] = useState('');
  const [message, setMessage] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const save = async (value: number | null) => {
    setMessage(null);
    try {
      await setRetentionDays(organizationId, value);
      setDays('');
      await client.invalidateQueries({ queryKey: ['retention', organizationId] });
      setMessage({ severity: 'success', text: translate('app.retention.settings.saved') });
    } catch (error) {
      setMessage({ severity: 'error', text: (error as Error).message });
    }
  };
  const current = settings.data;
  return (
    <Box component="section" aria-labelledby="retention-settings-title" sx={{ mb: 3 }}>
      <Typography id="retention-settings-title" variant="h6" component="h2" gutterBottom>
        {translate('app.retention.settings.title')}
      </Typography>
      {current ? (
        <>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {translate(current.custom ? 'app.retention.settings.custom' : 'app.retention.settings.default', {
              days: current.retentionDays,
              defaultDays: current.defaultDays,
            })}
          </Typography>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} alignItems="flex-start">
            <TextField
              id="retention-days"
              label={translate('app.retention.settings.days')}
              helperText={translate('app.retention.settings.bounds', { min: current.minDays, max: current.maxDays })}
              type="number"
              size="small"
              value={days}
              onChange={(event) => setDays(event.target.value)}
              slotProps={{ htmlInput: { min: current.minDays, max: current.maxDays, inputMode: 'numeric' } }}
            />
            <Button variant="contained" disabled={days === ''} onClick={() => void save(Number(days))}>
              {translate('app.retention.settings.save')}
            </Button>
            {current.custom ? (
              <Button onClick={() => void save(null)}>{translate('app.retention.settings.reset')}</Button>
            ) : null}
          </Stack>
        </>
      ) : null}
      {message ? (
        <Alert severity={message.severity} role={message.severity === 'error' ? 'alert' : 'status'} sx={{ mt: 1 }}>
          {message.text}
        </Alert>
      ) : null}
    </Box>
  );
};
