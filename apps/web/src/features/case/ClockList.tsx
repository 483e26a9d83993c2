import { Accordion, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Clock } from '../../api/types';
import { useLanguage } from '../../i18n';
import { showDate } from '../../lib/dates';
import { clockBadge } from '../../lib/deadline-badge';
import { clockLabel, milestoneLabel } from '../../lib/labels';
import { DeadlineBadge } from '../inbox/DeadlineBadge';

/** Every statutory clock of the case, each with how its due date was counted (rule, citation, days, holidays skipped). */
export function ClockList({ clocks }: { clocks: Clock[] }) {
  const { t } = useTranslation();
  const { lang, label } = useLanguage();
  if (clocks.length === 0) return <Text c="dimmed">{t('case.noClocks')}</Text>;
  // Running clocks first, nearest due date first.
  const sorted = [...clocks].sort((a, b) => Number(a.status !== 'running') - Number(b.status !== 'running') || a.due.localeCompare(b.due));
  return (
    <Accordion multiple variant="separated" defaultValue={sorted.filter((c) => c.status === 'running').map((c) => `${c.name}-${c.startDate}`)} data-testid="clocks">
      {sorted.map((clock) => (
        <Accordion.Item key={`${clock.name}-${clock.startDate}`} value={`${clock.name}-${clock.startDate}`} data-testid={`clock-${clock.name}`}>
          <Accordion.Control>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text fw={600}>
                {label(clockLabel(clock.name))} <Text span c="dimmed" size="sm">({clock.rule})</Text>
              </Text>
              <Group gap="xs">
                <Text size="sm">
                  {t('case.due')}: <b>{showDate(clock.due)}</b>
                </Text>
                {clock.status === 'running' ? <DeadlineBadge state={clockBadge(clock.monitoringState)} /> : <Badge variant="outline" color="gray.7" tt="none">{t(`case.clockStatus.${clock.status}`)}</Badge>}
                {clock.owner === 'citizen' && <Badge variant="light" color="blue" c="blue.9">{t('case.clockOwnerCitizen')}</Badge>}
              </Group>
            </Group>
          </Accordion.Control>
          <Accordion.Panel>
            <Stack gap="xs">
              <Table withRowBorders={false} verticalSpacing={2}>
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Th w={180}>{t('case.rule')}</Table.Th>
                    <Table.Td>
                      {clock.rule} (v{clock.ruleVersion})
                    </Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('case.start')}</Table.Th>
                    <Table.Td>{showDate(clock.startDate)}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('case.due')}</Table.Th>
                    <Table.Td>
                      {showDate(clock.due)}
                      {clock.provisional && ` — ${t('case.provisional')} (${showDate(clock.dueIgnoringProvisional)})`}
                    </Table.Td>
                  </Table.Tr>
                  {clock.reached.length > 0 && (
                    <Table.Tr>
                      <Table.Th>{t('case.timeline')}</Table.Th>
                      <Table.Td>{clock.reached.map((m) => label(milestoneLabel(m))).join(' · ')}</Table.Td>
                    </Table.Tr>
                  )}
                </Table.Tbody>
              </Table>
              <Text fw={600} size="sm">
                {t('case.explanation')}
              </Text>
              <ol className="explanation" data-testid="clock-explanation">
                {(lang === 'en' ? clock.explanationEn : clock.explanation).map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ol>
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
