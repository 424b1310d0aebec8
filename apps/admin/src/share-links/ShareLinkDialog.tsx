import ShareIcon from '@mui/icons-material/ShareOutlined';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
} from '@mui/material';
import { DEFAULT_SHARE_LINK_DAYS, type ShareLinkKind, type ShareLinkResponse } from '@capacites/domain';
import { useId, useState } from 'react';
import { useRefresh, useTranslate } from 'react-admin';
import { API_URL, httpClient } from '../dataProvider';
import { useApiErrorNotify } from '../forms';

/** Creates a read-only link (a session's pack, or the dashboard) and shows its address once. */
export const ShareLinkDialog = ({
  kind,
  organizationId,
  sessionId,
  label,
}: {
  kind: ShareLinkKind;
  organizationId: string;
  sessionId?: string;
  /** Translation key of the button and the dialog's title. */
  label: string;
}) => {
  const translate = useTranslate();
  const onError = useApiErrorNotify();
  const refresh = useRefresh();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const [recipient, setRecipient] = useState('');
  const [days, setDays] = useState(String(DEFAULT_SHARE_LINK_DAYS));
  const [url, setUrl] = useState<string | null>(null);
  const close = () => {
    setOpen(false);
    setUrl(null);
    setRecipient('');
    refresh();
  };
  const create = async () => {
    try {
      const { json } = await httpClient(`${API_URL}/share-links`, {
        method: 'POST',
        body: JSON.stringify({
          kind,
          organizationId,
          ...(sessionId ? { sessionId } : {}),
          recipient,
          expiresInDays: Number(days),
        }),
      });
      setUrl((json as ShareLinkResponse).url ?? null);
    } catch (error) {
      onError(error);
    }
  };
  return (
    <>
      <Button startIcon={<ShareIcon />} onClick={() => setOpen(true)}>
        {translate(label)}
      </Button>
      <Dialog open={open} onClose={close} aria-labelledby={titleId} fullWidth maxWidth="sm">
        <DialogTitle id={titleId}>{translate(label)}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Alert severity="info">{translate('app.committee.share.help')}</Alert>
            {url ? (
              <>
                <Alert severity="success">{translate('app.committee.share.created')}</Alert>
                <TextField
                  id="share-link-url"
                  label={translate('app.committee.share.url')}
                  value={url}
                  InputProps={{ readOnly: true }}
                  onFocus={(event) => event.target.select()}
                  fullWidth
                />
              </>
            ) : (
              <>
                <TextField
                  id="share-link-recipient"
                  label={translate('resources.share-links.fields.recipient')}
                  value={recipient}
                  onChange={(event) => setRecipient(event.target.value)}
                  required
                  fullWidth
                />
                <TextField
                  id="share-link-days"
                  label={translate('resources.share-links.fields.expiresInDays')}
                  value={days}
                  onChange={(event) => setDays(event.target.value)}
                  inputProps={{ inputMode: 'numeric' }}
                  fullWidth
                />
              </>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>{translate('app.committee.share.close')}</Button>
          {url ? null : (
            <Button variant="contained" onClick={() => void create()}>
              {translate('app.committee.share.create')}
            </Button>
          )}
        </DialogActions>
      </Dialog>
    </>
  );
};
