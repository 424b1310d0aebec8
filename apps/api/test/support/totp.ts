// The second factor in tests: enrols accounts through the API and produces their codes,
// as an authenticator app would, from the secret the enrolment showed.
import type { INestApplication } from '@nestjs/common';
import { Secret, TOTP } from 'otpauth';
import request from 'supertest';

interface Enrolled {
  secret: string;
  /** The last time step used: a code is accepted once, so each login takes a later one. */
  lastStep: number;
  recoveryCodes: string[];
}

const enrolled = new Map<string, Enrolled>();

const totpOf = (secret: string) =>
  new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });

/** A code of the account's second factor not used before (the server accepts a step ahead). */
export function nextTotpCode(email: string): string {
  const entry = enrolled.get(email.toLowerCase());
  if (!entry) throw new Error(`${email} has no second factor enrolled by the tests`);
  const now = Math.floor(Date.now() / 30_000);
  const step = Math.max(now - 1, entry.lastStep + 1);
  // More than three logins of one account within 30 s: a recovery code, as a person would.
  if (step > now + 1) {
    const code = entry.recoveryCodes.shift();
    if (!code) throw new Error(`${email}: no code left for this half-minute`);
    return code;
  }
  entry.lastStep = step;
  return totpOf(entry.secret).generate({ timestamp: step * 30_000 });
}

/** Enrols the bearer's account (what a platform admin must do first); remembers its secret. */
export async function enrolTotp(app: INestApplication, email: string, token: string): Promise<void> {
  const server = app.getHttpServer();
  const start = await request(server).post('/api/auth/totp/enrol').set('Authorization', `Bearer ${token}`);
  if (start.status !== 200)
    throw new Error(`enrolment of ${email}: ${start.status} ${JSON.stringify(start.body)}`);
  const secret = start.body.secret as string;
  const now = Math.floor(Date.now() / 30_000);
  const code = totpOf(secret).generate({ timestamp: now * 30_000 });
  const confirm = await request(server)
    .post('/api/auth/totp/confirm')
    .set('Authorization', `Bearer ${token}`)
    .send({ code });
  if (confirm.status !== 200)
    throw new Error(`confirmation of ${email}: ${confirm.status} ${JSON.stringify(confirm.body)}`);
  enrolled.set(email.toLowerCase(), { secret, lastStep: now, recoveryCodes: confirm.body.recoveryCodes });
}

export function hasEnrolledTotp(email: string): boolean {
  return enrolled.has(email.toLowerCase());
}
