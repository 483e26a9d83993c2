import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { MAX_DESCRIPTION_LENGTH } from '../attachments.config';

/** The text fields sent with the file (multipart/form-data). */
export class UploadAttachmentDto {
  @ApiPropertyOptional({ maxLength: MAX_DESCRIPTION_LENGTH, example: 'Bản quét đơn gốc, 3 trang' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_DESCRIPTION_LENGTH)
  // eslint-disable-next-line no-control-regex
  @Matches(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, { message: 'must not contain control characters' })
  description?: string;
}
