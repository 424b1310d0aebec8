import type { DeliveryResponse, EndpointResponse } from '@capacites/domain';
import DeleteIcon from '@mui/icons-material/DeleteOutline';
import KeyIcon from '@mui/icons-material/KeyOutlined';
import PauseIcon from '@mui/icons-material/PauseCircleOutline';
import PlayIcon from '@mui/icons-material/PlayCircleOutline';
import ReplayIcon from '@mui/icons-material/Replay';
import { Button, Typography } from '@mui/material';
import { useState } from 'react';
import {
  DataTable,
  DateField,
  EditButton,
  Labeled,
  ReferenceField,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useNotify,
  useRecordContext,
  useRedirect,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { SectionCard } from '../a11y/SectionCard';
import { httpClient } from '../dataProvider';
import { ConfirmButton, useApiErrorNotify } from '../forms';
import { DeliveryStatusChip, EndpointStatus } from './EndpointStatus';
import { IntegrationsOnly } from './IntegrationsOnly';
import { SecretDialog } from './SecretDialog';

const post = (url: string, body: object = {}) =>
  httpClient(url, { method: 'POST', body: JSON.stringify(body) });

/** Pause, enable again (after failures too), rotate the secret, delete. */
const EndpointActions = () => {
  const endpoint = useRecordContext<EndpointResponse>();
  const translate = useTranslate();
  const refresh = useRefresh();
  const redirect = useRedirect();
  const notify = useNotify();
  const onError = useApiErrorNotify();
  const [secret, setSecret] = useState<string | null>(null);
  if (!endpoint) return null;
  const toggle = async () => {
    try {
      await httpClient(`/api/webhook-endpoints/${endpoint.id}`, {
        method: 'PUT',
        body: JSON.stringify({ enabled: !endpoint.enabled }),
      });
      notify(endpoint.enabled ? 'app.integrations.paused' : 'app.integrations.enabled', { type: 'info' });
      refresh();
    } catch (error) {
      onError(error);
    }
  };
  return (
    <TopToolbar>
      <EditButton />
      <Button startIcon={endpoint.enabled ? <PauseIcon /> : <PlayIcon />} onClick={() => void toggle()}>
        {translate(endpoint.enabled ? 'app.integrations.pause' : 'app.integrations.enable')}
      </Button>
      {endpoint.kind === 'webhook' ? (
        <ConfirmButton
          label="app.integrations.rotate"
          icon={<KeyIcon />}
          title="app.integrations.rotateConfirm"
          content="app.integrations.rotateContent"
          onConfirm={async () => {
            try {
              const { json } = await post(`/api/webhook-endpoints/${endpoint.id}/rotate-secret`);
              setSecret((json as EndpointResponse).secret ?? null);
            } catch (error) {
              onError(error);
            }
          }}
        />
      ) : null}
      <ConfirmButton
        label="app.integrations.delete"
        icon={<DeleteIcon />}
        title="app.integrations.deleteConfirm"
        titleTranslateOptions={{ name: endpoint.name }}
        content="app.integrations.deleteContent"
        onConfirm={async () => {
          try {
            await httpClient(`/api/webhook-endpoints/${endpoint.id}`, { method: 'DELETE' });
            redirect('list', 'webhook-endpoints');
          } catch (error) {
            onError(error);
          }
        }}
      />
      <SecretDialog secret={secret} title="app.integrations.secretTitle" onClose={() => setSecret(null)} />
    </TopToolbar>
  );
};

/** "Renvoyer": one more attempt of a finished delivery, under the same webhook-id. */
const ResendButton = ({ delivery }: { delivery: DeliveryResponse }) => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const notify = useNotify();
  const onError = useApiErrorNotify();
  if (delivery.status === 'pending') return null;
  return (
    <Button
      size="small"
      startIcon={<ReplayIcon />}
      aria-label={translate('app.integrations.resendLabel', {
        type: translate(`app.integrations.events.${delivery.type}`, { _: delivery.type }),
      })}
      onClick={async () => {
        try {
          await post(`/api/webhook-deliveries/${delivery.id}/resend`);
          notify('app.integrations.resent', { type: 'info' });
          refresh();
        } catch (error) {
          onError(error);
        }
      }}
    >
      {translate('app.integrations.resend')}
    </Button>
  );
};

/** The endpoint, its state, and the journal of its deliveries (7 days). */
export const EndpointShow = () => {
  const translate = useTranslate();
  return (
    <IntegrationsOnly>
      <Show<EndpointResponse> actions={<EndpointActions />}>
        <SimpleShowLayout>
          <TextField source="name" />
          <ReferenceField source="organizationId" reference="organizations" link={false}>
            <TextField source="name" />
          </ReferenceField>
          <Labeled source="kind">
            <KindText />
          </Labeled>
          <TextField source="url" />
          <TextField source="roomId" emptyText="—" />
          <Labeled source="enabled">
            <StatusField />
          </Labeled>
          <DateField source="lastSuccessAt" showTime emptyText="—" />
          <DateField source="lastFailureAt" showTime emptyText="—" />
          <Labeled source="events">
            <EventList />
          </Labeled>
        </SimpleShowLayout>
        <SectionCard title="app.integrations.journal" sx={{ mt: 2 }}>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {translate('app.integrations.journalHelp')}
          </Typography>
          <ReferenceManyField<EndpointResponse, DeliveryResponse>
            reference="webhook-deliveries"
            target="endpointId"
            sort={{ field: 'createdAt', order: 'DESC' }}
            perPage={50}
          >
            <DataTable<DeliveryResponse> bulkActionButtons={false} rowClick={false}>
              <DataTable.Col source="createdAt" label="resources.webhook-deliveries.fields.createdAt">
                <DateField source="createdAt" showTime />
              </DataTable.Col>
              <DataTable.Col
                source="type"
                label="resources.webhook-deliveries.fields.type"
                render={(d: DeliveryResponse) =>
                  translate(`app.integrations.events.${d.type}`, { _: d.type })
                }
              />
              <DataTable.Col
                source="status"
                label="resources.webhook-deliveries.fields.status"
                render={(d: DeliveryResponse) => <DeliveryStatusChip status={d.status} />}
              />
              <DataTable.Col source="attempts" label="resources.webhook-deliveries.fields.attempts" />
              <DataTable.Col
                source="lastError"
                label="resources.webhook-deliveries.fields.lastError"
                render={(d: DeliveryResponse) =>
                  d.lastError ?? (d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : '—')
                }
              />
              <DataTable.Col
                source="id"
                disableSort
                label="app.integrations.actions"
                render={(d: DeliveryResponse) => <ResendButton delivery={d} />}
              />
            </DataTable>
          </ReferenceManyField>
        </SectionCard>
      </Show>
    </IntegrationsOnly>
  );
};

const KindText = () => {
  const endpoint = useRecordContext<EndpointResponse>();
  const translate = useTranslate();
  return endpoint ? <span>{translate(`app.integrations.kinds.${endpoint.kind}`)}</span> : null;
};

const StatusField = () => {
  const endpoint = useRecordContext<EndpointResponse>();
  return endpoint ? <EndpointStatus record={endpoint} /> : null;
};

const EventList = () => {
  const endpoint = useRecordContext<EndpointResponse>();
  const translate = useTranslate();
  if (!endpoint) return null;
  return (
    <ul style={{ margin: 0, paddingLeft: '1.25rem' }}>
      {endpoint.events.map((type) => (
        <li key={type}>{translate(`app.integrations.events.${type === '*' ? 'all' : type}`)}</li>
      ))}
    </ul>
  );
};
