import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, TextField, Typography } from '@mui/material';
import { useGetIdentity, useTranslate } from 'react-admin';
import { call, type Me } from '../authProvider';

interface Enrolment {
  secret: string;
  uri: string;
}

/** The API's refusal code, if any. */
async function refusal(response: Response): Promise<string> {
  const body = (await response.json().catch(() => ({}))) as { code?: string };
  return body.code ?? 'UNKNOWN';
}

/**
 * The second factor (TOTP) of one's own account: enrol (the key shown once, as a base32 key
 * and an otpauth:// link: no QR code library is installed), confirm with a first code, keep
 * the recovery codes shown once; or turn it off with a code (not for platform admins).
 */
export const TotpSection = ({ onChange }: { onChange?: () => void }) => {
  const translate = useTranslate();
  const { identity, refetch } = useGetIdentity();
  const totp = (identity as { totp?: Me['totp'] } | undefined)?.totp;
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);

  const errorText = (reason: string) =>
    translate(`app.profile.totp.errors.${reason}`, { _: translate('app.profile.totp.errors.UNKNOWN') });

  const start = async () => {
    setError(null);
    const response = await call('/auth/totp/enrol', { method: 'POST' });
    if (!response.ok) return setError(await refusal(response));
    setEnrolment((await response.json()) as Enrolment);
  };

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const response = await call('/auth/totp/confirm', { method: 'POST', body: JSON.stringify({ code }) });
    if (!response.ok) return setError(await refusal(response));
    const body = (await response.json()) as { recoveryCodes: string[] };
    setRecoveryCodes(body.recoveryCodes);
    setEnrolment(null);
    setCode('');
    await refetch();
    onChange?.();
  };

  const disable = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const response = await call('/auth/totp/disable', { method: 'POST', body: JSON.stringify({ code }) });
    if (!response.ok) return setError(await refusal(response));
    setCode('');
    setRecoveryCodes(null);
    await refetch();
    onChange?.();
  };

  const codeField = (id: string) => (
    <TextField
      id={id}
      name="code"
      label={translate('app.profile.totp.code')}
      autoComplete="one-time-code"
      value={code}
      onChange={(event) => setCode(event.target.value)}
      required
      margin="dense"
      error={error !== null}
      helperText={error ? errorText(error) : translate('app.profile.totp.codeHelp')}
      sx={{ maxWidth: 360 }}
    />
  );

  if (!totp) return null;
  return (
    <Box component="section" aria-labelledby="totp-title" sx={{ maxWidth: 720 }}>
      <Typography variant="h6" component="h2" id="totp-title" gutterBottom>
        {translate('app.profile.totp.title')}
      </Typography>
      {totp.enrolmentRequired && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('app.profile.totp.requiredForAdmin')}
        </Alert>
      )}
      {recoveryCodes && (
        <Alert severity="success" sx={{ mb: 2 }}>
          <Typography variant="body2" gutterBottom>
            {translate('app.profile.totp.recoveryCodesIntro')}
          </Typography>
          <Box
            component="ul"
            aria-label={translate('app.profile.totp.recoveryCodes')}
            sx={{ fontFamily: 'monospace' }}
          >
            {recoveryCodes.map((recovery) => (
              <li key={recovery}>{recovery}</li>
            ))}
          </Box>
        </Alert>
      )}
      {totp.enabled ? (
        <>
          <Typography variant="body1" gutterBottom>
            {translate('app.profile.totp.enabled')}
          </Typography>
          {totp.required ? (
            <Typography variant="body2">{translate('app.profile.totp.cannotDisable')}</Typography>
          ) : (
            <Box component="form" onSubmit={disable} noValidate>
              {codeField('totp-disable-code')}
              <Box>
                <Button type="submit" variant="outlined" color="error" sx={{ mt: 1 }}>
                  {translate('app.profile.totp.disable')}
                </Button>
              </Box>
            </Box>
          )}
        </>
      ) : enrolment ? (
        <Box component="form" onSubmit={confirm} noValidate>
          <Typography variant="body2" gutterBottom>
            {translate('app.profile.totp.scanIntro')}
          </Typography>
          <Typography variant="body2" component="p">
            {translate('app.profile.totp.key')}{' '}
            <Box component="code" sx={{ wordBreak: 'break-all' }} data-testid="totp-secret">
              {enrolment.secret}
            </Box>
          </Typography>
          <Typography variant="body2" component="p" sx={{ mb: 1 }}>
            {translate('app.profile.totp.link')}{' '}
            <Box component="a" href={enrolment.uri} sx={{ wordBreak: 'break-all' }}>
              {enrolment.uri}
            </Box>
          </Typography>
          {codeField('totp-confirm-code')}
          <Box>
            <Button type="submit" variant="contained" sx={{ mt: 1 }}>
              {translate('app.profile.totp.confirm')}
            </Button>
          </Box>
        </Box>
      ) : (
        <>
          <Typography variant="body2" gutterBottom>
            {translate('app.profile.totp.disabled')}
          </Typography>
          {error && (
            <Alert severity="error" role="alert">
              {errorText(error)}
            </Alert>
          )}
          <Button variant="contained" onClick={() => void start()}>
            {translate('app.profile.totp.enable')}
          </Button>
        </>
      )}
    </Box>
  );
};
