import { isCommonPassword } from '../password/common-passwords';
import { passwordSchema } from '../organization/administration';

describe('isCommonPassword', () => {
  it('knows the most common passwords, whatever their case', () => {
    expect(isCommonPassword('123456')).toBe(true);
    expect(isCommonPassword('password1234')).toBe(true);
    expect(isCommonPassword('Qwerty123456')).toBe(true);
    expect(isCommonPassword('AZERTY')).toBe(true);
  });

  it('lets a rare passphrase through', () => {
    expect(isCommonPassword('cheval-agrafe-batterie-correcte')).toBe(false);
  });
});

describe('passwordSchema', () => {
  it('refuses a common password even when it is long enough', () => {
    const result = passwordSchema.safeParse('qwerty123456');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/most common passwords/);
    expect(passwordSchema.safeParse('cheval-agrafe-batterie').success).toBe(true);
  });
});
