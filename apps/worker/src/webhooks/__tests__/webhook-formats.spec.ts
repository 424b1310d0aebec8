import { Webhook } from 'standardwebhooks';
import type { WebhookPayload } from '@capacites/domain';
import {
  buildRequest,
  frenchSummary,
  matrixTransactionId,
  standardWebhookId,
  type DeliveryTarget,
} from '../webhook-formats';

const payloadStub = (type: string, details: Record<string, unknown> = {}): WebhookPayload => ({
  type,
  timestamp: '2026-12-06T10:00:00.000Z',
  data: {
    organizationId: '00000000-0000-4000-8000-000000000001',
    experimentId: '00000000-0000-4000-8000-000000000002',
    title: 'Classeur partagé',
    from: 'deciding',
    to: 'abandoned',
    actor: { type: 'user', id: '00000000-0000-4000-8000-000000000003' },
    reason: null,
    details,
    link: 'https://capacites.example.fr/#/experiments/00000000-0000-4000-8000-000000000002/show',
  },
});

const target = (overrides: Partial<DeliveryTarget>): DeliveryTarget => ({
  deliveryId: 'd1',
  messageId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  kind: 'webhook',
  url: 'https://hooks.example.fr/capacites',
  roomId: null,
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  payload: payloadStub('experiment.decided', { outcome: 'abandon' }),
  timeZone: 'Europe/Paris',
  ...overrides,
});

describe('Webhook and chat formats', () => {
  it('signs a webhook so that the Standard Webhooks verifier accepts it, with a stable id', () => {
    const now = new Date();
    const request = buildRequest(target({}), now, null);
    expect(request.headers['webhook-id']).toBe('msg_0f8fad5bd9cb469fa16570867728950e');
    expect(request.headers['webhook-id']).toBe(standardWebhookId('0f8fad5b-d9cb-469f-a165-70867728950e'));
    expect(
      new Webhook('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw').verify(request.body, request.headers),
    ).toEqual(payloadStub('experiment.decided', { outcome: 'abandon' }));
  });

  it('says each event in one French sentence', () => {
    expect(frenchSummary(payloadStub('experiment.decided', { outcome: 'abandon' }), 'Europe/Paris')).toBe(
      'Décision sur le test « Classeur partagé » : abandonner.',
    );
    expect(
      frenchSummary(
        payloadStub('experiment.preExpiryReminder', { days: 7, expiresAt: '2027-01-31T22:59:59.999Z' }),
        'Europe/Paris',
      ),
    ).toBe("Le test « Classeur partagé » s'arrête dans 7 jour(s), le 31 janvier 2027.");
    expect(frenchSummary(payloadStub('experiment.somethingNew'), 'Europe/Paris')).toBe(
      'Événement « experiment.somethingNew » sur le test « Classeur partagé ».',
    );
  });

  it('keeps one Matrix transaction per delivery, and a new one per resend', () => {
    const automatic = buildRequest(
      target({ kind: 'tchap', url: 'https://matrix.example.fr/', roomId: '!r:example.fr', secret: 't' }),
      new Date(),
      null,
    );
    expect(automatic.method).toBe('PUT');
    expect(automatic.url).toBe(
      `https://matrix.example.fr/_matrix/client/v3/rooms/!r%3Aexample.fr/send/m.room.message/${matrixTransactionId('d1', null)}`,
    );
    expect(automatic.headers.authorization).toBe('Bearer t');
    const resend = buildRequest(
      target({ kind: 'tchap', url: 'https://matrix.example.fr', roomId: '!r:example.fr', secret: 't' }),
      new Date(),
      8,
    );
    expect(resend.url.endsWith('/capacites-d1-resend-8')).toBe(true);
  });
});
