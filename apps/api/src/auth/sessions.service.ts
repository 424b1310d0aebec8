import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hash, verify } from 'argon2';
import { DataSource, IsNull } from 'typeorm';
import { MembershipEntity, SessionEntity, UserEntity } from '@capacites/persistence';
import { API_CONFIG, type ApiConfig } from '../config/api.config';
import { AuthErrorCode, AuthException } from './auth.exception';
import type { AuthUser } from './auth-user';

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** Sessions: opaque random tokens, stored hashed, with an idle timeout and an absolute lifetime. */
@Injectable()
export class SessionsService {
  private readonly logger = new Logger('Auth');
  // A constant hash to verify against when the email is unknown, so that timing says nothing.
  private readonly decoy = hash('capacites-decoy-password');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async login(
    email: string,
    password: string,
    from: string,
  ): Promise<{ token: string; user: AuthUser; expiresAt: Date }> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = lower(:email)', { email })
      .getOne();
    const valid = user?.passwordHash
      ? await verify(user.passwordHash, password)
      : await verify(await this.decoy, password).then(() => false);
    if (!user || !valid) {
      this.logger.warn(JSON.stringify({ event: 'login_failed', from }));
      throw new AuthException(AuthErrorCode.BAD_CREDENTIALS);
    }
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.config.SESSION_MAX_HOURS * 3_600_000);
    const session = await this.dataSource
      .getRepository(SessionEntity)
      .save({ tokenHash: sha256(token), userId: user.id, lastSeenAt: now, expiresAt, revokedAt: null });
    this.logger.log(JSON.stringify({ event: 'login', userId: user.id, sessionId: session.id, from }));
    return { token, user: await this.toAuthUser(user, session.id), expiresAt };
  }

  /** The user of a valid session, or null; refreshes the idle timer. */
  async authenticate(token: string): Promise<AuthUser | null> {
    const session = await this.dataSource
      .getRepository(SessionEntity)
      .findOne({ where: { tokenHash: sha256(token), revokedAt: IsNull() }, relations: { user: true } });
    if (!session?.user) return null;
    const now = Date.now();
    const idleLimit = session.lastSeenAt.getTime() + this.config.SESSION_IDLE_MINUTES * 60_000;
    if (now > session.expiresAt.getTime() || now > idleLimit) return null;
    // Write at most once a minute per session.
    if (now - session.lastSeenAt.getTime() > 60_000) {
      await this.dataSource
        .getRepository(SessionEntity)
        .update({ id: session.id }, { lastSeenAt: new Date(now) });
    }
    return this.toAuthUser(session.user, session.id);
  }

  async logout(sessionId: string): Promise<void> {
    await this.dataSource
      .getRepository(SessionEntity)
      .update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
    this.logger.log(JSON.stringify({ event: 'logout', sessionId }));
  }

  /** Changes the password and revokes every session of the user, this one included. */
  async changePassword(user: AuthUser, currentPassword: string, newPassword: string): Promise<void> {
    const row = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: user.userId })
      .getOneOrFail();
    if (!row.passwordHash || !(await verify(row.passwordHash, currentPassword))) {
      throw new AuthException(AuthErrorCode.WRONG_PASSWORD);
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.update(UserEntity, { id: user.userId }, { passwordHash: await hash(newPassword) });
      await manager.update(
        SessionEntity,
        { userId: user.userId, revokedAt: IsNull() },
        { revokedAt: new Date() },
      );
    });
    this.logger.log(JSON.stringify({ event: 'password_changed', userId: user.userId }));
  }

  private async toAuthUser(user: UserEntity, sessionId: string): Promise<AuthUser> {
    const memberships = await this.dataSource.getRepository(MembershipEntity).findBy({ userId: user.id });
    return {
      userId: user.id,
      email: user.email,
      displayName: user.displayName,
      sessionId,
      memberships: memberships.map((m) => ({ organizationId: m.organizationId, role: m.role })),
    };
  }
}
