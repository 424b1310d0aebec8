import DeleteIcon from '@mui/icons-material/DeleteOutline';
import { Alert } from '@mui/material';
import { useState } from 'react';
import {
  Confirm,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRedirect,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { apiErrorCode, apiErrorMessage } from '../dataProvider';
import { ConfirmButton } from '../forms';
import type { Track } from './types';

/**
 * Deletes a track never used. One that experiments use cannot be (409 TRACK_IN_USE):
 * the dialog then says why and offers to archive it instead.
 */
export const DeleteTrackButton = () => {
  const track = useRecordContext<Track>();
  const translate = useTranslate();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const redirect = useRedirect();
  const refresh = useRefresh();
  const [inUse, setInUse] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  if (!track) return null;

  const remove = async () => {
    try {
      await dataProvider.delete('tracks', { id: track.id, previousData: track });
      notify('ra.notification.deleted', { type: 'info', messageArgs: { smart_count: 1 } });
      redirect('list', 'tracks');
    } catch (error) {
      if (apiErrorCode(error) === 'TRACK_IN_USE') setInUse(true);
      else notify(apiErrorMessage(error, translate), { type: 'error' });
    }
  };

  const archive = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      await dataProvider.update('tracks', { id: track.id, data: { archived: true }, previousData: track });
      setInUse(false);
      notify('app.actions.done', { type: 'success' });
      refresh();
      redirect('list', 'tracks');
    } catch (error) {
      setRefusal(apiErrorMessage(error, translate));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <ConfirmButton
        label="resources.tracks.delete"
        icon={<DeleteIcon />}
        title="resources.tracks.confirmDelete"
        titleTranslateOptions={{ name: track.name }}
        content="resources.tracks.confirmDeleteContent"
        onConfirm={remove}
        testId="delete-track"
      />
      <Confirm
        isOpen={inUse}
        loading={busy}
        title="resources.tracks.inUse"
        content={
          <>
            <Alert severity="info" role="alert">
              {translate('app.errors.TRACK_IN_USE')}
            </Alert>
            {refusal ? (
              <Alert severity="error" sx={{ mt: 1 }}>
                {refusal}
              </Alert>
            ) : null}
          </>
        }
        confirm="resources.tracks.archive"
        confirmColor="primary"
        onConfirm={() => void archive()}
        onClose={() => setInUse(false)}
      />
    </>
  );
};
