import { Alert, Box } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { hasAnyRole, usePrincipal } from './usePrincipal';

/**
 * The administration screens, for the platform admin only. The API refuses the others
 * anyway; this spares them a form that could only fail.
 */
export const AdminOnly = ({ children }: { children: ReactNode }) => {
  const translate = useTranslate();
  const principal = usePrincipal();
  if (!principal) return null;
  if (!hasAnyRole(principal, ['admin']))
    return (
      <Box sx={{ p: 2 }}>
        <Alert severity="warning">{translate('app.access.adminOnly')}</Alert>
      </Box>
    );
  return <>{children}</>;
};
