import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** The fields of an audit event that its hash covers. */
export interface HashedAuditFields {
  streamType: string;
  streamId: string;
  sequence: number;
  type: string;
  actor: string;
  payload: Record<string, unknown>;
  occurredAt: Date;
  prevHash: string | null;
}

/**
 * sha256 over the RFC 8785 canonical JSON of the event, including the previous event's hash:
 * editing, removing or reordering any event breaks every hash after it.
 */
export function auditEventHash(fields: HashedAuditFields): string {
  // Only the listed fields: rows read back carry id and hash too, which the hash must not cover.
  const { streamType, streamId, sequence, type, actor, payload, occurredAt, prevHash } = fields;
  const canonical = canonicalize({ streamType, streamId, sequence, type, actor, payload, occurredAt: occurredAt.toISOString(), prevHash });
  if (canonical === undefined) throw new Error('audit event cannot be canonicalised');
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export type ChainVerification = { valid: true; length: number } | { valid: false; brokenAtSequence: number; reason: string };

/** Checks a stream's events (in sequence order) link up and hash to what they claim. */
export function verifyAuditChain(events: ReadonlyArray<HashedAuditFields & { hash: string }>): ChainVerification {
  let prevHash: string | null = null;
  for (const [index, event] of events.entries()) {
    if (event.sequence !== index + 1) return { valid: false, brokenAtSequence: index + 1, reason: `sequence ${index + 1} is missing` };
    if (event.prevHash !== prevHash) return { valid: false, brokenAtSequence: event.sequence, reason: 'prev_hash does not match the previous event' };
    if (auditEventHash(event) !== event.hash) return { valid: false, brokenAtSequence: event.sequence, reason: 'hash does not match the event content' };
    prevHash = event.hash;
  }
  return { valid: true, length: events.length };
}

/**
 * A chain that verifies may still have lost its newest events (what remains links up): compare
 * with the length another table records (a case's last_sequence).
 */
export function withExpectedLength(verification: ChainVerification, expectedLength: number | null): ChainVerification {
  if (!verification.valid || expectedLength === null || verification.length >= expectedLength) return verification;
  const missing = verification.length + 1;
  return { valid: false, brokenAtSequence: missing, reason: `sequence ${missing} is missing (the stream should hold ${expectedLength} events)` };
}
