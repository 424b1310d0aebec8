import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Secret, TOTP } from 'otpauth';
import { DataSource, type EntityManager } from 'typeorm';
import { secretContext, type DataCipher } from '@capacites/config';
import { isPlatformAdmin, type Principal } from '@capacites/domain';
import { UserEntity } from '@capacites/persistence';
import { recordAdminEvent } from '../common/admin-audit';
import { DATA_CIPHER } from '../security/data-cipher';
import { AuthErrorCode, AuthException } from './auth.exception';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

const PERIOD_SECONDS = 30;
const RECOVERY_CODES = 10;
const ISSUER = 'Capacités';

export interface TotpEnrolment {
  /** The secret, base32, to type into an authenticator app; shown this once. */
  secret: string;
  /** The same as an otpauth:// URI (what a QR code would hold). */
  uri: string;
}

const totpOf = (secret: string, label: string) =>
  new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });

/** A recovery code as shown: 10 base32 characters in two groups (50 bits). */
function newRecoveryCode(): string {
  const raw = new Secret({ size: 10 }).base32.slice(0, 10).toLowerCase();
  return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}

const normaliseRecoveryCode = (code: string) => code.trim().toLowerCase().replace(/[\s-]/g, '');

/**
 * TOTP second factor (RFC 6238, otpauth): enrolment shows a secret once and is confirmed
 * by a code; a code is accepted once (the time step of the last accepted one is kept);
 * ten single-use recovery codes, stored hashed, replace a lost device. Platform admins
 * must have it: they cannot turn it off. The secrets (pending and enabled) are encrypted at
 * rest with the data keys, each bound to its user and column.
 */
@Injectable()
export class TotpService {
  private readonly logger = new Logger('Auth');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DATA_CIPHER) private readonly cipher: DataCipher,
  ) {}

  async isEnabled(userId: string): Promise<boolean> {
    const user = await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: userId });
    return user.totpEnabledAt !== null;
  }

  /** Starts (or restarts) an enrolment: a new secret, kept pending until confirmed. */
  async enrol(user: { userId: string; email: string }): Promise<TotpEnrolment> {
    if (await this.isEnabled(user.userId)) throw new AuthException(AuthErrorCode.TOTP_ALREADY_ENABLED);
    const secret = new Secret({ size: 20 }).base32;
    await this.dataSource
      .getRepository(UserEntity)
      .update(
        { id: user.userId },
        { totpPendingSecret: this.cipher.encrypt(secret, secretContext('users', 'totp_pending_secret', user.userId)) },
      );
    return { secret, uri: totpOf(secret, user.email).toString() };
  }

  /** Confirms the enrolment with a code of the pending secret; answers the recovery codes, once. */
  async confirm(user: { userId: string }, code: string): Promise<{ recoveryCodes: string[] }> {
    const row = await this.withSecrets(user.userId);
    if (row.totpEnabledAt) throw new AuthException(AuthErrorCode.TOTP_ALREADY_ENABLED);
    const pendingSecret = row.totpPendingSecret;
    if (!pendingSecret) throw new AuthException(AuthErrorCode.TOTP_NOT_ENABLED);
    const step = this.matchingStep(pendingSecret, row.email, code);
    if (step === null) throw new AuthException(AuthErrorCode.TOTP_INVALID);
    const recoveryCodes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(
        UserEntity,
        { id: user.userId },
        {
          totpSecret: this.cipher.encrypt(pendingSecret, secretContext('users', 'totp_secret', user.userId)),
          totpPendingSecret: null,
          totpEnabledAt: new Date(),
          totpLastStep: String(step),
        },
      );
      await manager.query(`DELETE FROM recovery_codes WHERE user_id = $1`, [user.userId]);
      await manager.query(`INSERT INTO recovery_codes (user_id, code_hash) SELECT $1, unnest($2::text[])`, [
        user.userId,
        recoveryCodes.map((c) => sha256(normaliseRecoveryCode(c))),
      ]);
      await this.audit(manager, user.userId, 'user.totpEnabled', {});
    });
    this.logger.log(JSON.stringify({ event: 'totp_enabled', userId: user.userId }));
    return { recoveryCodes };
  }

  /** Turns the second factor off, with a current code (or a recovery code). Not for platform admins. */
  async disable(principal: Principal & { userId: string }, code: string): Promise<void> {
    if (isPlatformAdmin(principal)) throw new AuthException(AuthErrorCode.TOTP_REQUIRED_FOR_ADMIN);
    if (!(await this.isEnabled(principal.userId))) throw new AuthException(AuthErrorCode.TOTP_NOT_ENABLED);
    if (!(await this.verify(principal.userId, code))) throw new AuthException(AuthErrorCode.TOTP_INVALID);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(
        UserEntity,
        { id: principal.userId },
        { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null },
      );
      await manager.query(`DELETE FROM recovery_codes WHERE user_id = $1`, [principal.userId]);
      await this.audit(manager, principal.userId, 'user.totpDisabled', {});
    });
    this.logger.log(JSON.stringify({ event: 'totp_disabled', userId: principal.userId }));
  }

  /**
   * Checks a code of the user's second factor: a TOTP code not used before (its time step
   * is recorded atomically, so the same code twice, even at once, passes once), or an
   * unused recovery code (then spent, and audited).
   */
  async verify(userId: string, code: string): Promise<boolean> {
    const row = await this.withSecrets(userId);
    if (!row.totpSecret) return false;
    const trimmed = code.trim();
    if (/^\d{6}$/.test(trimmed)) {
      const step = this.matchingStep(row.totpSecret, row.email, trimmed);
      if (step === null) return false;
      const result = await this.dataSource
        .createQueryBuilder()
        .update(UserEntity)
        .set({ totpLastStep: String(step) })
        .where('id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)', { id: userId, step })
        .execute();
      return result.affected === 1;
    }
    return this.dataSource.transaction(async (manager) => {
      const used: unknown[] = await manager.query(
        `UPDATE recovery_codes SET used_at = now()
          WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id`,
        [userId, sha256(normaliseRecoveryCode(trimmed))],
      );
      // node-postgres answers [rows, count] for an UPDATE … RETURNING through TypeORM.
      const rows = Array.isArray(used[0]) ? (used[0] as unknown[]) : used;
      if (rows.length === 0) return false;
      const left: { count: string }[] = await manager.query(
        `SELECT count(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL`,
        [userId],
      );
      await this.audit(manager, userId, 'user.recoveryCodeUsed', { left: Number(left[0]?.count ?? 0) });
      return true;
    });
  }

  /** The time step a code belongs to (one step of clock drift either way), or null. */
  private matchingStep(secret: string, label: string, code: string): number | null {
    if (!/^\d{6}$/.test(code.trim())) return null;
    const now = Date.now();
    const delta = totpOf(secret, label).validate({ token: code.trim(), timestamp: now, window: 1 });
    return delta === null ? null : Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
  }

  /** The user with their second factor's secrets in clear (decrypted; a value still in clear as it is). */
  private async withSecrets(userId: string): Promise<UserEntity> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect(['u.totpSecret', 'u.totpPendingSecret', 'u.totpLastStep'])
      .where('u.id = :id', { id: userId })
      .getOneOrFail();
    user.totpSecret = this.cipher.decryptNullable(user.totpSecret, secretContext('users', 'totp_secret', userId));
    user.totpPendingSecret = this.cipher.decryptNullable(
      user.totpPendingSecret,
      secretContext('users', 'totp_pending_secret', userId),
    );
    return user;
  }

  private audit(manager: EntityManager, userId: string, event: string, details: Record<string, unknown>) {
    return recordAdminEvent(manager, {
      organizationId: null,
      event,
      actorId: userId,
      details: { userId, ...details },
    });
  }
}

/** A fresh opaque token and its hash (pending logins). */
export function newOpaqueToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: sha256(token) };
}

export { sha256 };
