import { DefaultLogger, Runtime } from '@temporalio/worker';

// Workers in tests log warnings and errors only; bundling and state chatter hides failures.
Runtime.install({ logger: new DefaultLogger('WARN') });
