import polyglotI18nProvider from 'ra-i18n-polyglot';
import { frMessages } from './fr';

export type AppLocale = 'fr' | 'en';

/**
 * French first; English is offered by the locale picker in the app bar. English is
 * fetched when picked: its messages (and react-admin's) stay out of the first screen's
 * JavaScript, which the benchmarks keep under 400 kB gzip.
 */
export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'en' ? import('./en').then((module) => module.enMessages) : frMessages),
  'fr',
  [
    { locale: 'fr', name: 'Français' },
    { locale: 'en', name: 'English' },
  ],
);

/** The BCP 47 tag used to format dates and numbers in a given UI locale. */
export const formattingLocale = (locale: string): string => (locale === 'en' ? 'en-GB' : 'fr-FR');
