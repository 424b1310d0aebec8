import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useId, useState } from 'react';
import { useTranslate } from 'react-admin';

/**
 * Shows a secret (a webhook's signing secret, a service account's token) once: it cannot be
 * read again afterwards. Closing says the person has kept it.
 */
export const SecretDialog = ({
  secret,
  title,
  onClose,
}: {
  secret: string | null;
  /** Translation key of the dialog's title. */
  title: string;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const titleId = useId();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard?.writeText(secret ?? '');
    setCopied(true);
  };
  return (
    <Dialog open={secret !== null} onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="md">
      <DialogTitle id={titleId}>{translate(title)}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('app.integrations.secretOnce')}
        </Alert>
        <TextField
          label={translate('app.integrations.secret')}
          value={secret ?? ''}
          fullWidth
          slotProps={{ htmlInput: { readOnly: true, 'data-testid': 'shown-secret', spellCheck: false } }}
          onFocus={(event) => event.target.select()}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={() => void copy()}>
          {translate(copied ? 'app.integrations.copied' : 'app.integrations.copy')}
        </Button>
        <Button variant="contained" onClick={onClose}>
          {translate('app.integrations.secretKept')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
