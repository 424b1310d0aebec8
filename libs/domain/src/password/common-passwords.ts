import { dictionary } from '@zxcvbn-ts/language-common';

let common: ReadonlySet<string> | null = null;

/**
 * Whether a password is among the most common ones (zxcvbn-ts's `passwords-common` list,
 * about 49,000 entries from leaked-password corpora, shipped in the package: no network).
 * Compared case-insensitively, as the list is lower-case and "Azerty123" is no better
 * than "azerty123". The set is built on first use, so bundles that never call it (the
 * workflows, most of the back-office) drop the list.
 */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary['passwords-common'].map((entry) => String(entry).toLowerCase()));
  return common.has(password.toLowerCase());
}
