import { trackCreateSchema } from '@capacites/domain';
import { Create, SimpleForm, TextInput } from 'react-admin';
import { AdminOnly } from '../access';
import { useApiErrorNotify, zodResolver } from '../forms';
import { TrackNameFields, TrackOrganizationInput } from './TrackFields';
import { trackCreateBody } from './types';

const resolver = zodResolver(trackCreateSchema, { toBody: trackCreateBody });

export const TrackCreate = () => {
  const onError = useApiErrorNotify();
  return (
    <AdminOnly>
      <Create redirect="list" transform={trackCreateBody} mutationOptions={{ onError }}>
        <SimpleForm resolver={resolver} defaultValues={{ description: '' }} noValidate>
          <TrackNameFields />
          <TextInput source="slug" helperText="resources.tracks.helpers.slug" sx={{ maxWidth: 600 }} />
          <TrackOrganizationInput />
        </SimpleForm>
      </Create>
    </AdminOnly>
  );
};
