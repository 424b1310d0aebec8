import type { ReactNode } from 'react';
import { useGetIdentity } from 'react-admin';
import { Navigate, useLocation } from 'react-router-dom';
import type { Me } from '../authProvider';

export const PROFILE_PATH = '/profile';

/**
 * A platform admin without second factor can do nothing else until enrolled (the API
 * refuses every other call with TOTP_ENROLMENT_REQUIRED): every page leads to the profile.
 */
export const TotpEnrolmentGate = ({ children }: { children: ReactNode }) => {
  const { identity } = useGetIdentity();
  const { pathname } = useLocation();
  const totp = (identity as { totp?: Me['totp'] } | undefined)?.totp;
  if (totp?.enrolmentRequired && pathname !== PROFILE_PATH) return <Navigate to={PROFILE_PATH} replace />;
  return <>{children}</>;
};
