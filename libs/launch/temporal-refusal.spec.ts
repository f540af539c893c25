import { ServiceError } from '@temporalio/client';
import { ValueError } from '@temporalio/common';
import { isOutage } from './temporal-refusal';

// What grpc-js rejects with, wrapped as the Temporal client wraps it.
const grpc = (code: number, details: string) =>
  new ServiceError('Failed to start Workflow', {
    cause: Object.assign(new Error(`${code} ${details}`), { code, details, metadata: {} }),
  });

describe('isOutage', () => {
  it('calls an unreachable or overloaded service an outage', () => {
    expect(isOutage(grpc(14, 'No connection established'))).toBe(true);
    expect(isOutage(grpc(4, 'Deadline exceeded'))).toBe(true);
    expect(isOutage(grpc(8, 'namespace rate limit exceeded'))).toBe(true);
    expect(isOutage(new Error('connection refused'))).toBe(true);
  });

  it('calls a request the server refused on its merits not an outage', () => {
    expect(isOutage(grpc(3, 'Blob data size exceeds limit.'))).toBe(false);
    expect(isOutage(grpc(8, 'Received message larger than max (4500000 vs. 4194304)'))).toBe(false);
    expect(isOutage(grpc(9, 'failed precondition'))).toBe(false);
    expect(isOutage(new ValueError('cannot serialise'))).toBe(false);
  });
});
