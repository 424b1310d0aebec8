import { TextInput, useTranslate } from 'react-admin';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const FRENCH_DAY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** "2026-03-12" → "12/03/2026"; anything else is shown as typed. */
export const isoToDay = (value: unknown): string => {
  if (typeof value !== 'string') return '';
  const match = ISO_DAY.exec(value);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : value;
};

/**
 * "12/03/2026" (or "1/3/2026") → "2026-03-12", the API's form. An ISO day is kept; an
 * unfinished or wrong entry is kept as typed, and the domain's schema names it invalid.
 */
export const dayToIso = (input: string): string => {
  const value = input.trim();
  const match = FRENCH_DAY.exec(value);
  return match ? `${match[3]}-${match[2].padStart(2, '0')}-${match[1].padStart(2, '0')}` : value;
};

interface DayInputProps {
  source: string;
  label?: string;
  /** A translation key, followed by the expected format. */
  helperText?: string;
  disabled?: boolean;
}

/**
 * A day typed as jj/mm/aaaa, whatever the browser: a native date input shows the
 * browser's own format (mm/dd/yyyy in a headless or English Chromium), which French
 * users misread. The form holds the API's YYYY-MM-DD.
 */
export const DayInput = ({ source, label, helperText, disabled }: DayInputProps) => {
  const translate = useTranslate();
  const format = translate('app.date.format');
  return (
    <TextInput
      source={source}
      label={label}
      disabled={disabled}
      format={isoToDay}
      parse={dayToIso}
      placeholder={translate('app.date.placeholder')}
      helperText={helperText ? `${translate(helperText)} ${format}` : format}
      InputLabelProps={{ shrink: true }}
      inputProps={{ inputMode: 'numeric', autoComplete: 'off' }}
      sx={{ maxWidth: 480 }}
    />
  );
};
