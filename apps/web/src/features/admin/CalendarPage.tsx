import { Alert, Badge, Button, FileButton, Group, Loader, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { roleMay, type CalendarYearInput } from '@donthu/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { useSession } from '../../auth/session';
import { showDate, todayIso } from '../../lib/dates';

interface CalendarYearView {
  year: number;
  status: string;
  confidence: string;
  source: string;
  calendarVersion: string;
  daysOff: { date: string; name: string; kind: string; provisional: boolean }[];
  makeUpWorkingDays: { date: string; replaces: string; provisional: boolean }[];
}

/**
 * Lịch nghỉ chính thức: the days off and make-up working days of a year as the deadlines count
 * them; an administrator uploads a new year's schedule (JSON, the shape of PUT /api/v1/calendar/:year),
 * reviews it here, then loads it.
 */
export default function CalendarPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(Number(todayIso().slice(0, 4)));
  const [draft, setDraft] = useState<{ year: number; input: CalendarYearInput } | null>(null);
  const [draftError, setDraftError] = useState<string | null>(null);
  const calendar = useQuery({ queryKey: ['calendar', year], queryFn: () => api<CalendarYearView>(`/api/v1/calendar/${year}`) });
  const load = useMutation({
    mutationFn: (d: { year: number; input: CalendarYearInput }) => api(`/api/v1/calendar/${d.year}`, { method: 'PUT', body: d.input }),
    onSuccess: async (_r, d) => {
      setDraft(null);
      setYear(d.year);
      await queryClient.invalidateQueries({ queryKey: ['calendar'] });
      notifications.show({ color: 'green', message: `${t('admin.calendar')} ${d.year} ✓` });
    },
  });
  const readFile = async (file: File | null) => {
    setDraftError(null);
    if (!file) return;
    try {
      const parsed = JSON.parse(await file.text()) as Partial<Record<keyof CalendarYearInput, unknown>>;
      if (!Array.isArray(parsed.daysOff) || !Array.isArray(parsed.makeUpWorkingDays)) throw new Error('daysOff / makeUpWorkingDays');
      // The api checks every entry when it is loaded; the review here shows what the file says.
      const input = parsed as unknown as CalendarYearInput;
      const firstDate: string | undefined = input.daysOff[0]?.date;
      const fileYear = Number(/(\d{4})/.exec(file.name)?.[1] ?? firstDate?.slice(0, 4) ?? year);
      setDraft({ year: fileYear, input });
    } catch (error) {
      setDraftError((error as Error).message);
    }
  };

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('admin.calendar')}
      </Title>
      <Group align="end">
        <NumberInput label={t('admin.year')} value={year} onChange={(v) => typeof v === 'number' && setYear(v)} min={2000} max={2100} w={140} />
        {user && roleMay(user.role, 'load_calendar_year') && (
          <FileButton onChange={(f) => void readFile(f)} accept="application/json">
            {(props) => (
              <Button variant="default" {...props}>
                JSON…
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {draftError && <Alert color="red">{draftError}</Alert>}
      {draft && (
        <Paper withBorder p="md" data-testid="calendar-draft">
          <Text fw={600}>
            {draft.year} — {draft.input.source} ({draft.input.confidence})
          </Text>
          <Table>
            <Table.Tbody>
              {draft.input.daysOff.map((d) => (
                <Table.Tr key={d.date}>
                  <Table.Td>{showDate(d.date)}</Table.Td>
                  <Table.Td>{d.name}</Table.Td>
                  <Table.Td>{d.kind}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {load.error && <Alert color="red">{load.error instanceof ApiError ? `${load.error.message}: ${load.error.fieldErrors.map((e) => `${e.field} ${e.reasonVi ?? e.reason}`).join('; ')}` : load.error.message}</Alert>}
          <Group mt="sm">
            <Button onClick={() => load.mutate(draft)} loading={load.isPending}>
              PUT {draft.year}
            </Button>
            <Button variant="default" onClick={() => setDraft(null)}>
              {t('case.cancel')}
            </Button>
          </Group>
        </Paper>
      )}
      {calendar.isPending && <Loader />}
      {calendar.isError && <Alert color="red">{calendar.error.message}</Alert>}
      {calendar.data && (
        <Paper withBorder p="md">
          <Group gap="xs" mb="sm">
            <Badge color={calendar.data.status === 'official' ? 'green.9' : 'yellow.4'} c={calendar.data.status === 'official' ? undefined : 'black'}>
              {calendar.data.status}
            </Badge>
            <Text size="sm">{calendar.data.source}</Text>
          </Group>
          <Title order={2} size="h5">
            {t('admin.daysOff')}
          </Title>
          <Table data-testid="calendar-days-off">
            <Table.Tbody>
              {calendar.data.daysOff.map((d) => (
                <Table.Tr key={d.date}>
                  <Table.Td>{showDate(d.date)}</Table.Td>
                  <Table.Td>{d.name}</Table.Td>
                  <Table.Td>{d.provisional && <Badge size="xs" color="yellow.4" c="black">{t('case.provisional')}</Badge>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {calendar.data.makeUpWorkingDays.length > 0 && (
            <>
              <Title order={2} size="h5" mt="md">
                {t('admin.workdays')}
              </Title>
              <Table>
                <Table.Tbody>
                  {calendar.data.makeUpWorkingDays.map((d) => (
                    <Table.Tr key={d.date}>
                      <Table.Td>{showDate(d.date)}</Table.Td>
                      <Table.Td>→ {showDate(d.replaces)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
        </Paper>
      )}
    </Stack>
  );
}
