import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { TranslationMessages } from 'react-admin';
import { enMessages } from './en';
import { frMessages } from './fr';

export type AppLocale = 'fr' | 'en';

const messages: Record<AppLocale, TranslationMessages> = { fr: frMessages, en: enMessages };

const isAppLocale = (locale: string): locale is AppLocale => locale in messages;

/** French first; English is offered by the locale picker in the app bar. */
export const i18nProvider = polyglotI18nProvider(
  (locale) => messages[isAppLocale(locale) ? locale : 'fr'],
  'fr',
  [
    { locale: 'fr', name: 'Français' },
    { locale: 'en', name: 'English' },
  ],
);

/** The BCP 47 tag used to format dates and numbers in a given UI locale. */
export const formattingLocale = (locale: string): string => (locale === 'en' ? 'en-GB' : 'fr-FR');
