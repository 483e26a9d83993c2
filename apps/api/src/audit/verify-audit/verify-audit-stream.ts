import type { EntityManager } from 'typeorm';
import { AuditEventEntity, verifyAuditChain, withExpectedLength, type AuditStream, type ChainVerification } from '@donthu/persistence';
import { CALENDAR_STREAM } from '../../legal/calendar-year/load-calendar-year.service';

/** Administrative streams a caller may name in `?stream=`: the name is the stream type, each has one chain. */
export const ADMINISTRATIVE_STREAMS = { calendar: CALENDAR_STREAM } as const satisfies Record<string, AuditStream>;
export type AdministrativeStreamName = keyof typeof ADMINISTRATIVE_STREAMS;
export const ADMINISTRATIVE_STREAM_NAMES = Object.keys(ADMINISTRATIVE_STREAMS) as AdministrativeStreamName[];

/**
 * Recomputes a stream's hash chain from the rows as stored. `expectedLength` is what another table
 * says the stream holds (a case's last_sequence): the chain alone cannot tell that its newest events
 * were deleted, since what remains still links up.
 */
export async function verifyAuditStream(manager: EntityManager, stream: AuditStream, expectedLength = 0): Promise<ChainVerification> {
  const events = await manager.find(AuditEventEntity, { where: { streamType: stream.streamType, streamId: stream.streamId }, order: { sequence: 'ASC' } });
  return withExpectedLength(verifyAuditChain(events), expectedLength);
}
