import { Alert, Anchor, Badge, Button, Loader, Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { EscalationCounts, MonitoredClock, OverdueClocksPage } from '../../api/types';
import { useLanguage } from '../../i18n';
import { showDate } from '../../lib/dates';
import { clockLabel } from '../../lib/labels';

export interface EscalationRow {
  agency: string;
  name: string;
  escalation: EscalationCounts;
}

const STEP_KEYS = { 0: 'stepNone', 1: 'stepReminder', 2: 'stepInspectorate', 3: 'stepSuperior' } as const;
const STEP_COLORS = { 0: 'gray.7', 1: 'yellow.9', 2: 'orange.9', 3: 'red.9' } as const;
const DRILL_LIMIT = 50;

/**
 * Trạng thái chuyển cấp: per agency, its overdue clocks by the escalation step recorded so far
 * (legal-rules.md §6: 1 reminder on the due date, 2 same-level inspectorate, 3 superior), from the
 * summary's counts; each agency opens its overdue clocks (GET /api/v1/monitoring/overdue) with
 * their step, each case a link.
 */
export function EscalationSection({ rows }: { rows: EscalationRow[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const withOverdue = rows.filter((r) => r.escalation.reminder + r.escalation.inspectorate + r.escalation.superior > 0);
  if (withOverdue.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-label={t('dashboard.escalation')}>
      <Title order={2} size="h4" mb={4}>
        {t('dashboard.escalation')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('dashboard.escalationNote')}
      </Text>
      <Table data-testid="dashboard-escalation">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.agencies')}</Table.Th>
            <Table.Th>1 · {t('dashboard.stepReminder')}</Table.Th>
            <Table.Th>2 · {t('dashboard.stepInspectorate')}</Table.Th>
            <Table.Th>3 · {t('dashboard.stepSuperior')}</Table.Th>
            <Table.Th>{t('dashboard.overdueList')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {withOverdue.flatMap((row) => [
            <Table.Tr key={row.agency} data-agency={row.agency}>
              <Table.Td>
                {row.name} ({row.agency})
              </Table.Td>
              <Table.Td>{row.escalation.reminder}</Table.Td>
              <Table.Td>{row.escalation.inspectorate}</Table.Td>
              <Table.Td>{row.escalation.superior}</Table.Td>
              <Table.Td>
                <Button size="compact-sm" variant="light" aria-expanded={open === row.agency} onClick={() => setOpen(open === row.agency ? null : row.agency)}>
                  {open === row.agency ? t('dashboard.hideClocks') : t('dashboard.showClocks')}
                </Button>
              </Table.Td>
            </Table.Tr>,
            ...(open === row.agency
              ? [
                  <Table.Tr key={`${row.agency}-clocks`}>
                    <Table.Td colSpan={5}>
                      <OverdueClocks agency={row.agency} />
                    </Table.Td>
                  </Table.Tr>,
                ]
              : []),
          ])}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function OverdueClocks({ agency }: { agency: string }) {
  const { t } = useTranslation();
  const { label } = useLanguage();
  const page = useQuery({
    queryKey: ['monitoring', 'overdue', agency],
    queryFn: () => api<OverdueClocksPage>(`/api/v1/monitoring/overdue?agency=${encodeURIComponent(agency)}&limit=${DRILL_LIMIT}`),
  });
  if (page.isPending) return <Loader size="sm" aria-label={t('app.loading')} />;
  if (page.isError)
    return (
      <Alert color="red" role="alert">
        {page.error.message}
      </Alert>
    );
  return (
    <>
      <Table fz="sm" data-testid={`overdue-clocks-${agency}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('dashboard.case')}</Table.Th>
            <Table.Th>{t('dashboard.clock')}</Table.Th>
            <Table.Th>{t('dashboard.due')}</Table.Th>
            <Table.Th>{t('dashboard.age')}</Table.Th>
            <Table.Th>{t('dashboard.step')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {page.data.items.map((c: MonitoredClock) => (
            <Table.Tr key={`${c.caseCode}-${c.clock}`}>
              <Table.Td>
                <Anchor component={Link} to={`/cases/${c.caseCode}`} ff="monospace" size="sm">
                  {c.caseCode}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {label(clockLabel(c.clock))} ({c.rule})
              </Table.Td>
              <Table.Td>{showDate(c.dueIgnoringProvisional)}</Table.Td>
              <Table.Td>{c.ageDays}</Table.Td>
              <Table.Td>
                <Badge color={STEP_COLORS[c.escalationStep]} variant={c.escalationStep === 0 ? 'outline' : 'filled'} tt="none">
                  {c.escalationStep > 0 ? `${c.escalationStep} · ` : ''}
                  {t(`dashboard.${STEP_KEYS[c.escalationStep]}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {page.data.nextCursor !== null && (
        <Anchor component={Link} to={`/inbox?agency=${agency}&overdue=true`} size="sm">
          {t('dashboard.more')}
        </Anchor>
      )}
    </>
  );
}
