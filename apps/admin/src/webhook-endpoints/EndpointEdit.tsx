import { endpointUpdateSchema } from '@capacites/domain';
import { Edit, SimpleForm, TextInput } from 'react-admin';
import { useApiErrorNotify, zodResolver } from '../forms';
import { DestinationInputs, EventsInput } from './EndpointFields';
import { IntegrationsOnly } from './IntegrationsOnly';

/** Only what changes is sent; a chat webhook's URL (its secret) is typed again to change it. */
const toBody = (data: Record<string, unknown>, previous?: Record<string, unknown>) => {
  const body: Record<string, unknown> = { name: data.name, events: data.events };
  if (data.url !== previous?.url) body.url = data.url;
  if (data.kind === 'tchap' && data.roomId !== previous?.roomId) body.roomId = data.roomId;
  if (data.kind === 'tchap' && data.accessToken) body.accessToken = data.accessToken;
  return body;
};

const resolver = zodResolver(endpointUpdateSchema, { toBody: (data) => toBody(data) });

export const EndpointEdit = () => {
  const onError = useApiErrorNotify();
  return (
    <IntegrationsOnly>
      <Edit
        mutationMode="pessimistic"
        redirect="show"
        mutationOptions={{ onError }}
        transform={(data: Record<string, unknown>, options?: { previousData?: Record<string, unknown> }) =>
          toBody(data, options?.previousData)
        }
      >
        <SimpleForm resolver={resolver} noValidate>
          <TextInput source="name" sx={{ maxWidth: 600 }} />
          <DestinationInputs creating={false} />
          <EventsInput />
        </SimpleForm>
      </Edit>
    </IntegrationsOnly>
  );
};
