import { useEffect } from 'react';
import { useLocaleState } from 'react-admin';

/**
 * Keeps `<html lang>` on the UI's language (RGAA 8.3): screen readers then read French
 * with a French voice, and switch when the user picks English.
 */
export const DocumentLang = () => {
  const [locale] = useLocaleState();
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return null;
};
