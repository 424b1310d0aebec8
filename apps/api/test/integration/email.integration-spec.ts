import { EmailEntity, NotificationEntity, UserEntity } from '@capacites/persistence';
import { insertTeam, type Team } from '../support/fixtures';
import { launchedExperiment, login } from '../support/http';
import { startSmtpCatcher } from '../support/smtp-catcher';
import { startStack, type TestStack } from '../support/stack';
import { waitFor } from '../support/worker-process';

describe('Notifications by email through a real SMTP server', () => {
  let stack: TestStack;
  let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
  let team: Team;

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    stack = await startStack({ env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://capacites.nantes.fr' } });
    team = await insertTeam(stack.db);
  });

  afterAll(async () => {
    await stack?.close();
    await smtp?.close();
  });

  it('sends each notification once by email, in French, with the dates and a link, and marks it sent', async () => {
    const http = await login(stack.app, team.emails.hr);
    const id = await launchedExperiment(stack.app, http, team, 'Pacte de micro-mobilité', 45);

    const notices = await stack.db
      .getRepository(NotificationEntity)
      .findBy({ experimentId: id, event: 'launched' });
    expect(notices).toHaveLength(3);
    await waitFor('three emails', async () => smtp.emails.length >= 3, 10_000);
    const pilot = await stack.db.getRepository(UserEntity).findOneByOrFail({ id: team.pilot });
    const toPilot = smtp.emails.find((e) => e.to.includes(pilot.email));
    expect(toPilot?.subject).toBe('Test lancé : « Pacte de micro-mobilité »');
    expect(toPilot?.text).toMatch(/Il s'arrêtera le \w+ \d{1,2} \w+ \d{4} \(date de péremption\)/);
    expect(toPilot?.text).toContain(`https://capacites.nantes.fr/#/experiments/${id}/show`);
    const emails = await stack.db.getRepository(EmailEntity).findBy({ organizationId: team.organization.id });
    expect(emails.every((e) => e.status === 'sent' && e.sentAt !== null)).toBe(true);
    expect(smtp.emails).toHaveLength(3);
  });
});
