import { BadRequestException, Param, type PipeTransform } from '@nestjs/common';

class YearPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const year = Number(value);
    if (!/^\d{4}$/.test(value) || year < 2007 || year > 2199) {
      throw new BadRequestException({ message: 'Request validation failed', errors: [{ field: 'year', reason: 'must be a year from 2007 to 2199' }] });
    }
    return year;
  }
}

export const YearParam = (): ParameterDecorator => Param('year', new YearPipe());
