import { ApiProperty } from '@nestjs/swagger';

/** What the receipt carries for tracking: the code always, the secret only in the 201 that created the case. */
export class TrackingReceiptView {
  @ApiProperty({ example: 'UBND-HN-2026-000123', description: 'Mã tra cứu / tracking code (the case code)' }) code!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '7KQ2-M9XD-4TRW',
    description:
      'Mã bí mật tra cứu / tracking secret, to print on the receipt. Shown once, in the 201 that registered the case; only a hash is stored. ' +
      'A 200 replay of the same Idempotency-Key carries null: the server cannot show it again, and a replay must not mint a second one.',
  })
  secret!: string | null;
}
