import { DEFAULT_LIFECYCLE_SETTINGS, ORGANIZATION_KINDS } from '@capacites/domain';
import { Box, Typography } from '@mui/material';
import {
  BooleanInput,
  NumberInput,
  SelectInput,
  TextInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import {
  BOOLEAN_SETTINGS,
  FRENCH_TIME_ZONES,
  formatDays,
  LIST_SETTINGS,
  parseDays,
  SETTING_KEYS,
  type SettingKey,
} from './settings';
import type { Organization } from './types';
import { CodirCycleSettings } from './CodirCycleSettings';

const KIND_CHOICES = ORGANIZATION_KINDS.map((kind) => ({
  id: kind,
  name: `resources.organizations.kinds.${kind}`,
}));

const label = (key: SettingKey) => `resources.organizations.fields.settings.${key}`;

const SettingInput = ({ setting }: { setting: SettingKey }) => {
  const translate = useTranslate();
  const fallback = DEFAULT_LIFECYCLE_SETTINGS[setting];
  const helperText = translate('resources.organizations.helpers.default', {
    value: Array.isArray(fallback) ? fallback.join(', ') : fallback,
  });
  const source = `customSettings.${setting}`;
  if (BOOLEAN_SETTINGS.includes(setting))
    return (
      <BooleanInput
        source={source}
        label={label(setting)}
        helperText={translate(`resources.organizations.helpers.default`, {
          value: translate(fallback ? 'ra.boolean.true' : 'ra.boolean.false'),
        })}
      />
    );
  if (LIST_SETTINGS.includes(setting))
    return (
      <TextInput
        source={source}
        label={label(setting)}
        format={formatDays}
        parse={parseDays}
        helperText={helperText}
      />
    );
  return <NumberInput source={source} label={label(setting)} helperText={helperText} min={0} />;
};

/** Name, kind, time zone, then the lifecycle settings (empty: the default applies). */
export const OrganizationFields = ({ creating = false }: { creating?: boolean }) => {
  const translate = useTranslate();
  const record = useRecordContext<Organization>();
  const zones: string[] = [...FRENCH_TIME_ZONES];
  if (record?.timeZone && !zones.includes(record.timeZone)) zones.push(record.timeZone);
  return (
    <Box sx={{ width: '100%', maxWidth: 900 }}>
      <Typography variant="h6" component="h2">
        {translate('resources.organizations.sections.identity')}
      </Typography>
      <TextInput source="name" fullWidth />
      {creating ? (
        <TextInput source="slug" helperText="resources.organizations.helpers.slug" />
      ) : (
        <TextInput source="slug" disabled helperText="resources.organizations.helpers.slug" />
      )}
      <SelectInput source="kind" choices={KIND_CHOICES} />
      <SelectInput
        source="timeZone"
        choices={zones.map((zone) => ({ id: zone, name: zone }))}
        translateChoice={false}
        helperText="resources.organizations.helpers.timeZone"
      />
      <Typography variant="h6" component="h2" sx={{ mt: 3 }}>
        {translate('resources.organizations.sections.settings')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('resources.organizations.helpers.settings')}
      </Typography>
      {/* One column: the labels are sentences, which two columns would cut. */}
      <Box sx={{ maxWidth: 720 }}>
        {SETTING_KEYS.map((setting) => (
          <SettingInput key={setting} setting={setting} />
        ))}
      </Box>
      <CodirCycleSettings />
    </Box>
  );
};
