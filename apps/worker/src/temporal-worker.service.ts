import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { APP_CONFIG, type AppConfig } from '../../../libs/config';
import { CalendarService } from '../../../libs/calendar/calendar.service';
import { TaskEventsService, createTaskActivities } from '../../../libs/tasks';

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
    private readonly calendar: CalendarService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.connection = await NativeConnection.connect({ address: this.config.temporal.address });
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: this.config.temporal.namespace,
      taskQueue: this.config.temporal.taskQueue,
      ...workflowSource(),
      activities: createTaskActivities({ events: this.events, calendar: this.calendar }),
    });
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
