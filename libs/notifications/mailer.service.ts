import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../config';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** The same on every send of one notification to one person, so a resend can be recognised. */
  messageId: string;
  idempotencyKey: string;
  /** Files the notice carries (a circular's PDF and its ledger). */
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

/** The SMTP transport, or nothing when SMTP is not configured (the email channel is then off). */
@Injectable()
export class MailerService implements OnModuleDestroy {
  private readonly logger = new Logger('Mailer');
  private readonly transport: Transporter | null;
  private readonly from: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const smtp = config.notifications.smtp;
    this.from = smtp?.from ?? '';
    this.transport = smtp
      ? createTransport({
          host: smtp.host,
          port: smtp.port,
          secure: smtp.secure,
          auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
          // Below the send activity's heartbeat timeout, so a stuck server fails the attempt first.
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 10_000,
        })
      : null;
    if (smtp) this.logger.log(`email channel on: SMTP ${smtp.host}:${smtp.port} from ${smtp.from}`);
    else this.logger.warn('email channel OFF: SMTP_HOST is not set (inbox and webhooks still deliver)');
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  async send(mail: OutgoingMail): Promise<void> {
    if (!this.transport) throw new Error('email channel is off (SMTP_HOST is not set)');
    await this.transport.sendMail({
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: mail.messageId,
      headers: { 'X-Duban-Idempotency-Key': mail.idempotencyKey },
      attachments: mail.attachments,
    });
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
