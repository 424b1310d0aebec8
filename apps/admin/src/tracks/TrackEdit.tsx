import { trackUpdateSchema } from '@capacites/domain';
import { BooleanInput, Edit, SaveButton, SimpleForm, TextInput, Toolbar } from 'react-admin';
import { AdminOnly } from '../access';
import { useApiErrorNotify, zodResolver } from '../forms';
import { DeleteTrackButton } from './DeleteTrackButton';
import { TrackNameFields } from './TrackFields';
import { trackUpdateBody, type Track } from './types';

const resolver = zodResolver(trackUpdateSchema, { toBody: trackUpdateBody });

const TrackToolbar = () => (
  <Toolbar sx={{ justifyContent: 'space-between' }}>
    <SaveButton />
    <DeleteTrackButton />
  </Toolbar>
);

export const TrackEdit = () => {
  const onError = useApiErrorNotify();
  return (
    <AdminOnly>
      <Edit<Track>
        mutationMode="pessimistic"
        redirect="list"
        transform={(data: Track) => trackUpdateBody(data) as Track}
        mutationOptions={{ onError }}
      >
        <SimpleForm resolver={resolver} toolbar={<TrackToolbar />} noValidate>
          <TrackNameFields />
          <TextInput source="slug" disabled sx={{ maxWidth: 600 }} />
          <BooleanInput source="archived" helperText="resources.tracks.helpers.archived" />
        </SimpleForm>
      </Edit>
    </AdminOnly>
  );
};
