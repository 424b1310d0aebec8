import {
  CONSENT_METHOD_LABELS_FR,
  OUTCOME_LABELS_FR,
  PERSONAL_DATA_FIELD_LABELS_FR,
  PERSONAL_DATA_VALUE_LABELS_FR,
  STATE_LABELS_FR,
  VERDICT_LABELS_FR,
} from '@capacites/domain';

/**
 * How the readable renderings (PDF, HTML) show a record's values, in French: instants in the
 * organisation's time zone, roles and states in words, nested values as nested lists. Nothing
 * is shortened: a long text is shown whole.
 */
export type Line = { label: string; value: string; depth: number };

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function fieldLabel(key: string): string {
  return PERSONAL_DATA_FIELD_LABELS_FR[key] ?? key;
}

export function formatInstant(value: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('fr-FR', { timeZone, dateStyle: 'long', timeStyle: 'short' }).format(value);
}

function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', dateStyle: 'long' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

const LABELLED: Record<string, Record<string, string>> = {
  state: STATE_LABELS_FR,
  fromState: STATE_LABELS_FR,
  toState: STATE_LABELS_FR,
  verdict: VERDICT_LABELS_FR,
  outcome: OUTCOME_LABELS_FR,
  role: PERSONAL_DATA_VALUE_LABELS_FR,
  roles: PERSONAL_DATA_VALUE_LABELS_FR,
  relation: PERSONAL_DATA_VALUE_LABELS_FR,
  method: CONSENT_METHOD_LABELS_FR,
};

/** A scalar in words; null when the value is an object or a list (shown as nested lines). */
export function scalarText(key: string, value: unknown, timeZone: string): string | null {
  if (value === null || value === undefined || value === '') return '—';
  if (value instanceof Date) return formatInstant(value, timeZone);
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'string') {
    const words = LABELLED[key]?.[value];
    if (words) return words;
    if (INSTANT.test(value)) {
      const date = new Date(value);
      if (!Number.isNaN(date.getTime())) return formatInstant(date, timeZone);
    }
    if (DAY.test(value)) return formatDay(value);
    return value;
  }
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) {
    if (value.length === 0) return '—';
    return value.map((v) => scalarText(key, v, timeZone) ?? '').join(', ');
  }
  return null;
}

/** A record as lines (label, value, depth), nested objects and lists indented below their key. */
export function recordLines(record: Record<string, unknown>, timeZone: string, depth = 0): Line[] {
  const lines: Line[] = [];
  for (const [key, value] of Object.entries(record)) {
    const text = scalarText(key, value, timeZone);
    if (text !== null) {
      lines.push({ label: fieldLabel(key), value: text, depth });
      continue;
    }
    lines.push({ label: fieldLabel(key), value: '', depth });
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        const itemText = scalarText(key, item, timeZone);
        if (itemText !== null) lines.push({ label: `${i + 1}`, value: itemText, depth: depth + 1 });
        else {
          lines.push({ label: `${i + 1}`, value: '', depth: depth + 1 });
          lines.push(...recordLines(item as Record<string, unknown>, timeZone, depth + 2));
        }
      });
    } else lines.push(...recordLines(value as Record<string, unknown>, timeZone, depth + 1));
  }
  return lines;
}
