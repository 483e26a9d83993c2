import { Alert, Button, Checkbox, Group, Loader, NumberInput, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { REPORT_MAX_YEAR, REPORT_MIN_YEAR, REPORT_PERIOD_CITATION, REPORT_PERIOD_KINDS, REPORT_PERIOD_LABELS, roleMay, type ReportPeriodKind } from '@donthu/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, sessionStore } from '../../api/client';
import type { Agency } from '../../api/types';
import { useSession } from '../../auth/session';
import { useLanguage } from '../../i18n';
import { showDate, showInstant, todayIso } from '../../lib/dates';

interface Report {
  id: string;
  periodKind: ReportPeriodKind;
  year: number;
  periodLabel: { vi: string; en: string };
  from: string;
  to: string;
  agencyCode: string;
  includeSubordinates: boolean;
  agencies: string[];
  generatedAt: string;
  trigger: 'on_demand' | 'schedule';
  generatedBy: string;
  links: { xlsx: string; csv: string };
}

/** Downloads a report file with the officer's token (a plain link would not carry it). */
async function download(url: string, fileName: string): Promise<void> {
  const response = await fetch(url, { headers: { Authorization: `Bearer ${sessionStore.read()?.accessToken ?? ''}` } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const href = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(href);
}

/** Báo cáo định kỳ (Thông tư 01/2024/TT-TTCP): generate a period's report for an agency in scope, download it as XLSX or CSV. */
export default function ReportsPage() {
  const { t } = useTranslation();
  const { label } = useLanguage();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const [periodKind, setPeriodKind] = useState<ReportPeriodKind>('q1');
  const [year, setYear] = useState(Number(todayIso().slice(0, 4)));
  const [agencyCode, setAgencyCode] = useState(user?.agencyCode ?? '');
  const [includeSubordinates, setIncludeSubordinates] = useState(true);
  const reports = useQuery({ queryKey: ['reports'], queryFn: () => api<{ items: Report[]; truncated: boolean }>('/api/v1/reports?limit=50') });
  const agencies = useQuery({ queryKey: ['agencies'], queryFn: () => api<Agency[]>('/api/v1/agencies') });
  const generate = useMutation({
    mutationFn: () => api<Report>('/api/v1/reports', { body: { periodKind, year, agencyCode, includeSubordinates } }),
    onSuccess: async (report) => {
      await queryClient.invalidateQueries({ queryKey: ['reports'] });
      notifications.show({ color: 'green', message: `${label(report.periodLabel)} — ${report.agencyCode}` });
    },
  });
  const mayGenerate = user !== null && roleMay(user.role, 'generate_report');

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('reports.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {REPORT_PERIOD_CITATION}
      </Text>
      {mayGenerate && (
        <Paper withBorder p="md" component="section" aria-label={t('reports.generate')}>
          <Group align="end">
            <Select label={t('reports.period')} allowDeselect={false} value={periodKind} onChange={(v) => v && setPeriodKind(v)} data={REPORT_PERIOD_KINDS.map((k) => ({ value: k, label: label(REPORT_PERIOD_LABELS[k]) }))} w={200} />
            <NumberInput label={t('admin.year')} value={year} onChange={(v) => typeof v === 'number' && setYear(v)} min={REPORT_MIN_YEAR} max={REPORT_MAX_YEAR} w={120} />
            <Select
              label={t('reports.agency')}
              searchable
              allowDeselect={false}
              value={agencyCode}
              onChange={(v) => v && setAgencyCode(v)}
              data={(agencies.data ?? [{ code: agencyCode, name: agencyCode } as Agency]).map((a) => ({ value: a.code, label: `${a.name} (${a.code})` }))}
              w={320}
            />
            <Checkbox label={t('reports.subordinates')} checked={includeSubordinates} onChange={(e) => setIncludeSubordinates(e.currentTarget.checked)} mb={8} />
            <Button onClick={() => generate.mutate()} loading={generate.isPending} data-testid="generate-report">
              {t('reports.generate')}
            </Button>
          </Group>
          {generate.error && (
            <Alert color="red" mt="sm" role="alert">
              {generate.error instanceof ApiError ? `${generate.error.message} ${generate.error.fieldErrors.map((e) => `${e.field}: ${e.reasonVi ?? e.reason}`).join('; ')}` : generate.error.message}
            </Alert>
          )}
        </Paper>
      )}
      {reports.isPending && <Loader />}
      {reports.isError && <Alert color="red">{reports.error.message}</Alert>}
      {reports.data && (
        <Table striped data-testid="reports-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.period')}</Table.Th>
              <Table.Th>{t('reports.agency')}</Table.Th>
              <Table.Th>{t('reports.generatedAt')}</Table.Th>
              <Table.Th>{t('reports.files')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {reports.data.items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={4}>
                  <Text c="dimmed">{t('app.none')}</Text>
                </Table.Td>
              </Table.Tr>
            )}
            {reports.data.items.map((r) => (
              <Table.Tr key={r.id} data-testid="report-row">
                <Table.Td>
                  {label(r.periodLabel)}
                  <Text size="xs" c="dimmed">
                    {showDate(r.from)} → {showDate(r.to)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {r.agencyCode}
                  {r.includeSubordinates && (
                    <Text size="xs" c="dimmed">
                      {r.agencies.length} {t('reports.agenciesCount')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {showInstant(r.generatedAt)}
                  <Text size="xs" c="dimmed">
                    {r.generatedBy}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    <Button size="xs" variant="light" onClick={() => void download(r.links.xlsx, `bao-cao-${r.agencyCode}-${r.year}-${r.periodKind}.xlsx`)}>
                      XLSX
                    </Button>
                    <Button size="xs" variant="light" onClick={() => void download(r.links.csv, `bao-cao-${r.agencyCode}-${r.year}-${r.periodKind}.csv`)}>
                      CSV
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
