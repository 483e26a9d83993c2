import { BarChart } from '@mantine/charts';
import { Alert, Anchor, Badge, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { CASE_KIND_LABELS } from '@donthu/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { CaseListPage, MonitoringSummary } from '../../api/types';
import { useLanguage } from '../../i18n';
import { showDate, showInstant, todayLocalDate } from '../../lib/dates';
import { deadlineBadge } from '../../lib/deadline-badge';
import { DeadlineBadge } from '../inbox/DeadlineBadge';
import { EscalationSection } from './EscalationSection';
import { TrendSection } from './TrendSection';

const SERIES = [
  { name: 'dueSoon', color: 'yellow.5' },
  { name: 'overdue', color: 'red.7' },
  { name: 'veryOverdue', color: 'dark.7' },
] as const;

/**
 * Giám sát thời hạn: running agency clocks due soon, overdue and very overdue in the actor's
 * jurisdiction, by agency and by kind (GET /api/v1/monitoring/summary), each agency a link to its
 * cases; the escalation status of the overdue ones per agency, and the monthly trend of cases
 * received and resolved. Periodic reports: features/reports.
 */
export default function DashboardPage() {
  const { t } = useTranslation();
  const { label } = useLanguage();
  const byAgency = useQuery({ queryKey: ['monitoring', 'agency'], queryFn: () => api<MonitoringSummary>('/api/v1/monitoring/summary?groupBy=agency'), refetchInterval: 60_000 });
  const byKind = useQuery({ queryKey: ['monitoring', 'kind'], queryFn: () => api<MonitoringSummary>('/api/v1/monitoring/summary?groupBy=kind'), refetchInterval: 60_000 });
  // Đông người, phức tạp, kéo dài, đất đai (legal-rules.md §4): open cases, nearest deadline first.
  const priority = useQuery({ queryKey: ['monitoring', 'priority'], queryFn: () => api<CaseListPage>('/api/v1/monitoring/priority?limit=20'), retry: false });
  const series = SERIES.map((s) => ({ ...s, label: t(`dashboard.${s.name}`) }));

  if (byAgency.isPending) return <Loader aria-label={t('app.loading')} />;
  if (byAgency.isError)
    return (
      <Alert color="red" role="alert">
        {byAgency.error.message}
      </Alert>
    );
  const summary = byAgency.data;
  const agencyRows = summary.groups.map((g) => ({ agency: g.agencyCode ?? '', name: g.agencyName ?? g.agencyCode ?? '', dueSoon: g.dueSoon, overdue: g.overdue, veryOverdue: g.veryOverdue, total: g.total }));
  // An older api without escalation counts: the section is left out rather than showing zeros.
  const escalationRows = summary.groups.flatMap((g) => (g.escalation ? [{ agency: g.agencyCode ?? '', name: g.agencyName ?? g.agencyCode ?? '', escalation: g.escalation }] : []));
  const kindRows = (byKind.data?.groups ?? []).map((g) => ({ kind: g.kind ? label(CASE_KIND_LABELS[g.kind]) : '', dueSoon: g.dueSoon, overdue: g.overdue, veryOverdue: g.veryOverdue }));

  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Title order={1} size="h2">
          {t('dashboard.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('dashboard.asOf')} {showInstant(summary.asOf)}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} data-testid="dashboard-totals">
        {(['dueSoon', 'overdue', 'veryOverdue', 'total'] as const).map((key) => (
          <Paper withBorder p="md" key={key}>
            <Text size="sm" c="dimmed">
              {t(`dashboard.${key}`)}
            </Text>
            <Text fw={700} size="xl" data-testid={`total-${key}`}>
              {summary.totals[key]}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      {agencyRows.length === 0 ? (
        <Text c="dimmed">{t('dashboard.empty')}</Text>
      ) : (
        <>
          <Paper withBorder p="md" component="section" aria-label={t('dashboard.byAgency')}>
            <Title order={2} size="h4" mb="sm">
              {t('dashboard.byAgency')}
            </Title>
            <BarChart h={Math.max(220, agencyRows.length * 48)} data={agencyRows} dataKey="agency" type="stacked" orientation="vertical" xAxisProps={{ allowDecimals: false }} yAxisProps={{ width: 140 }} series={series} withLegend />
            <Table mt="md" data-testid="dashboard-agencies">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.agencies')}</Table.Th>
                  <Table.Th>{t('dashboard.dueSoon')}</Table.Th>
                  <Table.Th>{t('dashboard.overdue')}</Table.Th>
                  <Table.Th>{t('dashboard.veryOverdue')}</Table.Th>
                  <Table.Th>{t('dashboard.drill')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {agencyRows.map((row) => (
                  <Table.Tr key={row.agency}>
                    <Table.Td>
                      {row.name} ({row.agency})
                    </Table.Td>
                    <Table.Td>{row.dueSoon}</Table.Td>
                    <Table.Td>{row.overdue}</Table.Td>
                    <Table.Td>{row.veryOverdue}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/inbox?agency=${row.agency}&overdue=true`}>
                        {t('dashboard.drill')}
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
          <EscalationSection rows={escalationRows} />
          {kindRows.length > 0 && (
            <Paper withBorder p="md" component="section" aria-label={t('dashboard.byKind')}>
              <Title order={2} size="h4" mb="sm">
                {t('dashboard.byKind')}
              </Title>
              <BarChart h={260} data={kindRows} dataKey="kind" type="stacked" yAxisProps={{ allowDecimals: false }} series={series} withLegend />
            </Paper>
          )}
        </>
      )}
      {priority.data && priority.data.items.length > 0 && (
        <Paper withBorder p="md" component="section" aria-label={t('dashboard.priority')}>
          <Title order={2} size="h4" mb="sm">
            {t('dashboard.priority')}
          </Title>
          <Table data-testid="dashboard-priority">
            <Table.Tbody>
              {priority.data.items.map((c) => {
                const badge = deadlineBadge(c.nextDueOn, c.overdue, todayLocalDate());
                return (
                  <Table.Tr key={c.code}>
                    <Table.Td>
                      <DeadlineBadge state={badge.state} workingDays={badge.workingDays} />
                      <Text size="xs">{showDate(c.nextDueOn)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/cases/${c.code}`} ff="monospace" size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {c.code}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{c.subject}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {(c.priorityLabels ?? []).map((l) => (
                          <Badge key={l} variant="outline" color="grape.9" tt="none">
                            {l}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <TrendSection />
      <Text size="xs" c="dimmed">
        {t('dashboard.trendTodo')}
      </Text>
    </Stack>
  );
}
