// The short code of a public questionnaire's link: `${PUBLIC_URL}/q/<code>`. No zod, no I/O.

/** Lower-case letters and digits without the look-alikes (0 o 1 l i), easy to type from paper. */
export const PUBLIC_CODE_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';
/** 10 characters of 31: about 49 bits, not guessable by trying (answers are rate-limited too). */
export const PUBLIC_CODE_LENGTH = 10;
export const PUBLIC_CODE_PATTERN = /^[23456789abcdefghjkmnpqrstuvwxyz]{10}$/;

/** The path of the public answer page, served by the back-office. */
export const publicQuestionnairePath = (code: string): string => `/q/${code}`;

/** A code from random bytes (the caller draws them: crypto in Node, nothing here). */
export function publicCodeFrom(bytes: ArrayLike<number>): string {
  let code = '';
  for (let i = 0; i < PUBLIC_CODE_LENGTH; i += 1) {
    // 256 is not a multiple of 31: the slight bias is harmless for an unguessable link.
    code += PUBLIC_CODE_ALPHABET[(bytes[i] ?? 0) % PUBLIC_CODE_ALPHABET.length];
  }
  return code;
}

/** The back-office route where a participant answers (the notification's link). */
export const participantAnswerPath = (questionnaireId: string): string =>
  `/#/questionnaires/${questionnaireId}/answer`;
