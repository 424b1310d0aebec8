import { ALL_WEBHOOK_EVENTS, ENDPOINT_KINDS, WEBHOOK_EVENT_TYPES } from '@capacites/domain';
import {
  CheckboxGroupInput,
  FormDataConsumer,
  PasswordInput,
  ReferenceInput,
  SelectInput,
  TextInput,
  useTranslate,
} from 'react-admin';

export const kindChoices = ENDPOINT_KINDS.map((kind) => ({
  id: kind,
  name: `app.integrations.kinds.${kind}`,
}));

/** The events an endpoint may take: every one (now and later), or a choice. */
export const EventsInput = () => {
  const translate = useTranslate();
  const choices = [ALL_WEBHOOK_EVENTS, ...WEBHOOK_EVENT_TYPES].map((type) => ({
    id: type,
    name: translate(`app.integrations.events.${type === '*' ? 'all' : type}`),
  }));
  return (
    <CheckboxGroupInput
      source="events"
      choices={choices}
      row={false}
      helperText="resources.webhook-endpoints.helpers.events"
      translateChoice={false}
    />
  );
};

/** Where to send: the receiver's URL, or the chat room (Tchap: homeserver, room, bot's token). */
export const DestinationInputs = ({ creating }: { creating: boolean }) => (
  <FormDataConsumer<{ kind?: string }>>
    {({ formData }) => (
      <>
        <TextInput
          source="url"
          type="url"
          helperText={`resources.webhook-endpoints.helpers.url_${formData.kind ?? 'webhook'}`}
          sx={{ maxWidth: 900 }}
          fullWidth
        />
        {formData.kind === 'tchap' ? (
          <>
            <TextInput
              source="roomId"
              helperText="resources.webhook-endpoints.helpers.roomId"
              sx={{ maxWidth: 600 }}
            />
            <PasswordInput
              source="accessToken"
              helperText={
                creating
                  ? 'resources.webhook-endpoints.helpers.accessToken'
                  : 'resources.webhook-endpoints.helpers.accessTokenKeep'
              }
              sx={{ maxWidth: 600 }}
            />
          </>
        ) : null}
      </>
    )}
  </FormDataConsumer>
);

export const OrganizationInput = () => (
  <ReferenceInput
    source="organizationId"
    reference="organizations"
    sort={{ field: 'name', order: 'ASC' }}
    perPage={200}
  >
    <SelectInput optionText="name" sx={{ maxWidth: 600 }} />
  </ReferenceInput>
);

export const KindInput = () => <SelectInput source="kind" choices={kindChoices} sx={{ maxWidth: 600 }} />;
