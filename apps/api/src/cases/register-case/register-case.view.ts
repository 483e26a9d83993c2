import { ApiProperty } from '@nestjs/swagger';
import type { CaseEntity } from '@donthu/persistence';
import { TrackingReceiptView } from '../../tracking/tracking-receipt.view';
import { CaseView } from '../case-views';

/** The registration response: the receipt (phiếu tiếp nhận), i.e. the case and how its citizen tracks it. */
export class RegisteredCaseView extends CaseView {
  @ApiProperty({ type: TrackingReceiptView, description: 'Tra cứu: GET /api/v1/track/{code} with the secret in X-Tracking-Secret' })
  tracking!: TrackingReceiptView;

  /** `secret` only when this request created the case; null on an Idempotency-Key replay. */
  static receipt(entity: CaseEntity, secret: string | null): RegisteredCaseView {
    return { ...CaseView.of(entity), tracking: { code: entity.code, secret } };
  }
}
