import { useLocaleState, useNotify, useTranslate } from 'react-admin';
import { apiErrorMessage } from '../dataProvider/errors';

/** A form's onError: the API's refusal in the user's words when we know its code (SELF_LOCKOUT…). */
export function useApiErrorNotify() {
  const notify = useNotify();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (error: unknown) => notify(apiErrorMessage(error, translate, locale), { type: 'error' });
}
