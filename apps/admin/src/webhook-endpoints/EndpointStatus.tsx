import type { DeliveryStatus, EndpointResponse } from '@capacites/domain';
import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';

/** Active, paused by a person, or disabled after failing (dark text on light chips: 4.5:1). */
export const EndpointStatus = ({ record }: { record: EndpointResponse }) => {
  const translate = useTranslate();
  const status = record.enabled ? 'active' : (record.disabledReason ?? 'paused');
  return (
    <Chip
      size="small"
      variant="outlined"
      color={status === 'failing' ? 'error' : 'default'}
      label={translate(`app.integrations.status.${status}`)}
      sx={{ color: 'text.primary' }}
    />
  );
};

export const DeliveryStatusChip = ({ status }: { status: DeliveryStatus }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      variant="outlined"
      color={status === 'failed' ? 'error' : status === 'delivered' ? 'success' : 'default'}
      label={translate(`app.integrations.deliveryStatus.${status}`)}
      sx={{ color: 'text.primary' }}
    />
  );
};
