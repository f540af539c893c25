import type { DigestStore } from './digest-store';

/** Activities of the digest workflow, built from injected services (no Nest inside). */
export function createDigestActivities(deps: { digests: Pick<DigestStore, 'firstPart' | 'compose'> }) {
  return {
    /** The part number this run's first digest takes: after those earlier runs of the key composed. */
    firstDigestPart(input: { key: string }): Promise<number> {
      return deps.digests.firstPart(input.key);
    },

    /** Composes the digest (key, part) of the notices not yet in one; null when there are none. Repeat-safe. */
    composeDigest(input: { key: string; part: number }): Promise<string | null> {
      return deps.digests.compose(input.key, input.part);
    },
  };
}
