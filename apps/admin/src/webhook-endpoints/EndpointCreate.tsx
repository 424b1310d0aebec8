import { endpointCreateSchema, type EndpointResponse } from '@capacites/domain';
import { useState } from 'react';
import { Create, SimpleForm, TextInput, useRedirect } from 'react-admin';
import { useApiErrorNotify, zodResolver } from '../forms';
import { DestinationInputs, EventsInput, KindInput, OrganizationInput } from './EndpointFields';
import { IntegrationsOnly } from './IntegrationsOnly';
import { SecretDialog } from './SecretDialog';

/** Tchap's room and token only go with Tchap (a kind changed after typing them drops them). */
const createBody = (data: Record<string, unknown>) => {
  const { roomId, accessToken, ...rest } = data;
  return data.kind === 'tchap' ? { ...rest, roomId, accessToken } : rest;
};

const resolver = zodResolver(endpointCreateSchema, { toBody: createBody });

/** A new webhook or chat room; a webhook's signing secret is shown once, right after. */
export const EndpointCreate = () => {
  const onError = useApiErrorNotify();
  const redirect = useRedirect();
  const [created, setCreated] = useState<EndpointResponse | null>(null);
  const done = (endpoint: EndpointResponse) => redirect('show', 'webhook-endpoints', endpoint.id);
  return (
    <IntegrationsOnly>
      <Create<EndpointResponse>
        transform={createBody}
        mutationOptions={{
          onError,
          onSuccess: (endpoint) => (endpoint.secret ? setCreated(endpoint) : done(endpoint)),
        }}
      >
        <SimpleForm resolver={resolver} defaultValues={{ kind: 'webhook', events: ['*'] }} noValidate>
          <OrganizationInput />
          <TextInput source="name" sx={{ maxWidth: 600 }} />
          <KindInput />
          <DestinationInputs creating />
          <EventsInput />
        </SimpleForm>
      </Create>
      <SecretDialog
        secret={created?.secret ?? null}
        title="app.integrations.secretTitle"
        onClose={() => created && done(created)}
      />
    </IntegrationsOnly>
  );
};
