import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import PrintIcon from '@mui/icons-material/Print';
import { Box, Button, Stack, Typography } from '@mui/material';
import { Link, useNotify, useTranslate } from 'react-admin';
import { qrCodeUrl, type Questionnaire } from '../api';

/** The public link and its QR code, to copy into a message or print for a counter. */
export const PublicLink = ({ questionnaire }: { questionnaire: Questionnaire }) => {
  const translate = useTranslate();
  const notify = useNotify();
  if (!questionnaire.publicUrl) return null;
  const url = questionnaire.publicUrl;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      notify('resources.questionnaires.public.copied', { type: 'success' });
    } catch {
      notify('resources.questionnaires.public.copyFailed', { type: 'warning' });
    }
  };
  return (
    <Stack
      direction={{ xs: 'column', sm: 'row' }}
      spacing={2}
      alignItems={{ sm: 'center' }}
      data-testid="public-link"
    >
      <Box
        component="img"
        src={qrCodeUrl(questionnaire.id)}
        alt={translate('resources.questionnaires.public.qrAlt', { url })}
        sx={{ width: 160, height: 160, border: 1, borderColor: 'divider', background: '#fff' }}
      />
      <Box>
        <Typography>{translate('resources.questionnaires.public.intro')}</Typography>
        <Typography
          component="p"
          sx={{ fontFamily: 'monospace', fontSize: '1.1rem', my: 1, wordBreak: 'break-all' }}
        >
          <a href={url} data-testid="public-url">
            {url}
          </a>
        </Typography>
        <Stack direction="row" spacing={1} className="no-print">
          <Button variant="outlined" startIcon={<ContentCopyIcon />} onClick={() => void copy()}>
            {translate('resources.questionnaires.public.copy')}
          </Button>
          <Button
            variant="outlined"
            startIcon={<PrintIcon />}
            component={Link}
            to={`/questionnaires/${questionnaire.id}/print`}
          >
            {translate('resources.questionnaires.public.poster')}
          </Button>
        </Stack>
      </Box>
    </Stack>
  );
};
