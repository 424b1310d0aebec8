import { Webhook } from 'standardwebhooks';
import type { EndpointKind, WebhookPayload } from '@capacites/domain';
import type { OutboundRequest } from './outbound-request';

/** What a delivery needs of its endpoint, message and organisation. */
export interface DeliveryTarget {
  deliveryId: string;
  messageId: string;
  kind: EndpointKind;
  url: string;
  roomId: string | null;
  /** The signing secret (webhook) or the bot's access token (Tchap). */
  secret: string | null;
  payload: WebhookPayload;
  timeZone: string;
}

const USER_AGENT = 'Capacites-Webhooks/1.0 (+https://github.com/capacites)';

const OUTCOMES: Record<string, string> = {
  iterate: 'itérer',
  perpetuate: 'pérenniser',
  abandon: 'abandonner',
};
const WEATHER: Record<string, string> = { sunny: 'ensoleillée', cloudy: 'nuageuse', stormy: 'orageuse' };

/** The `webhook-id` of a message: the same on every attempt and every resend. */
export const standardWebhookId = (messageId: string) => `msg_${messageId.replace(/-/g, '')}`;

/** One sentence in French saying what happened to which test (chat rooms). */
export function frenchSummary(payload: WebhookPayload, timeZone: string): string {
  const { data } = payload;
  const t = `« ${data.title} »`;
  const d = data.details;
  const date = (value: unknown) =>
    typeof value === 'string' && !Number.isNaN(Date.parse(value))
      ? new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone }).format(new Date(value))
      : null;
  const until = (value: unknown) => (date(value) ? ` (jusqu'au ${date(value)})` : '');
  const because = data.reason ? ` Motif : ${data.reason}` : '';
  const sentences: Record<string, () => string> = {
    'experiment.created': () => `Nouveau test en préparation : ${t}.`,
    'experiment.launched': () => `Le test ${t} est lancé${until(d.expiresAt)}.`,
    'experiment.cancelled': () => `Le test ${t} est annulé avant son lancement.${because}`,
    'experiment.checkInRecorded': () =>
      `Point d'étape sur le test ${t}${d.weather ? ` : météo ${WEATHER[String(d.weather)] ?? d.weather}` : ''}.`,
    'experiment.checkInMissed': () => `Point d'étape manqué sur le test ${t}.`,
    'experiment.extensionRequested': () => `Prolongation demandée pour le test ${t}${until(d.newExpiresAt)}.`,
    'experiment.extensionApproved': () => `Prolongation approuvée pour le test ${t}${until(d.expiresAt)}.`,
    'experiment.extensionRefused': () => `Prolongation refusée pour le test ${t}.${because}`,
    'experiment.consentWithdrawn': () =>
      `Une personne de l'équipe testeuse a retiré son accord au test ${t}.`,
    'experiment.criteriaAmended': () => `Les critères du test ${t} ont été modifiés.${because}`,
    'experiment.expired': () =>
      `Le test ${t} a atteint sa date de péremption : il est arrêté, son évaluation est attendue${
        date(d.evaluationDueAt) ? ` avant le ${date(d.evaluationDueAt)}` : ''
      }.`,
    'experiment.stoppedEarly': () =>
      `Le test ${t} est arrêté avant son terme : son évaluation est attendue.${because}`,
    'experiment.evaluationSubmitted': () =>
      `L'évaluation du test ${t} est remise : la décision est attendue.`,
    'experiment.evaluationOverdue': () => `L'évaluation du test ${t} est en retard.`,
    'experiment.evaluationAlgeco': () => `Alerte Algeco : l'évaluation du test ${t} est très en retard.`,
    'experiment.decided': () =>
      `Décision sur le test ${t} : ${OUTCOMES[String(d.outcome)] ?? String(d.outcome ?? 'rendue')}.`,
    'experiment.decisionOverdue': () => `La décision sur le test ${t} est en retard.`,
    'experiment.decisionAlgeco': () => `Alerte Algeco : la décision sur le test ${t} est très en retard.`,
    'experiment.preExpiryReminder': () =>
      `Le test ${t} s'arrête dans ${d.days ?? '?'} jour(s)${date(d.expiresAt) ? `, le ${date(d.expiresAt)}` : ''}.`,
    'experiment.checkInsMissed': () =>
      `${d.missed ?? 'Plusieurs'} points d'étape manqués d'affilée sur le test ${t}.`,
    'experiment.evaluationReminder': () => `Rappel : l'évaluation du test ${t} est attendue.`,
    'experiment.decisionReminder': () => `Rappel : la décision sur le test ${t} est attendue.`,
  };
  return (sentences[payload.type] ?? (() => `Événement « ${payload.type} » sur le test ${t}.`))();
}

const LINK_LABEL = 'Ouvrir le test';

/** Slack's mrkdwn gives meaning to &, < and > only. */
const slackEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Markdown (Mattermost): the characters that would format a test's title inline (emphasis, code, links). */
const markdownEscape = (text: string) => text.replace(/([\\`*_~[\]])/g, '\\$1');
const htmlEscape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The Matrix transaction id: the same on every retry (the homeserver then posts once). */
export const matrixTransactionId = (deliveryId: string, manualAttempt: number | null) =>
  manualAttempt === null ? `capacites-${deliveryId}` : `capacites-${deliveryId}-resend-${manualAttempt}`;

/**
 * The request of one attempt, by the endpoint's kind: a Standard Webhooks signed JSON body, or
 * a French message with a link for a chat room.
 * @param manualAttempt a resend's attempt number (a new Matrix transaction), null otherwise
 */
export function buildRequest(
  target: DeliveryTarget,
  now: Date,
  manualAttempt: number | null,
): OutboundRequest {
  const json = { 'content-type': 'application/json', 'user-agent': USER_AGENT };
  const summary = frenchSummary(target.payload, target.timeZone);
  const link = target.payload.data.link;
  switch (target.kind) {
    case 'webhook': {
      const body = JSON.stringify(target.payload);
      const id = standardWebhookId(target.messageId);
      const signature = new Webhook(target.secret ?? '').sign(id, now, body);
      return {
        method: 'POST',
        url: target.url,
        body,
        headers: {
          ...json,
          'webhook-id': id,
          'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
          'webhook-signature': signature,
        },
      };
    }
    case 'slack':
      return {
        method: 'POST',
        url: target.url,
        headers: json,
        body: JSON.stringify({ text: `${slackEscape(summary)} <${link}|${LINK_LABEL}>` }),
      };
    case 'mattermost':
      return {
        method: 'POST',
        url: target.url,
        headers: json,
        body: JSON.stringify({
          text: `${markdownEscape(summary)} [${LINK_LABEL}](${link})`,
          username: 'Capacités',
        }),
      };
    case 'teams':
      return {
        method: 'POST',
        url: target.url,
        headers: json,
        body: JSON.stringify({
          type: 'message',
          attachments: [
            {
              contentType: 'application/vnd.microsoft.card.adaptive',
              contentUrl: null,
              content: {
                $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
                type: 'AdaptiveCard',
                version: '1.4',
                lang: 'fr',
                body: [
                  { type: 'TextBlock', text: 'Capacités', weight: 'Bolder', size: 'Small', isSubtle: true },
                  { type: 'TextBlock', text: summary, wrap: true },
                ],
                actions: [{ type: 'Action.OpenUrl', title: LINK_LABEL, url: link }],
              },
            },
          ],
        }),
      };
    case 'tchap': {
      const base = target.url.replace(/\/+$/, '');
      const txnId = matrixTransactionId(target.deliveryId, manualAttempt);
      return {
        method: 'PUT',
        url: `${base}/_matrix/client/v3/rooms/${encodeURIComponent(target.roomId ?? '')}/send/m.room.message/${encodeURIComponent(txnId)}`,
        headers: { ...json, authorization: `Bearer ${target.secret ?? ''}` },
        body: JSON.stringify({
          msgtype: 'm.text',
          body: `${summary} ${LINK_LABEL} : ${link}`,
          format: 'org.matrix.custom.html',
          formatted_body: `${htmlEscape(summary)} <a href="${htmlEscape(link)}">${LINK_LABEL}</a>`,
        }),
      };
    }
  }
}
