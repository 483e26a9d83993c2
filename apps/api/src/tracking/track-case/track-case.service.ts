import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { CASE_KIND_LABELS, CASE_STATUS_LABELS } from '@donthu/domain';
import { AuditEventEntity, CaseClockEntity, CaseEntity, caseStream } from '@donthu/persistence';
import { identityVaultFromEnv } from '@donthu/vault';
import { DUMMY_TRACKING_TAG, verifyTrackingSecret } from '../tracking-secret';
import { currentDeadline, PUBLIC_EVENT_TYPES, publicMilestones } from './public-milestones';
import type { TrackedCaseView, TrackingView } from './tracking.view';

/** One answer for an unknown code and for a wrong secret: the caller learns nothing about which. */
export function trackingNotFound(): NotFoundException {
  return new NotFoundException({
    message: 'No case with this tracking code and secret',
    errors: [{ field: 'code', reason: 'no case with this tracking code and secret' }],
  });
}

/**
 * Tra cứu: the public view of a case, for whoever holds its code and the secret of its receipt.
 * A known code with a wrong secret and an unknown code cost the same: one indexed lookup and one
 * keyed-tag comparison (against a dummy tag when the code is unknown), then the same 404.
 */
@Injectable()
export class TrackCaseService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async track(code: string, canonicalSecret: string): Promise<TrackingView> {
    const rows: Array<{ id: string; secret_hash: string }> = await this.dataSource.query(
      'SELECT c.id, t.secret_hash FROM cases c JOIN case_tracking t ON t.case_id = c.id WHERE c.code = $1',
      [code],
    );
    const row = rows[0];
    const matches = await verifyTrackingSecret(identityVaultFromEnv(), row?.secret_hash ?? DUMMY_TRACKING_TAG, canonicalSecret);
    if (!row || !matches) throw trackingNotFound();

    const entity = await this.dataSource.getRepository(CaseEntity).findOneByOrFail({ id: row.id });
    const contents =
      entity.kind === 'letter'
        ? await this.dataSource.getRepository(CaseEntity).find({ where: { parentCaseId: entity.id }, order: { code: 'ASC' } })
        : [];
    return { ...(await this.publicView(entity)), contents: await Promise.all(contents.map((c) => this.publicView(c))) };
  }

  /** Built field by field from public facts: nothing of the case row or event payloads is passed through. */
  private async publicView(entity: CaseEntity): Promise<TrackedCaseView> {
    const [clocks, events] = await Promise.all([
      this.dataSource.getRepository(CaseClockEntity).find({ where: { caseId: entity.id } }),
      this.dataSource.getRepository(AuditEventEntity).find({ where: { ...caseStream(entity.id), type: In([...PUBLIC_EVENT_TYPES]) }, order: { sequence: 'ASC' } }),
    ]);
    return {
      code: entity.code,
      kind: { value: entity.kind, label: CASE_KIND_LABELS[entity.kind] },
      status: { value: entity.status, label: CASE_STATUS_LABELS[entity.status] },
      receivedOn: entity.receivedOn,
      currentDeadline: currentDeadline(clocks),
      milestones: publicMilestones(events),
    };
  }
}
