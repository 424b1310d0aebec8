import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtEmail {
  to: string[];
  subject: string;
  text: string;
  /** The Message-ID header, as sent. */
  messageId: string;
}

/** A real SMTP server on loopback that keeps what it receives. */
export async function startSmtpCatcher(): Promise<{
  url: string;
  emails: CaughtEmail[];
  /** Refuses the n-th message received from now on (451, a temporary failure), as a server that drops mid-send. */
  refuseNth(n: number): void;
  close(): Promise<void>;
}> {
  const emails: CaughtEmail[] = [];
  let received = 0;
  let refuseAt = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      received += 1;
      if (received === refuseAt) {
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error('try again later'), { responseCode: 451 })));
        return;
      }
      const to = session.envelope.rcptTo.map((r) => r.address);
      simpleParser(stream)
        .then((mail) => {
          emails.push({
            to,
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            messageId: mail.messageId ?? '',
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    emails,
    refuseNth: (n: number) => {
      refuseAt = received + n;
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
