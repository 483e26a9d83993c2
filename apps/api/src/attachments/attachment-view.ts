import { ApiProperty } from '@nestjs/swagger';
import type { CaseAttachmentEntity } from '@donthu/persistence';
import { ALLOWED_MEDIA_TYPES } from './content/media-type';

/** An attachment's metadata: what the file is and how to check it, never its content. */
export class AttachmentView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Đơn khiếu nại - bản quét.pdf', description: "The client's file name, sanitised (metadata only)" })
  fileName!: string;

  @ApiProperty({ enum: ALLOWED_MEDIA_TYPES, description: 'Detected from the content' })
  mediaType!: string;

  @ApiProperty({ example: 183204 })
  sizeBytes!: number;

  @ApiProperty({ example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', description: 'SHA-256 of the content, hex' })
  sha256!: string;

  @ApiProperty({ example: '2026-11-20T09:30:00.000Z' })
  uploadedAt!: string;

  @ApiProperty({ description: 'User id of the uploader' })
  uploadedBy!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Bản quét đơn gốc, 3 trang' })
  description!: string | null;

  static of(row: CaseAttachmentEntity): AttachmentView {
    return Object.assign(new AttachmentView(), {
      id: row.id,
      fileName: row.fileName,
      mediaType: row.mediaType,
      sizeBytes: row.sizeBytes,
      sha256: row.sha256,
      uploadedAt: row.uploadedAt.toISOString(),
      uploadedBy: row.uploadedBy,
      description: row.description,
    });
  }
}
