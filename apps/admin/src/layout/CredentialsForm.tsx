import { useState, type FormEvent } from 'react';
import { Box, Button, CardContent, TextField, Typography } from '@mui/material';
import { useLogin, useTranslate } from 'react-admin';
import { forgetPendingLogin, TotpRequiredError } from '../authProvider';

type Step = 'password' | 'code';

/**
 * Email and password, then, for an account with a second factor, the code of the
 * authenticator app (or a recovery code). The error of each step is tied to its field
 * (helper text, aria-describedby), as RGAA asks. Field names are react-admin's own.
 */
export const CredentialsForm = () => {
  const translate = useTranslate();
  const login = useLogin();
  const [step, setStep] = useState<Step>('password');
  const [values, setValues] = useState({ username: '', password: '', code: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(
        step === 'password'
          ? { username: values.username, password: values.password }
          : { code: values.code },
      );
    } catch (caught) {
      if (caught instanceof TotpRequiredError) {
        setStep('code');
      } else {
        const key = caught instanceof Error ? caught.message : 'app.login.badCredentials';
        if (key === 'app.login.expired') {
          setStep('password');
          setValues((v) => ({ ...v, password: '', code: '' }));
        }
        setError(key);
      }
    } finally {
      setBusy(false);
    }
  };

  const set = (name: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: event.target.value }));

  return (
    <Box component="form" onSubmit={submit} noValidate>
      <CardContent>
        {step === 'password' ? (
          <>
            <TextField
              id="login-username"
              name="username"
              type="email"
              autoComplete="username"
              label={translate('ra.auth.username')}
              value={values.username}
              onChange={set('username')}
              required
              fullWidth
              margin="dense"
              error={error !== null}
            />
            <TextField
              id="login-password"
              name="password"
              type="password"
              autoComplete="current-password"
              label={translate('ra.auth.password')}
              value={values.password}
              onChange={set('password')}
              required
              fullWidth
              margin="dense"
              error={error !== null}
              helperText={error ? translate(error) : undefined}
            />
          </>
        ) : (
          <>
            <Typography variant="body2" sx={{ mb: 1 }} id="login-code-intro">
              {translate('app.login.codeIntro')}
            </Typography>
            <TextField
              id="login-code"
              name="code"
              autoComplete="one-time-code"
              label={translate('app.login.code')}
              value={values.code}
              onChange={set('code')}
              required
              fullWidth
              autoFocus
              margin="dense"
              slotProps={{
                htmlInput: {
                  inputMode: 'text',
                  'aria-describedby': 'login-code-helper-text login-code-intro',
                },
              }}
              error={error !== null}
              helperText={error ? translate(error) : translate('app.login.codeHelp')}
            />
          </>
        )}
        <Button type="submit" variant="contained" fullWidth disabled={busy} sx={{ mt: 2 }}>
          {translate(step === 'password' ? 'ra.auth.sign_in' : 'app.login.verify')}
        </Button>
        {step === 'code' && (
          <Button
            fullWidth
            sx={{ mt: 1 }}
            onClick={() => {
              forgetPendingLogin();
              setStep('password');
              setError(null);
              setValues((v) => ({ ...v, password: '', code: '' }));
            }}
          >
            {translate('app.login.restart')}
          </Button>
        )}
      </CardContent>
    </Box>
  );
};
