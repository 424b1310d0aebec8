import PrintIcon from '@mui/icons-material/Print';
import { Alert, Box, Button, CircularProgress, GlobalStyles, Stack, Typography } from '@mui/material';
import { useParams } from 'react-router-dom';
import { Link, Title, useGetOne, useTranslate } from 'react-admin';
import { TAPE_COLORS, TAPE_STRIPES } from '../../experiments/show/TestTape';
import { useOrganizationDateFormat } from '../../organizations';
import { qrCodeUrl, type Questionnaire } from '../api';

// On paper only the poster, on one A4 page, colours kept.
const printStyles = (
  <GlobalStyles
    styles={{
      '@media print': {
        '@page': { size: 'A4', margin: '12mm' },
        'body *': { visibility: 'hidden' },
        '.capacites-poster, .capacites-poster *': { visibility: 'visible' },
        '.capacites-poster': {
          position: 'fixed',
          inset: 0,
          printColorAdjust: 'exact',
          WebkitPrintColorAdjust: 'exact',
        },
      },
    }}
  />
);

/**
 * The printable poster of a public questionnaire (a counter, a crèche's entrance): its
 * title, the QR code, the short link written out, the closing day, and that it is anonymous.
 */
export const QuestionnairePoster = () => {
  const translate = useTranslate();
  const { id = '' } = useParams();
  const { data, error, isPending } = useGetOne<Questionnaire>('questionnaires', { id }, { retry: false });
  // The closing day in the organisation's time zone.
  const format = useOrganizationDateFormat(data?.organizationId);
  const p = (key: string, options?: object) => translate(`resources.questionnaires.poster.${key}`, options);
  if (isPending) return <CircularProgress aria-hidden={false} aria-label={translate('ra.page.loading')} />;
  if (error || !data) return <Alert severity="error">{translate('ra.notification.item_doesnt_exist')}</Alert>;
  if (!data.publicUrl)
    return (
      <Alert severity="info" sx={{ m: 2 }}>
        {p('notPublic')}
      </Alert>
    );
  const closes = data.closesAt ? format(data.closesAt) : null;
  return (
    <Box sx={{ p: 2 }}>
      <Title title={p('title')} />
      {printStyles}
      <Stack direction="row" spacing={1} sx={{ mb: 2 }} className="no-print">
        <Button component={Link} to={`/questionnaires/${data.id}/show`} variant="outlined">
          {p('back')}
        </Button>
        <Button startIcon={<PrintIcon />} variant="contained" onClick={() => window.print()}>
          {p('print')}
        </Button>
      </Stack>
      <Box
        className="capacites-poster"
        data-testid="questionnaire-poster"
        sx={{
          maxWidth: 720,
          mx: 'auto',
          border: 1,
          borderColor: 'divider',
          background: '#fff',
          color: '#1a1a1a',
        }}
      >
        <Box sx={{ background: TAPE_STRIPES, py: 0.75 }}>
          <Typography
            sx={{
              background: TAPE_COLORS.background,
              color: TAPE_COLORS.text,
              width: 'fit-content',
              mx: 'auto',
              px: 2,
              fontWeight: 700,
              textTransform: 'uppercase',
            }}
          >
            {p('tape')}
          </Typography>
        </Box>
        <Box sx={{ p: 4, textAlign: 'center' }}>
          <Typography variant="h4" component="h1" sx={{ fontWeight: 700 }}>
            {p('headline')}
          </Typography>
          <Typography variant="h5" component="p" sx={{ mt: 1 }}>
            {data.title}
          </Typography>
          <Box
            component="img"
            src={qrCodeUrl(data.id)}
            alt={translate('resources.questionnaires.public.qrAlt', { url: data.publicUrl })}
            sx={{ width: 320, height: 320, my: 3 }}
          />
          <Typography sx={{ fontSize: '1.25rem' }}>{p('orType')}</Typography>
          <Typography
            sx={{ fontFamily: 'monospace', fontSize: '1.5rem', fontWeight: 700, wordBreak: 'break-all' }}
          >
            {data.publicUrl.replace(/^https?:\/\//, '')}
          </Typography>
          {closes ? <Typography sx={{ mt: 2 }}>{p('until', { date: closes })}</Typography> : null}
          <Typography sx={{ mt: 2 }}>{p('anonymous')}</Typography>
        </Box>
      </Box>
    </Box>
  );
};
