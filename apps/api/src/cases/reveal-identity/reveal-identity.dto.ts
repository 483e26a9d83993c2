import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import type { CasePartyRole } from '@donthu/persistence';

export class RevealIdentityDto {
  @ApiProperty({ minLength: 10, maxLength: 500, example: 'Xác minh nội dung tố cáo, cần liên hệ người tố cáo để bổ sung tài liệu', description: 'Lý do xem danh tính / why the identity is needed (audited)' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(10, 500)
  reason!: string;
}

export class RevealedPartyView {
  @ApiProperty({ example: 'NTC-7KQ2M9XH4PRT', description: 'The reference shown instead of the name everywhere else' }) pseudonym!: string;
  @ApiProperty({ enum: ['complainant', 'denouncer', 'petitioner', 'representative'] }) role!: CasePartyRole;
  @ApiProperty() fullName!: string;
  @ApiProperty({ nullable: true, type: String }) address!: string | null;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ nullable: true, type: String }) idNumber!: string | null;
}

export class RevealedIdentitiesView {
  @ApiProperty({ example: 'UBND-HN-2026-000123' }) code!: string;
  @ApiProperty({ type: [RevealedPartyView], description: 'Empty for an anonymous denunciation' }) parties!: RevealedPartyView[];
  @ApiProperty({ example: 3, description: 'Sequence of the identity.revealed event in the case’s identity audit stream' }) auditSequence!: number;
}
