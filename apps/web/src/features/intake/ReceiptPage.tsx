import { Alert, Button, Divider, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { CASE_KIND_LABELS } from '@donthu/domain';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { api } from '../../api/client';
import type { Agency, CaseDetail, RegisteredCase } from '../../api/types';
import { useLanguage } from '../../i18n';
import { showDate, showInstant } from '../../lib/dates';
import { clockLabel } from '../../lib/labels';

/**
 * Phiếu tiếp nhận: what the citizen takes home — the code, the secret (shown once, only right
 * after registering: it is in the navigation state, never stored), the first deadline. Printed by
 * the browser with the print stylesheet (menus hidden, A4).
 */
export function ReceiptPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const { label } = useLanguage();
  const receipt = (useLocation().state as { receipt?: RegisteredCase } | null)?.receipt;
  const detail = useQuery({ queryKey: ['case', code], queryFn: () => api<CaseDetail>(`/api/v1/cases/${code}`) });
  const agencies = useQuery({ queryKey: ['agencies'], queryFn: () => api<Agency[]>('/api/v1/agencies') });
  const c = detail.data ?? receipt;
  const secret = receipt?.code === code ? receipt.tracking.secret : null;
  const firstClock = detail.data?.clocks.filter((k) => k.status === 'running').sort((a, b) => a.due.localeCompare(b.due))[0];
  const agencyName = agencies.data?.find((a) => a.code === c?.agencyCode)?.name ?? c?.agencyCode;

  if (!c) return <Alert color="red">{detail.error?.message ?? t('app.loading')}</Alert>;
  return (
    <Stack maw={760}>
      <Group className="no-print">
        <Button onClick={() => window.print()} data-testid="print-receipt">
          {t('receipt.print')}
        </Button>
        <Button variant="default" component={Link} to={`/cases/${code}`}>
          {t('receipt.openCase')}
        </Button>
        <Button variant="default" component={Link} to="/intake">
          {t('receipt.newIntake')}
        </Button>
      </Group>
      <Paper withBorder p="xl" className="receipt" data-testid="receipt">
        <Stack gap="md">
          <Text ta="center" fw={700} size="sm" tt="uppercase">
            {agencyName}
          </Text>
          <Title order={1} size="h2" ta="center">
            {t('receipt.title')}
          </Title>
          <Divider />
          <SimpleGrid cols={2} spacing="sm">
            <Text c="dimmed">{t('receipt.code')}</Text>
            <Text fw={700} ff="monospace" size="lg" data-testid="receipt-code">
              {c.code}
            </Text>
            <Text c="dimmed">{t('receipt.secret')}</Text>
            <Text fw={700} ff="monospace" size="lg" data-testid="receipt-secret">
              {secret ?? t('receipt.secretMissing')}
            </Text>
            <Text c="dimmed">{t('receipt.kind')}</Text>
            <Text>{label(CASE_KIND_LABELS[c.kind])}</Text>
            <Text c="dimmed">{t('receipt.receivedOn')}</Text>
            <Text>{showDate(c.receivedOn)}</Text>
            <Text c="dimmed">{t('receipt.agency')}</Text>
            <Text>{agencyName}</Text>
            {firstClock && (
              <>
                <Text c="dimmed">{t('receipt.firstDeadline')}</Text>
                <Text data-testid="receipt-deadline">
                  {label(clockLabel(firstClock.name))}: <b>{showDate(firstClock.due)}</b>
                </Text>
              </>
            )}
          </SimpleGrid>
          <Divider />
          <Text size="sm">{t('receipt.secretNote')}</Text>
          <Text size="sm">
            {window.location.origin}/track?code={c.code}
          </Text>
          <Text size="xs" c="dimmed" ta="right">
            {t('receipt.printedOn')} {showInstant(new Date().toISOString())}
          </Text>
        </Stack>
      </Paper>
    </Stack>
  );
}
