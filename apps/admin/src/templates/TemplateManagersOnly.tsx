import { Alert, Box } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { hasAnyRole, usePrincipal } from '../access';

/**
 * The template screens: the platform admin (shared templates) and HR (their organisation's).
 * The API decides in the end; this spares others a form that could only fail.
 */
export const TemplateManagersOnly = ({ children }: { children: ReactNode }) => {
  const translate = useTranslate();
  const principal = usePrincipal();
  if (!principal) return null;
  if (!hasAnyRole(principal, ['admin', 'hr']))
    return (
      <Box sx={{ p: 2 }}>
        <Alert severity="warning">{translate('app.templates.managersOnly')}</Alert>
      </Box>
    );
  return <>{children}</>;
};
