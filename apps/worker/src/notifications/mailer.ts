import { createTransport, type Transporter } from 'nodemailer';

export const MAILER = Symbol('MAILER');

export interface Mailer {
  /** False when no SMTP server is configured: emails then stay in the outbox. */
  readonly enabled: boolean;
  send(message: { to: string; subject: string; text: string; messageId?: string }): Promise<void>;
}

export function createMailer(smtpUrl: string | undefined, from: string): Mailer {
  if (!smtpUrl) {
    return {
      enabled: false,
      async send() {
        throw new Error('no SMTP server configured');
      },
    };
  }
  const transport: Transporter = createTransport(smtpUrl);
  return {
    enabled: true,
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
  };
}
