import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

/** Thụ lý / accept a case for resolution. */
export class AcceptCaseDto {
  @ApiPropertyOptional({ example: 'Đủ điều kiện thụ lý theo Điều 27 Luật Khiếu nại', description: 'Ghi chú / note' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;
}
