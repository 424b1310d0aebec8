import { Alert, Box } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { hasAnyRole, usePrincipal } from '../access';

/**
 * The integrations screens (webhooks, chat alerts, service accounts): the platform admin and
 * HR, who run an organisation's tests. The API refuses the others anyway.
 */
export const IntegrationsOnly = ({ children }: { children: ReactNode }) => {
  const translate = useTranslate();
  const principal = usePrincipal();
  if (!principal) return null;
  if (!hasAnyRole(principal, ['admin', 'hr']))
    return (
      <Box sx={{ p: 2 }}>
        <Alert severity="warning">{translate('app.integrations.reserved')}</Alert>
      </Box>
    );
  return <>{children}</>;
};
