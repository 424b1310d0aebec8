import DownloadIcon from '@mui/icons-material/GetApp';
import { Alert, Button, Stack } from '@mui/material';
import { useState, type MouseEvent } from 'react';
import { HttpError, useLocale, useTranslate } from 'react-admin';
import { PERSONAL_DATA_FORMATS, type PersonalDataFormat } from '@capacites/domain';
import { API_URL } from '../dataProvider';
import { apiErrorMessage } from '../dataProvider/errors';

/** The API path of a person's export: one's own, or a member's for a request by mail. */
export const personalDataPath = (userId: 'me' | string, format: PersonalDataFormat): string =>
  `${API_URL}${userId === 'me' ? '/me' : `/users/${encodeURIComponent(userId)}`}/personal-data?format=${format}`;

const fileNameOf = (disposition: string | null): string =>
  /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? 'capacites-donnees-personnelles.pdf';

/**
 * One download link per format. JSON and HTML: the browser streams the file to disk (no size
 * limit, nothing held by the page). The PDF is bounded and may be refused (too many records, too
 * many waiting): it is fetched first, so that a refusal is said here, in the user's language,
 * instead of a broken download; the file is then handed to the browser.
 */
export const PersonalDataDownloads = ({ userId }: { userId: 'me' | string }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const [preparing, setPreparing] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const downloadPdf = async () => {
    setRefusal(null);
    setPreparing(true);
    try {
      const response = await fetch(personalDataPath(userId, 'pdf'), { credentials: 'same-origin' });
      if (!response.ok) {
        const body: unknown = await response.json().catch(() => undefined);
        setRefusal(apiErrorMessage(new HttpError('', response.status, body), translate, locale));
        return;
      }
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = fileNameOf(response.headers.get('Content-Disposition'));
      document.body.appendChild(link);
      link.click();
      link.remove();
      URL.revokeObjectURL(url);
    } catch (error) {
      setRefusal(apiErrorMessage(error, translate, locale));
    } finally {
      setPreparing(false);
    }
  };

  return (
    <Stack spacing={1}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ flexWrap: 'wrap' }}>
        {PERSONAL_DATA_FORMATS.map((format) => (
          <Button
            key={format}
            component="a"
            href={personalDataPath(userId, format)}
            download
            variant={format === 'json' ? 'contained' : 'outlined'}
            startIcon={<DownloadIcon aria-hidden />}
            {...(format === 'pdf'
              ? {
                  onClick: (event: MouseEvent) => {
                    event.preventDefault();
                    if (!preparing) void downloadPdf();
                  },
                  'aria-busy': preparing,
                }
              : {})}
          >
            {translate(format === 'pdf' && preparing ? 'app.personalData.pdfPreparing' : `app.personalData.${format}`)}
          </Button>
        ))}
      </Stack>
      {refusal && (
        <Alert severity="warning" role="alert">
          {refusal}
        </Alert>
      )}
    </Stack>
  );
};
