import { Alert, Badge, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { LegalRule, LocalizedText, RuleVersion } from '@donthu/domain';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useLanguage } from '../../i18n';
import { showDate } from '../../lib/dates';

type RuleRow = Omit<LegalRule, 'versions'> & { startEventLabel: LocalizedText; versions: (RuleVersion & { unitLabel: LocalizedText | null })[] };

/** Bảng quy tắc: every statutory period with its versions, citation and confidence, as the api applies them. */
export default function RulesPage() {
  const { t } = useTranslation();
  const { label } = useLanguage();
  const rules = useQuery({ queryKey: ['rules'], queryFn: () => api<RuleRow[]>('/api/v1/rules'), staleTime: Infinity });
  if (rules.isPending) return <Loader aria-label={t('app.loading')} />;
  if (rules.isError) return <Alert color="red">{rules.error.message}</Alert>;
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('admin.rules')}
      </Title>
      <Table.ScrollContainer minWidth={900}>
        <Table striped data-testid="rules-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.code')}</Table.Th>
              <Table.Th>{t('admin.name')}</Table.Th>
              <Table.Th>{t('admin.start')}</Table.Th>
              <Table.Th>{t('admin.period')}</Table.Th>
              <Table.Th>{t('admin.citation')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rules.data.flatMap((rule) =>
              rule.versions.map((v, i) => (
                <Table.Tr key={`${rule.id}-${v.version}`}>
                  {i === 0 && (
                    <>
                      <Table.Td rowSpan={rule.versions.length} ff="monospace" fw={600}>
                        {rule.id}
                      </Table.Td>
                      <Table.Td rowSpan={rule.versions.length}>{label(rule.title)}</Table.Td>
                      <Table.Td rowSpan={rule.versions.length}>{label(rule.startEventLabel)}</Table.Td>
                    </>
                  )}
                  <Table.Td>
                    {v.period.kind === 'none' ? label(v.period.reason) : `${v.period.kind === 'backward' ? '≥ ' : ''}${v.period.days} ${v.unitLabel ? label(v.unitLabel) : ''}`}
                    {v.period.kind === 'forward' && v.period.variants && (
                      <Text size="xs" c="dimmed">
                        {Object.entries(v.period.variants)
                          .map(([k, d]) => `${k}: ${d}`)
                          .join(' · ')}
                      </Text>
                    )}
                    <Text size="xs" c="dimmed">
                      v{v.version}: {showDate(v.effectiveFrom)} → {v.effectiveTo ? showDate(v.effectiveTo) : '…'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {v.citation}{' '}
                    {v.confidence === 'check' && (
                      <Badge size="xs" color="yellow.4" c="black">
                        check
                      </Badge>
                    )}
                    {v.basis === 'policy' && (
                      <Badge size="xs" color="gray.7" variant="outline" ml={4}>
                        policy
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              )),
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
