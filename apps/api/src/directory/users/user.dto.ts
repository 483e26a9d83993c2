import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { OptionalNotNull } from '../../common/validation';
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

  @ApiPropertyOptional({ example: 'nguyen.van.a@hanoi.gov.vn', description: 'Where notifications (reminders, overdue, escalations, the daily digest) are e-mailed' })
  @IsOptional()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @Length(3, 254)
  email?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: STAFF_ROLES })
  @OptionalNotNull()
  @IsIn(STAFF_ROLES)
  role?: Role;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsString()
  @Matches(AGENCY_CODE_PATTERN, { message: 'must be an agency code' })
  agencyCode?: string;

  @ApiPropertyOptional({ description: 'Disabled accounts cannot log in or refresh' })
  @OptionalNotNull()
  @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional({ description: 'true: lift a lockout' })
  @OptionalNotNull()
  @IsBoolean()
  unlock?: boolean;

  @ApiPropertyOptional({ description: 'A new password (at least 12 characters)' })
  @OptionalNotNull()
  @IsString()
  @Length(12, 200)
  password?: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'A new notification address; null removes it' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsEmail({}, { message: 'must be an e-mail address or null' })
  @Length(3, 254)
  email?: string | null;
}

/** A staff account as the administrator sees it (never the password hash). */
export class UserView {
  @ApiProperty({ example: 'nguyen.van.a' }) id!: string;
  @ApiProperty({ example: 'nguyen.van.a' }) username!: string;
  @ApiProperty({ example: 'Nguyễn Văn A' }) displayName!: string;
  @ApiProperty({ enum: STAFF_ROLES }) role!: Role;
  @ApiProperty({ example: 'UBND-HN' }) agencyCode!: string;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty() disabled!: boolean;
  @ApiProperty({ description: 'Locked after too many failed logins (LOGIN_MAX_FAILURES)' }) locked!: boolean;
}
