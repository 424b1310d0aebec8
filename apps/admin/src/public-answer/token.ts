/** Where this browser keeps its random token for one questionnaire (public audience). */
const key = (code: string) => `capacites.answer-token.${code}`;

/** 32 random bytes, base64url: crypto.getRandomValues works on plain HTTP too (randomUUID does not). */
function randomToken(): string {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/**
 * The per-browser token that stops double answers to a public questionnaire: drawn at
 * random, kept in this browser only, tied to nothing else. Without storage (private
 * browsing that refuses it), a token for this visit.
 */
export function browserToken(code: string, storage: Pick<Storage, 'getItem' | 'setItem'> | null): string {
  try {
    const kept = storage?.getItem(key(code));
    if (kept && /^[A-Za-z0-9_-]{16,128}$/.test(kept)) return kept;
    const token = randomToken();
    storage?.setItem(key(code), token);
    return token;
  } catch {
    return randomToken();
  }
}

/** Whether this browser already sent an answer to the questionnaire (kept beside the token). */
export const answeredKey = (code: string) => `capacites.answered.${code}`;
