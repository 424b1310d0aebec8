import { useEffect, useState } from 'react';
import { Alert, Box, Button, Divider } from '@mui/material';
import { Login, useTranslate } from 'react-admin';
import { useLocation } from 'react-router-dom';
import { DocumentLang } from '../a11y';
import { fetchAuthProviders, type AuthProviders } from '../authProvider';
import { isOidcLoginError, PASSWORD_ONLY } from '../authProvider/oidc';
import { CredentialsForm } from './CredentialsForm';

/**
 * The stock login form, plus "Se connecter avec ProConnect" when the API offers OpenID
 * Connect (GET /api/auth/providers), and the reason of a refused OIDC login, which the
 * API's callback sends back as `#/login?error=…`. Texts: `app.login.*`.
 */
export const LoginPage = () => {
  const translate = useTranslate();
  const { search } = useLocation();
  const [providers, setProviders] = useState<AuthProviders>(PASSWORD_ONLY);

  useEffect(() => {
    let current = true;
    void fetchAuthProviders().then((answer) => {
      if (current) setProviders(answer);
    });
    return () => {
      current = false;
    };
  }, []);

  const oidc = providers.oidc.enabled ? providers.oidc : null;
  const label = oidc?.label ?? 'ProConnect';
  const error = new URLSearchParams(search).get('error');

  return (
    <Login>
      <DocumentLang />
      {isOidcLoginError(error) && (
        <Alert severity="error" sx={{ mx: 2, mt: 2 }} role="alert">
          {translate(`app.login.errors.${error}`, { label })}
        </Alert>
      )}
      {oidc && (
        <Box sx={{ px: 2, pt: 2 }}>
          {/* A full-page navigation: the API redirects to the provider. */}
          <Button variant="contained" fullWidth href={oidc.loginUrl}>
            {translate('app.login.oidcButton', { label })}
          </Button>
          <Divider sx={{ mt: 2 }}>{translate('app.login.or')}</Divider>
        </Box>
      )}
      <CredentialsForm />
    </Login>
  );
};
