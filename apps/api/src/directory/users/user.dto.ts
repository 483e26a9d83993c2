import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { AGENCY_CODE_PATTERN, ROLES, type Role } from '@donthu/domain';

const STAFF_ROLES = ROLES.filter((r) => r !== 'citizen');

export class CreateUserDto {
  @ApiProperty({ example: 'nguyen.van.a' })
  @IsString()
  @Matches(/^[a-z0-9._-]{3,64}$/, { message: 'must be 3–64 lower-case letters, digits, dots, dashes or underscores' })
  username!: string;

  @ApiProperty({ example: 'Nguyễn Văn A' })
  @IsString()
  @Length(1, 200)
  displayName!: string;

  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES)
  role!: Role;

  @ApiProperty({ example: 'UBND-HN' })
  @IsString()
  @Matches(AGENCY_CODE_PATTERN, { message: 'must be an agency code' })
  agencyCode!: string;

  @ApiProperty({ description: 'At least 12 characters' })
  @IsString()
  @Length(12, 200)
  password!: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: STAFF_ROLES })
  @IsOptional()
  @IsIn(STAFF_ROLES)
  role?: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(AGENCY_CODE_PATTERN, { message: 'must be an agency code' })
  agencyCode?: string;

  @ApiPropertyOptional({ description: 'Disabled accounts cannot log in or refresh' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional({ description: 'true: lift a lockout' })
  @IsOptional()
  @IsBoolean()
  unlock?: boolean;

  @ApiPropertyOptional({ description: 'A new password (at least 12 characters)' })
  @IsOptional()
  @IsString()
  @Length(12, 200)
  password?: string;
}
