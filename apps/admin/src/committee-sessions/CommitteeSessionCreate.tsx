import { createCommitteeSessionSchema } from '@capacites/domain';
import { Create, ReferenceInput, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { usePrincipal } from '../access';
import { DayInput, useApiErrorNotify, zodResolver } from '../forms';

const resolver = zodResolver(createCommitteeSessionSchema);

/** A new session: the API builds its agenda from the portfolio at that moment. */
export const CommitteeSessionCreate = () => {
  const principal = usePrincipal();
  const onError = useApiErrorNotify();
  if (!principal) return null;
  const organizations = [
    ...new Set(
      principal.memberships.filter((m) => m.role === 'hr' || m.role === 'codir').map((m) => m.organizationId),
    ),
  ];
  const defaultValues = organizations.length === 1 ? { organizationId: organizations[0] } : {};
  return (
    <Create redirect="show" mutationOptions={{ onError }}>
      <SimpleForm resolver={resolver} defaultValues={defaultValues} noValidate>
        <ReferenceInput
          source="organizationId"
          reference="organizations"
          sort={{ field: 'name', order: 'ASC' }}
          perPage={100}
        >
          <SelectInput optionText="name" sx={{ maxWidth: 600 }} fullWidth />
        </ReferenceInput>
        <TextInput source="title" sx={{ maxWidth: 600 }} fullWidth />
        <DayInput source="heldOn" />
      </SimpleForm>
    </Create>
  );
};
