import {
  SERVICE_ACCOUNT_SCOPES,
  serviceAccountCreateSchema,
  type ServiceAccountResponse,
} from '@capacites/domain';
import { useState } from 'react';
import { Create, SelectInput, SimpleForm, TextInput, useRedirect } from 'react-admin';
import { DayInput, useApiErrorNotify, zodResolver } from '../forms';
import { OrganizationInput } from '../webhook-endpoints/EndpointFields';
import { IntegrationsOnly, SecretDialog } from '../webhook-endpoints';

const scopeChoices = SERVICE_ACCOUNT_SCOPES.map((scope) => ({
  id: scope,
  name: `app.integrations.scopes.${scope}`,
}));

// DayInput holds the API's YYYY-MM-DD: the schema checks the very body sent.
const resolver = zodResolver(serviceAccountCreateSchema);

/** A new token: shown once, right after; afterwards only its first characters. */
export const ServiceAccountCreate = () => {
  const onError = useApiErrorNotify();
  const redirect = useRedirect();
  const [token, setToken] = useState<string | null>(null);
  return (
    <IntegrationsOnly>
      <Create<ServiceAccountResponse>
        mutationOptions={{ onError, onSuccess: (account) => setToken(account.token ?? null) }}
      >
        <SimpleForm resolver={resolver} defaultValues={{ scope: 'read' }} noValidate>
          <OrganizationInput />
          <TextInput source="name" sx={{ maxWidth: 600 }} />
          <SelectInput
            source="scope"
            choices={scopeChoices}
            helperText="resources.service-accounts.helpers.scope"
            sx={{ maxWidth: 600 }}
          />
          <DayInput source="expiresOn" helperText="resources.service-accounts.helpers.expiresOn" />
        </SimpleForm>
      </Create>
      <SecretDialog
        secret={token}
        title="app.integrations.tokenTitle"
        onClose={() => {
          setToken(null);
          redirect('list', 'service-accounts');
        }}
      />
    </IntegrationsOnly>
  );
};
