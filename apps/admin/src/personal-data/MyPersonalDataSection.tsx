import { Box, Link, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { useLocale, useTranslate } from 'react-admin';
import {
  PERSONAL_DATA_SECTION_TITLES_EN,
  PERSONAL_DATA_SECTION_TITLES_FR,
  PERSONAL_DATA_SECTIONS,
} from '@capacites/domain';
import { hasAnyRole, usePrincipal } from '../access';
import { PERSONAL_DATA_REQUEST_PATH } from './i18n';
import { PersonalDataDownloads } from './PersonalDataDownloads';

/** "Mes données personnelles" on the profile: one's own export, and HR's way to a request. */
export const MyPersonalDataSection = () => {
  const translate = useTranslate();
  const locale = useLocale();
  const principal = usePrincipal();
  const titles = locale === 'en' ? PERSONAL_DATA_SECTION_TITLES_EN : PERSONAL_DATA_SECTION_TITLES_FR;
  return (
    <Box component="section" aria-labelledby="personal-data-title" sx={{ mt: 4 }}>
      <Typography id="personal-data-title" variant="h6" component="h2" gutterBottom>
        {translate('app.personalData.title')}
      </Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {translate('app.personalData.intro')}
      </Typography>
      <Box component="details" sx={{ mb: 2 }}>
        <Box component="summary" sx={{ cursor: 'pointer' }}>
          {translate('app.personalData.contents')}
        </Box>
        <Box component="ul" sx={{ columns: { sm: 2 }, mt: 1 }}>
          {PERSONAL_DATA_SECTIONS.map((section) => (
            <li key={section}>{titles[section]}</li>
          ))}
        </Box>
      </Box>
      <PersonalDataDownloads userId="me" />
      <Typography variant="body2" sx={{ mt: 1 }}>
        {translate('app.personalData.audited')}
      </Typography>
      {hasAnyRole(principal, ['hr', 'admin']) && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          <Link component={RouterLink} to={PERSONAL_DATA_REQUEST_PATH}>
            {translate('app.personalData.requestLink')}
          </Link>
        </Typography>
      )}
    </Box>
  );
};
