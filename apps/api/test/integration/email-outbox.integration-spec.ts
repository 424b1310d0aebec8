import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { EmailEntity } from '@capacites/persistence';
// The worker's own services, as its activities run them (lint allows it in tests only).
import { loadWorkerConfig } from '../../../worker/src/config/worker.config';
import { NotifierService } from '../../../worker/src/notifications/notifier.service';
import { WorkerModule } from '../../../worker/src/worker.module';
import { insertTeam, type Team } from '../support/fixtures';
import { startSmtpCatcher } from '../support/smtp-catcher';
import { startStack, type TestStack } from '../support/stack';

const QUEUED = 200;
const FLUSHES = 10;

describe('The email outbox under concurrent flushes, against a real SMTP server', () => {
  let stack: TestStack;
  let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
  let team: Team;
  // Two worker processes' worth of services, each with its own connection pool.
  const workers: INestApplicationContext[] = [];

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    stack = await startStack({ worker: false, env: { SMTP_URL: smtp.url } });
    team = await insertTeam(stack.db);
    for (let i = 0; i < 2; i += 1) {
      const config = loadWorkerConfig({ ...stack.env, DATABASE_POOL_SIZE: '5', LOG_LEVEL: 'silent' });
      workers.push(
        await NestFactory.createApplicationContext(WorkerModule.forConfig(config), { logger: false }),
      );
    }
  });

  afterAll(async () => {
    for (const worker of workers) await worker.close();
    await stack?.close();
    await smtp?.close();
  });

  it('delivers each of 200 queued emails exactly once when 10 flushes run at once, and marks each sent', async () => {
    const organizationId = team.organization.id;
    // 200 emails waiting in the outbox, to 20 recipients (as after an expiry storm).
    const addresses = Array.from({ length: 20 }, (_, i) => `agent-${i}@outbox.test`);
    await stack.db.query(
      `INSERT INTO emails (notification_id, organization_id, to_address, subject, text, status)
       SELECT gen_random_uuid(), $1, ($2::text[])[1 + (g % 20)], 'Rappel ' || g, 'Corps ' || g, 'outbox'
         FROM generate_series(1, $3) AS g`,
      [organizationId, addresses, QUEUED],
    );
    const queued: { id: string }[] = await stack.db.query(
      `SELECT id FROM emails WHERE organization_id = $1`,
      [organizationId],
    );
    expect(queued).toHaveLength(QUEUED);

    await Promise.all(
      Array.from({ length: FLUSHES }, (_, i) =>
        workers[i % workers.length].get(NotifierService).deliver(organizationId, addresses),
      ),
    );

    // Counted on the SMTP server's side, by Message-ID: every email once, none twice.
    const received = new Map<string, number>();
    for (const email of smtp.emails) received.set(email.messageId, (received.get(email.messageId) ?? 0) + 1);
    const duplicates = [...received].filter(([, n]) => n > 1);
    expect(duplicates).toEqual([]);
    expect(smtp.emails).toHaveLength(QUEUED);
    expect([...received.keys()].sort()).toEqual(queued.map((e) => `<${e.id}@capacites>`).sort());

    const rows = await stack.db.getRepository(EmailEntity).findBy({ organizationId });
    expect(rows.filter((e) => e.status === 'sent' && e.sentAt !== null)).toHaveLength(QUEUED);
    const claims: { n: number }[] = await stack.db.query(
      `SELECT count(*)::int AS n FROM emails WHERE organization_id = $1 AND claim_token IS NOT NULL`,
      [organizationId],
    );
    expect(claims).toEqual([{ n: 0 }]);
  });

  it('leaves an email claimed by a flusher that died to the next flush once its lease has expired', async () => {
    const organizationId = team.organization.id;
    const address = `relance-${randomUUID().slice(0, 8)}@outbox.test`;
    const [email]: { id: string }[] = await stack.db.query(
      `INSERT INTO emails (notification_id, organization_id, to_address, subject, text, status, claim_token, claimed_until)
       VALUES (gen_random_uuid(), $1, $2, 'Rappel', 'Corps', 'outbox', gen_random_uuid(), now() + interval '1 hour')
       RETURNING id`,
      [organizationId, address],
    );
    const notifier = workers[0].get(NotifierService);
    await notifier.deliver(organizationId, [address]);
    expect(smtp.emails.filter((e) => e.to.includes(address))).toHaveLength(0);

    await stack.db.query(`UPDATE emails SET claimed_until = now() - interval '1 second' WHERE id = $1`, [
      email.id,
    ]);
    await notifier.deliver(organizationId, [address]);
    expect(smtp.emails.filter((e) => e.to.includes(address)).map((e) => e.messageId)).toEqual([
      `<${email.id}@capacites>`,
    ]);
  });
});
