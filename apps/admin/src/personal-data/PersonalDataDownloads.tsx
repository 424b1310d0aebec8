import DownloadIcon from '@mui/icons-material/GetApp';
import { Button, Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import { PERSONAL_DATA_FORMATS, type PersonalDataFormat } from '@capacites/domain';
import { API_URL } from '../dataProvider';

/** The API path of a person's export: one's own, or a member's for a request by mail. */
export const personalDataPath = (userId: 'me' | string, format: PersonalDataFormat): string =>
  `${API_URL}${userId === 'me' ? '/me' : `/users/${encodeURIComponent(userId)}`}/personal-data?format=${format}`;

/**
 * One plain download link per format: the browser streams the file to disk (no size limit,
 * nothing held by the page), and a keyboard or screen-reader user gets ordinary links.
 */
export const PersonalDataDownloads = ({ userId }: { userId: 'me' | string }) => {
  const translate = useTranslate();
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ flexWrap: 'wrap' }}>
      {PERSONAL_DATA_FORMATS.map((format) => (
        <Button
          key={format}
          component="a"
          href={personalDataPath(userId, format)}
          download
          variant={format === 'json' ? 'contained' : 'outlined'}
          startIcon={<DownloadIcon aria-hidden />}
        >
          {translate(`app.personalData.${format}`)}
        </Button>
      ))}
    </Stack>
  );
};
