import { isGrpcServiceError } from '@temporalio/client';
import { ValueError } from '@temporalio/common';

// gRPC status codes (grpc/doc/statuscodes.md) a start can fail with while the service is down or busy.
const OUTAGE_CODES = new Set([
  1, // CANCELLED
  2, // UNKNOWN
  4, // DEADLINE_EXCEEDED
  8, // RESOURCE_EXHAUSTED: rate limited, unless the message itself was too large
  10, // ABORTED
  13, // INTERNAL
  14, // UNAVAILABLE
]);

function grpcCause(err: unknown): { code: number; details: string } | null {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (isGrpcServiceError(e)) return { code: e.code, details: e.details };
  }
  return null;
}

/**
 * True when a refused workflow start may succeed if retried later (the service is down, slow or
 * shedding load); false when the server or the client refused the request itself (invalid argument,
 * a payload over the size limit, a failed precondition), which the same request can never fix.
 */
export function isOutage(err: unknown): boolean {
  if (err instanceof ValueError) return false;
  const grpc = grpcCause(err);
  // Not a gRPC answer: the connection itself failed.
  if (!grpc) return true;
  if (grpc.code === 8 && /larger than max|message size|exceeds limit/i.test(grpc.details)) return false;
  return OUTAGE_CODES.has(grpc.code);
}
