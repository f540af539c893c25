import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { DeliveryChannel, DeliveryPlan, DeliveryWorkflowInput, SendOutcome } from './delivery.definitions';
import {
  type DeliveryStore,
  emailIdempotencyKey,
  emailMessageId,
  type NotificationToSend,
  webhookIdempotencyKey,
} from './delivery-store.service';
import type { MailAttachment, OutgoingMail } from './mailer.service';
import { NotificationError } from './notifications.errors';
import { webhookSignature } from './webhook-signature';

export interface DeliveryActivityDeps {
  store: Pick<
    DeliveryStore,
    'notification' | 'fillInboxes' | 'webhookIdsFor' | 'webhook' | 'email' | 'wasSent' | 'record'
  >;
  mailer: { readonly enabled: boolean; send(mail: OutgoingMail): Promise<void> };
  /** The files a notice carries by email, from the context it is about (a circular's); absent: none. */
  attachments?: { of(n: NotificationToSend): Promise<MailAttachment[]> };
  /** Test-only pause between an email's send and its record (DELIVERY_RECORD_DELAY_MS). */
  recordDelayMs?: number;
  webhookTimeoutMs?: number;
}

const AUDIENCE_LABEL = { liaison: '承办单位', coordinator: '协调处室', leader: '领导', admin: '系统管理员' } as const;

function emailOf(n: NotificationToSend): { subject: string; text: string } {
  // A digest's first line says what it is; its list is in the body.
  const subject = `【督办】${n.message.split('\n')[0]}`;
  const about =
    n.taskId !== null
      ? [`事项：${n.measureTitle}`, `责任单位：${n.agencyName}`]
      : n.agencyName
        ? [`责任单位：${n.agencyName}`]
        : ['事项：系统通知'];
  return {
    subject: subject.length > 120 ? `${subject.slice(0, 119)}…` : subject,
    text: [
      n.message,
      '',
      ...about,
      `发送对象：${AUDIENCE_LABEL[n.audience]}`,
      ...(n.taskId === null ? [] : [`任务编号：${n.taskId}`]),
      `通知编号：${n.id}`,
    ].join('\n'),
  };
}

/** Waits out the test-only window, heartbeating so the activity still counts as alive. */
async function pause(ms: number): Promise<void> {
  const ctx = Context.current();
  for (let left = ms; left > 0; left -= 1000) {
    ctx.heartbeat();
    await ctx.sleep(Math.min(1000, left));
  }
}

/** Activities of the delivery workflow, built from injected services (no Nest inside). */
export function createDeliveryActivities(deps: DeliveryActivityDeps) {
  const load = async (id: string) => {
    try {
      return await deps.store.notification(id);
    } catch (err) {
      if (err instanceof NotificationError) throw ApplicationFailure.nonRetryable(err.message, err.code);
      throw err;
    }
  };

  return {
    /** Resolves recipients at firing time and fills their inboxes (repeat-safe). */
    async prepareDelivery(input: DeliveryWorkflowInput): Promise<DeliveryPlan> {
      const n = await load(input.notificationId);
      const recipients = await deps.store.fillInboxes(n);
      const webhookIds = await deps.store.webhookIdsFor(n);
      const emailUserIds = deps.mailer.enabled ? recipients.filter((r) => r.email).map((r) => r.userId) : [];
      return { inboxUsers: recipients.length, emailUserIds, webhookIds };
    },

    /**
     * SMTP cannot deduplicate: a crash after the send and before the record makes the retry send
     * again, with the same Message-ID and X-Duban-Idempotency-Key, so mail clients and people can
     * tell it is the same notice.
     */
    async sendEmail(input: { notificationId: string; userId: string }): Promise<SendOutcome> {
      const { notificationId, userId } = input;
      if (await deps.store.wasSent(notificationId, 'email', userId)) return 'already-sent';
      const to = await deps.store.email(userId);
      if (!to || !deps.mailer.enabled) return 'skipped';
      const n = await load(notificationId);
      const ctx = Context.current();
      ctx.heartbeat();
      const idempotencyKey = emailIdempotencyKey(notificationId, userId);
      const attachments = (await deps.attachments?.of(n)) ?? [];
      try {
        await deps.mailer.send({
          to,
          ...emailOf(n),
          messageId: emailMessageId(notificationId, userId),
          idempotencyKey,
          ...(attachments.length ? { attachments } : {}),
        });
      } catch (err) {
        const code = (err as { responseCode?: unknown }).responseCode;
        // 5xx: the server refused for good (no such mailbox); anything else may pass on a retry.
        if (typeof code === 'number' && code >= 500) {
          throw ApplicationFailure.nonRetryable(`SMTP ${code}: ${(err as Error).message}`, 'EMAIL_REJECTED');
        }
        throw err;
      }
      if (deps.recordDelayMs) await pause(deps.recordDelayMs);
      await deps.store.record({
        notificationId,
        channel: 'email',
        target: userId,
        status: 'sent',
        idempotencyKey,
        attempts: ctx.info.attempt,
        detail: to,
      });
      return 'sent';
    },

    /** POSTs the notification, signed; 5xx, 408, 429 and network errors are retried with backoff. */
    async sendWebhook(input: { notificationId: string; webhookId: string }): Promise<SendOutcome> {
      const { notificationId, webhookId } = input;
      if (await deps.store.wasSent(notificationId, 'webhook', webhookId)) return 'already-sent';
      const hook = await deps.store.webhook(webhookId);
      if (!hook?.active) return 'skipped';
      const n = await load(notificationId);
      const idempotencyKey = webhookIdempotencyKey(notificationId, webhookId);
      const body = JSON.stringify({
        idempotencyKey,
        notificationId: n.id,
        taskId: n.taskId,
        eventSeq: n.eventSeq,
        audience: n.audience,
        agencyId: n.taskAgencyId,
        agency: n.agencyName,
        measureTitle: n.measureTitle,
        message: n.message,
        createdAt: n.createdAt,
      });
      const timestamp = String(Math.floor(Date.now() / 1000));
      const ctx = Context.current();
      const res = await fetch(hook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'x-duban-timestamp': timestamp,
          'x-duban-signature': webhookSignature(hook.secret, timestamp, body),
          'x-duban-idempotency-key': idempotencyKey,
        },
        body,
        signal: AbortSignal.timeout(deps.webhookTimeoutMs ?? 10_000),
        redirect: 'error',
      });
      await res.body?.cancel();
      if (res.status >= 200 && res.status < 300) {
        await deps.store.record({
          notificationId,
          channel: 'webhook',
          target: webhookId,
          status: 'sent',
          idempotencyKey,
          attempts: ctx.info.attempt,
          detail: `HTTP ${res.status}`,
        });
        return 'sent';
      }
      const message = `webhook ${hook.url} answered HTTP ${res.status}`;
      if (res.status >= 500 || res.status === 408 || res.status === 429) {
        throw ApplicationFailure.retryable(message, 'WEBHOOK_UNAVAILABLE');
      }
      throw ApplicationFailure.nonRetryable(message, 'WEBHOOK_REJECTED');
    },

    /** Recorded once retries are exhausted or the far side refused for good; read by /metrics. */
    async recordDeliveryFailure(input: {
      notificationId: string;
      channel: DeliveryChannel;
      target: string;
      reason: string;
    }): Promise<void> {
      const { notificationId, channel, target } = input;
      await deps.store.record({
        notificationId,
        channel,
        target,
        status: 'failed',
        idempotencyKey:
          channel === 'email'
            ? emailIdempotencyKey(notificationId, target)
            : webhookIdempotencyKey(notificationId, target),
        attempts: null,
        detail: input.reason,
      });
    },
  };
}
