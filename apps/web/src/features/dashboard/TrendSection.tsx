import { LineChart } from '@mantine/charts';
import { Alert, Loader, Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { MonitoringTrend } from '../../api/types';
import { todayIso } from '../../lib/dates';
import { lastMonths, showMonth } from './trend-months';

/**
 * Xu hướng theo tháng: cases received and resolved (on time, late) in the last twelve months of
 * the actor's jurisdiction (GET /api/v1/monitoring/trend), a line chart and the same figures as a
 * table (the chart's text alternative).
 */
export function TrendSection() {
  const { t } = useTranslation();
  const months = lastMonths(todayIso());
  const trend = useQuery({
    queryKey: ['monitoring', 'trend', months],
    queryFn: () => api<MonitoringTrend>(`/api/v1/monitoring/trend?from=${months.from}&to=${months.to}`),
    retry: false,
  });
  const series = [
    { name: 'received', color: 'blue.7', label: t('dashboard.received') },
    { name: 'resolved', color: 'teal.8', label: t('dashboard.resolved') },
    { name: 'late', color: 'red.7', label: t('dashboard.late') },
  ];
  const rows = (trend.data?.months ?? []).map((m) => ({ ...m, label: showMonth(m.month) }));

  return (
    <Paper withBorder p="md" component="section" aria-label={t('dashboard.trend')} data-testid="dashboard-trend">
      <Title order={2} size="h4" mb={4}>
        {t('dashboard.trend')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('dashboard.trendNote')}
      </Text>
      {trend.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
      {trend.isError && (
        <Alert color="red" role="alert">
          {trend.error.message}
        </Alert>
      )}
      {trend.data && (
        <>
          <LineChart h={260} data={rows} dataKey="label" series={series} withLegend curveType="linear" yAxisProps={{ allowDecimals: false }} data-testid="trend-chart" />
          <Table.ScrollContainer minWidth={600} mt="md">
            <Table data-testid="trend-table" fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dashboard.month')}</Table.Th>
                  {rows.map((m) => (
                    <Table.Th key={m.month}>{m.label}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(['received', 'resolved', 'onTime', 'late'] as const).map((key) => (
                  <Table.Tr key={key}>
                    <Table.Th scope="row">{t(`dashboard.${key}`)}</Table.Th>
                    {rows.map((m) => (
                      <Table.Td key={m.month}>{m[key]}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Paper>
  );
}
