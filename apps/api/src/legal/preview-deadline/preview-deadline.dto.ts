import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, Length } from 'class-validator';

/** Tính thử hạn / compute a due date without a case. Facts are checked by the domain (unknown keys refused). */
export class PreviewDeadlineDto {
  @ApiProperty({ example: 'TC-04', description: 'Mã quy tắc / rule id (GET /api/v1/rules)' })
  @IsString()
  @Length(1, 20)
  rule!: string;

  @ApiProperty({ example: '2026-02-10', description: 'Ngày xảy ra sự kiện bắt đầu thời hạn (không tính) / date of the event that starts the clock' })
  @IsString()
  @Length(1, 20)
  start!: string;

  @ApiPropertyOptional({
    example: { complex: true, remote: false, extensions: 1, suspensions: [{ from: '2026-02-20', to: '2026-03-02' }] },
    description: 'complex, remote, severalSites (booleans); extensions (TC-04); suspensions [{from, to}]; policyDays (PA-02)',
  })
  @IsOptional()
  @IsObject()
  facts?: Record<string, unknown>;
}
