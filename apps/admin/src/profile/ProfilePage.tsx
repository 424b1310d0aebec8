import { Card, CardContent, Typography } from '@mui/material';
import { Title, useGetIdentity, useTranslate } from 'react-admin';
import { TotpSection } from './TotpSection';
import { CalendarSubscriptionSection } from '../calendar/CalendarSubscriptionSection';
import { DigestPreferenceSection } from '../digest/DigestPreferenceSection';
import { MyPersonalDataSection } from '../personal-data/MyPersonalDataSection';

/** "Mon compte": one's own account and its second factor. */
export const ProfilePage = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('app.profile.title')} />
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          {translate('app.profile.title')}
        </Typography>
        {identity?.fullName && (
          <Typography variant="body1" sx={{ mb: 3 }}>
            {identity.fullName}
          </Typography>
        )}
        <TotpSection />
        <DigestPreferenceSection />
        <CalendarSubscriptionSection />
        <MyPersonalDataSection />
      </CardContent>
    </Card>
  );
};
