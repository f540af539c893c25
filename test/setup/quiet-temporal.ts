import { DefaultLogger, Runtime } from '@temporalio/worker';

// Workers in tests log errors only (a capability warning repeats on every worker); bundling and state chatter hides failures.
Runtime.install({ logger: new DefaultLogger('ERROR') });
