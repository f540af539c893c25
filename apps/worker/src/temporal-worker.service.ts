import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { APP_CONFIG, type AppConfig } from '../../../libs/config';
import { CalendarService } from '../../../libs/calendar/calendar.service';
import { DocumentsService } from '../../../libs/documents/documents.service';
import { createLaunchActivities } from '../../../libs/launch/launch.activities';
import { createWithdrawalActivities } from '../../../libs/withdrawal/withdrawal.activities';
import { createRevisionActivities } from '../../../libs/revision/revision.activities';
import {
  DeliveryStarter,
  DeliveryStore,
  DigestStore,
  MailerService,
  NotificationsRepository,
  ProvisionalYearNotices,
  createDeliveryActivities,
  createDigestActivities,
} from '../../../libs/notifications';
import { CircularSchedules, CircularsService, createCircularActivities } from '../../../libs/circulars';
import { NoticesService } from '../../../libs/notices';
import {
  TaskEventsService,
  TasksService,
  createCalendarReplanActivities,
  createTaskActivities,
} from '../../../libs/tasks';

/** Production loads the bundle `npm run build` wrote; tests and development bundle from source. */
function workflowSource(): { workflowBundle: { codePath: string } } | { workflowsPath: string } {
  const bundle = path.resolve(__dirname, '../../../workflow-bundle.js');
  if (existsSync(bundle)) return { workflowBundle: { codePath: bundle } };
  return { workflowsPath: require.resolve('../../../workflows') };
}

@Injectable()
export class TemporalWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('TemporalWorker');
  private connection?: NativeConnection;
  private worker?: Worker;
  private running?: Promise<void>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: TaskEventsService,
    private readonly tasks: TasksService,
    private readonly calendar: CalendarService,
    private readonly documents: DocumentsService,
    private readonly deliveryStore: DeliveryStore,
    private readonly mailer: MailerService,
    private readonly notifications: NotificationsRepository,
    private readonly circulars: CircularsService,
    private readonly notices: NoticesService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.connection = await NativeConnection.connect({ address: this.config.temporal.address });
    const { namespace, taskQueue } = this.config.temporal;
    // The worker's own connection also starts the delivery workflows of recorded events.
    const client = new Client({ connection: this.connection, namespace });
    const { digestWindowSeconds } = this.config.notifications;
    const deliveries = new DeliveryStarter(client, taskQueue, this.deliveryStore, digestWindowSeconds);
    const provisionalYears = new ProvisionalYearNotices(this.db, this.notifications, deliveries);
    this.worker = await Worker.create({
      connection: this.connection,
      namespace,
      taskQueue,
      ...workflowSource(),
      activities: {
        ...createTaskActivities({
          events: this.events,
          calendar: this.calendar,
          deliveries,
          provisionalYears,
          reassignments: this.tasks,
        }),
        ...createLaunchActivities({ documents: this.documents, tasks: this.tasks, calendar: this.calendar }),
        ...createWithdrawalActivities({ tasks: this.tasks }),
        ...createRevisionActivities({ documents: this.documents }),
        ...createCalendarReplanActivities({ openTasks: this.tasks, changes: this.calendar }),
        ...createDigestActivities({ digests: new DigestStore(this.db, this.notifications) }),
        ...createCircularActivities({
          circulars: { issue: (kind, day) => this.circulars.issue(kind, day, (ids) => deliveries.startFor(ids)) },
        }),
        ...createDeliveryActivities({
          store: this.deliveryStore,
          mailer: this.mailer,
          recordDelayMs: this.config.notifications.recordDelayMs,
          // A circular carries its PDF and ledger; a 催办 to an agency, its 催办通知书.
          attachments: {
            of: async (n) => [
              ...(await this.circulars.mailAttachments(n.subject)),
              ...(n.audience === 'liaison' ? await this.notices.urgeAttachments(n.id) : []),
            ],
          },
        }),
      },
    });
    // The 情况通报 schedules of this task queue (created once; an existing one is kept).
    if (this.config.circulars.schedules) await new CircularSchedules(client, taskQueue).ensure();
    this.running = this.worker.run();
    this.running.catch((err: unknown) => this.logger.error(`worker stopped: ${String(err)}`));
    this.logger.log(`polling task queue ${this.config.temporal.taskQueue} on ${this.config.temporal.address}`);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
  }
}
