import { Alert, Badge, Button, Grid, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { CASE_COMMAND_LABELS, CASE_KIND_LABELS, CASE_STATUS_LABELS } from '@donthu/domain';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../api/client';
import type { AuditEvent, CaseDetail } from '../../api/types';
import { useSession } from '../../auth/session';
import { useLanguage } from '../../i18n';
import { showDate, todayLocalDate } from '../../lib/dates';
import { deadlineBadge } from '../../lib/deadline-badge';
import { CHANNEL_LABELS } from '../../lib/labels';
import { DeadlineBadge } from '../inbox/DeadlineBadge';
import { ActionForm } from './ActionForm';
import { AttachmentsPanel } from './AttachmentsPanel';
import { CaseTimeline } from './CaseTimeline';
import { ClockList } from './ClockList';
import { actionsFor, type ActionSpec } from './command-forms';
import { IdentityPanel } from './IdentityPanel';

/** Acts that end or refuse the handling: drawn apart from the ordinary next steps. */
const NEGATIVE = new Set<string>(['refuse', 'terminate', 'withdraw', 'file', 'return_transfer']);

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title} data-testid={testId}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function Field({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  );
}

/** Hồ sơ: details, every clock with its explanation, the actions this officer may take now, the timeline. */
export function CasePage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const { label } = useLanguage();
  const { user } = useSession();
  const [open, setOpen] = useState<ActionSpec | null>(null);
  const detail = useQuery({ queryKey: ['case', code], queryFn: () => api<CaseDetail>(`/api/v1/cases/${code}`) });
  // Clock milestones are recorded by the workflow on its own: the page follows them.
  const events = useQuery({ queryKey: ['events', code], queryFn: () => api<AuditEvent[]>(`/api/v1/cases/${code}/events`), refetchInterval: 15_000 });

  if (detail.isPending) return <Loader aria-label={t('app.loading')} />;
  if (detail.isError)
    return (
      <Alert color="red" role="alert">
        {detail.error.message}
      </Alert>
    );
  const c = detail.data;
  const actions = user ? actionsFor(c.kind, c.status, c.allowedCommands, user.role) : [];
  const badge = deadlineBadge(c.nextDueOn, c.overdue, todayLocalDate());

  return (
    <Stack>
      <Group justify="space-between" align="start">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {t('case.title', { code: c.code })}
          </Title>
          <Text>{c.subject}</Text>
          <Group gap="xs">
            <Badge variant="light" color="blue" c="blue.9" tt="none">
              {label(CASE_KIND_LABELS[c.kind])}
            </Badge>
            <Badge variant="filled" color="dark" tt="none" data-testid="case-status" data-status={c.status}>
              {label(CASE_STATUS_LABELS[c.status])}
            </Badge>
            <DeadlineBadge state={badge.state} workingDays={badge.workingDays} />
            {(c.priorityLabels ?? []).map((l) => (
              <Badge key={l} variant="outline" color="grape.9" tt="none">
                {l}
              </Badge>
            ))}
          </Group>
        </Stack>
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <Section title={t('case.actions')} testId="actions">
              {actions.length === 0 ? (
                <Text c="dimmed">{t('case.noActions')}</Text>
              ) : (
                <Group gap="xs">
                  {actions.map((spec) => (
                    <Button key={spec.command} variant={NEGATIVE.has(spec.command) ? 'outline' : 'light'} onClick={() => setOpen(spec)} data-testid={`action-${spec.command}`}>
                      {label(CASE_COMMAND_LABELS[spec.command])}
                    </Button>
                  ))}
                </Group>
              )}
            </Section>
            <Section title={t('case.clocks')}>
              <ClockList clocks={c.clocks} />
            </Section>
            <Section title={t('case.details')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Field label={t('case.received')} value={showDate(c.receivedOn)} />
                <Field label={t('case.channel')} value={label(CHANNEL_LABELS[c.channel] ?? { vi: c.channel, en: c.channel })} />
                <Field label={t('case.agency')} value={c.agencyCode} />
                <Field label={t('case.assignee')} value={c.assignee ?? '—'} />
                {c.respondentBody && <Field label={t('case.respondent')} value={c.respondentBody} />}
                {c.remote && <Field label={t('case.remote')} value={t('app.yes')} />}
                {c.severalSites && <Field label={t('case.severalSites')} value={t('app.yes')} />}
              </SimpleGrid>
              <Text size="xs" c="dimmed" mt="sm">
                {t('case.content')}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {c.content}
              </Text>
            </Section>
            <Section title={t('case.identity')}>
              <IdentityPanel caseCode={c.code} />
            </Section>
            <Section title={t('case.attachments')}>
              <AttachmentsPanel caseCode={c.code} />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Section title={t('case.timeline')}>{events.data ? <CaseTimeline events={events.data} /> : <Loader size="sm" />}</Section>
        </Grid.Col>
      </Grid>
      {open && <ActionForm caseCode={c.code} agencyCode={c.agencyCode} spec={open} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
