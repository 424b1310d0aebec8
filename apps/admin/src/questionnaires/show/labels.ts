import type { QuestionResult } from '@capacites/domain';

type Translate = (key: string, options?: object) => string;

/** A distribution's value in words: scale ends with their labels, yes/no translated, options as written. */
export function distributionLabel(
  question: Pick<QuestionResult, 'kind'>,
  value: string,
  translate: Translate,
  ends?: { minLabel: string; maxLabel: string },
): string {
  if (question.kind === 'yesNo')
    return translate(`resources.questionnaires.results.${value === 'yes' ? 'yes' : 'no'}`);
  if (question.kind === 'scale' && ends) {
    if (value === '1' && ends.minLabel) return `1 — ${ends.minLabel}`;
    if (value === '5' && ends.maxLabel) return `5 — ${ends.maxLabel}`;
  }
  return value;
}

/** A mean of a 1–5 scale, French style (3,5 / 5). */
export const formatMean = (mean: number | null, locale: string): string =>
  mean === null ? '—' : `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(mean)} / 5`;

/** A rate 0–1 as a percentage. */
export const formatRate = (rate: number | null, locale: string): string =>
  rate === null
    ? '—'
    : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(rate);
