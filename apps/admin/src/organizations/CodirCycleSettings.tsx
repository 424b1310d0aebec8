import { DIGEST_RECIPIENT_ROLES, DIGEST_RHYTHMS, WORKING_DAY_DURATIONS } from '@capacites/domain';
import { Box, Typography } from '@mui/material';
import { CheckboxGroupInput, NumberInput, SelectInput, TextInput, useTranslate } from 'react-admin';

const t = 'app.codirCycle';

/**
 * The organisation's calendar (département, durations in working days) and its digest
 * (rhythm, day, hour, recipients): issue 15, items 1 and 5. Empty fields keep the defaults.
 */
export const CodirCycleSettings = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ maxWidth: 720 }}>
      <Typography variant="h6" component="h2" sx={{ mt: 3 }}>
        {translate(`${t}.sections.calendar`)}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate(`${t}.helpers.calendar`)}
      </Typography>
      <TextInput
        source="customSettings.departement"
        label={`${t}.fields.departement`}
        helperText={`${t}.helpers.departement`}
        parse={(value: string) => (value ? value.trim().toUpperCase() : null)}
      />
      <CheckboxGroupInput
        source="customSettings.workingDayDurations"
        label={`${t}.fields.workingDayDurations`}
        helperText={`${t}.helpers.workingDayDurations`}
        choices={WORKING_DAY_DURATIONS.map((id) => ({ id, name: `${t}.durations.${id}` }))}
        row={false}
      />
      <Typography variant="h6" component="h2" sx={{ mt: 3 }}>
        {translate(`${t}.sections.digest`)}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate(`${t}.helpers.digest`)}
      </Typography>
      <SelectInput
        source="customDigest.rhythm"
        label={`${t}.fields.rhythm`}
        choices={DIGEST_RHYTHMS.map((id) => ({ id, name: `${t}.rhythms.${id}` }))}
        emptyText={`${t}.rhythms.weekly`}
      />
      <SelectInput
        source="customDigest.weekday"
        label={`${t}.fields.weekday`}
        choices={[1, 2, 3, 4, 5].map((id) => ({ id, name: `${t}.weekdays.${id}` }))}
        emptyText={`${t}.weekdays.1`}
      />
      <NumberInput source="customDigest.hour" label={`${t}.fields.hour`} min={6} max={20} />
      <CheckboxGroupInput
        source="customDigest.recipients"
        label={`${t}.fields.recipients`}
        choices={DIGEST_RECIPIENT_ROLES.map((id) => ({ id, name: `${t}.recipients.${id}` }))}
        row={false}
      />
    </Box>
  );
};
