import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CaseEntity } from '@donthu/persistence';
import { TrackingReceiptView } from '../../tracking/tracking-receipt.view';
import { ScreeningFindingView } from '../../intake-screening/screening.view';
import { CaseView } from '../case-views';

/** The registration response: the receipt (phiếu tiếp nhận), i.e. the case and how its citizen tracks it. */
export class RegisteredCaseView extends CaseView {
  @ApiProperty({ type: TrackingReceiptView, description: 'Tra cứu: GET /api/v1/track/{code} with the secret in X-Tracking-Secret' })
  tracking!: TrackingReceiptView;

  @ApiPropertyOptional({ type: [ScreeningFindingView], nullable: true, description: 'Kiểm tra trùng đơn / intake screening found at registration (possible duplicate, repeat, vượt cấp); empty: nothing found' })
  screening!: ScreeningFindingView[] | null;

  /** `secret` only when this request created the case; null on an Idempotency-Key replay. */
  static receipt(entity: CaseEntity, secret: string | null, screening: ScreeningFindingView[] | null): RegisteredCaseView {
    return { ...CaseView.of(entity), tracking: { code: entity.code, secret }, screening };
  }
}
