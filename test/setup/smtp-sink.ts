import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from './processes';

export interface Mail {
  to: string;
  subject: string;
  messageId: string;
  idempotencyKey: string;
  text: string;
  attachments: { filename: string; contentType: string; size: number }[];
}

/** An in-process SMTP server that keeps every message it receives. */
export async function smtpSink(): Promise<{ port: number; mails: Mail[]; close: () => Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((m) => {
          const to = Array.isArray(m.to) ? m.to[0] : m.to;
          mails.push({
            to: to?.value[0]?.address ?? '',
            subject: m.subject ?? '',
            messageId: m.messageId ?? '',
            idempotencyKey: (m.headers.get('x-duban-idempotency-key') as string | undefined) ?? '',
            text: m.text ?? '',
            attachments: m.attachments.map((a) => ({
              filename: a.filename ?? '',
              contentType: a.contentType,
              size: a.size,
            })),
          });
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
