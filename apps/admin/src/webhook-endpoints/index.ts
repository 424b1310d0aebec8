import WebhookIcon from '@mui/icons-material/WebhookOutlined';
import { lazy } from 'react';

// Integrations screens load on first use: most users never open them.
export const webhookEndpoints = {
  list: lazy(() => import('./EndpointList').then((m) => ({ default: m.EndpointList }))),
  create: lazy(() => import('./EndpointCreate').then((m) => ({ default: m.EndpointCreate }))),
  edit: lazy(() => import('./EndpointEdit').then((m) => ({ default: m.EndpointEdit }))),
  show: lazy(() => import('./EndpointShow').then((m) => ({ default: m.EndpointShow }))),
  icon: WebhookIcon,
  recordRepresentation: 'name',
};
export { IntegrationsOnly } from './IntegrationsOnly';
export { SecretDialog } from './SecretDialog';
