import { BadRequestException, Param, type PipeTransform } from '@nestjs/common';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class AttachmentIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value)) {
      throw new BadRequestException({ message: 'Request validation failed', errors: [{ field: 'id', reason: 'must be an attachment id (UUID)' }] });
    }
    return value.toLowerCase();
  }
}

/** The `:id` route parameter: an attachment id. */
export const AttachmentIdParam = (): ParameterDecorator => Param('id', new AttachmentIdPipe());
