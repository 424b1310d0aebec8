import { Alert, Autocomplete, Card, CardContent, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useGetList, useGetOne, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { hasAnyRole, usePrincipal } from '../access';
import { PersonalDataDownloads } from './PersonalDataDownloads';

interface Person {
  id: string;
  displayName: string;
  email: string;
}

/**
 * An access request received by mail (HR for its organisation's members, the platform admin
 * for anyone): the person, then the format. The API decides who may; this page only offers.
 */
export const PersonalDataRequestPage = () => {
  const translate = useTranslate();
  const principal = usePrincipal();
  const [params] = useSearchParams();
  const preset = params.get('userId');
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<Person | null>(null);
  const allowed = hasAnyRole(principal, ['hr', 'admin']);
  const { data: presetPerson } = useGetOne<Person>(
    'users',
    { id: preset ?? '' },
    { enabled: allowed && !!preset },
  );
  const { data: people = [], isPending } = useGetList<Person>(
    'users',
    {
      filter: search.trim() ? { q: search.trim() } : {},
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'displayName', order: 'ASC' },
    },
    { enabled: allowed },
  );
  const person = chosen ?? presetPerson ?? null;
  const t = (key: string, options?: Record<string, unknown>) =>
    translate(`app.personalData.request.${key}`, options);
  if (!principal) return null;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={t('title')} />
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          {t('title')}
        </Typography>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {t('intro')}
        </Typography>
        {!allowed ? (
          <Alert severity="warning">{t('forbidden')}</Alert>
        ) : (
          <>
            <Autocomplete<Person>
              id="personal-data-person"
              options={people}
              loading={isPending}
              value={person}
              onChange={(_event, value) => setChosen(value)}
              onInputChange={(_event, value, reason) => reason === 'input' && setSearch(value)}
              getOptionLabel={(option) => `${option.displayName} (${option.email})`}
              isOptionEqualToValue={(a, b) => a.id === b.id}
              filterOptions={(options) => options}
              noOptionsText={t('noOptions')}
              sx={{ maxWidth: 520, mb: 2 }}
              renderInput={(props) => (
                <TextField {...props} label={t('person')} helperText={t('personHelp')} />
              )}
            />
            {person ? (
              <section aria-labelledby="personal-data-downloads">
                <Typography id="personal-data-downloads" variant="h6" component="h2" gutterBottom>
                  {t('downloadsFor', { name: person.displayName })}
                </Typography>
                <PersonalDataDownloads userId={person.id} />
                <Typography variant="body2" sx={{ mt: 1 }}>
                  {translate('app.personalData.audited')}
                </Typography>
              </section>
            ) : (
              <Typography variant="body2">{t('choose')}</Typography>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
};
