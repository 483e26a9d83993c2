import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One problem with the request: which field (dotted path) and why. */
export class FieldError {
  @ApiProperty({ example: 'complainant.fullName' })
  field!: string;

  @ApiProperty({ example: 'must be a string of 1 to 200 characters' })
  reason!: string;

  @ApiPropertyOptional({ example: 'ngày không tồn tại', description: 'The reason in Vietnamese, where the domain gives one' })
  reasonVi?: string;
}

/** The one shape of every error body the api returns. */
export class ApiErrorBody {
  @ApiProperty({ example: 400 })
  statusCode!: number;

  @ApiProperty({ example: 'Bad Request' })
  error!: string;

  @ApiProperty({ example: 'Request validation failed' })
  message!: string;

  @ApiPropertyOptional({ type: [FieldError] })
  errors?: FieldError[];

  @ApiPropertyOptional({ description: 'Correlates with the server logs (X-Request-Id).' })
  requestId?: string;
}
