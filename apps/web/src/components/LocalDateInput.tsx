import { DateInput, type DateInputProps } from '@mantine/dates';
import { parseTypedDate, todayIso } from '../lib/dates';

/**
 * A statutory date (`YYYY-MM-DD`, Asia/Ho_Chi_Minh) picked or typed as dd/mm/yyyy.
 * `notAfterToday`: the date of a receipt or an act, which cannot be in the future.
 */
export function LocalDateInput({ notAfterToday, ...props }: Omit<DateInputProps, 'valueFormat' | 'dateParser'> & { notAfterToday?: boolean }) {
  return (
    <DateInput
      valueFormat="DD/MM/YYYY"
      placeholder="dd/mm/yyyy"
      dateParser={(input) => parseTypedDate(input)}
      maxDate={notAfterToday ? todayIso() : undefined}
      clearable={!props.required}
      {...props}
    />
  );
}
