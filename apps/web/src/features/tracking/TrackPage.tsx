import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Anchor, Badge, Button, Center, Group, Paper, Stack, Text, TextInput, Timeline, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { CASE_CODE_PATTERN } from '@donthu/domain';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { z } from 'zod';
import { api, ApiError } from '../../api/client';
import type { TrackedCase, Tracking } from '../../api/types';
import { useSession } from '../../auth/session';
import { useLanguage } from '../../i18n';
import { showDate } from '../../lib/dates';
import { LanguageSwitch } from '../../layout/Shell';

// The secret's format (apps/api/src/tracking/tracking-secret.ts): 12 of 0-9 A-Z less U, dashes and spaces optional
// (the api reads I and L as 1, O as 0: a citizen copying by hand is not refused for them).
const trackSchema = z.object({
  code: z.string().trim().toUpperCase().regex(CASE_CODE_PATTERN, 'caseCode'),
  secret: z
    .string()
    .trim()
    .toUpperCase()
    .refine((s) => /^[0-9A-TV-Z]{12}$/.test(s.replace(/[\s-]/g, '')), 'secret'),
});
type TrackForm = z.infer<typeof trackSchema>;

function TrackedCaseCard({ tracked }: { tracked: TrackedCase }) {
  const { t } = useTranslation();
  const { label } = useLanguage();
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Text ff="monospace" fw={700}>
          {tracked.code}
        </Text>
        <Badge variant="light" color="blue" c="blue.9" tt="none">
          {label(tracked.kind.label)}
        </Badge>
      </Group>
      <Text>
        {t('track.status')}:{' '}
        <b data-testid="track-status" data-status={tracked.status.value}>
          {label(tracked.status.label)}
        </b>
      </Text>
      <Text>
        {t('track.received')}: {showDate(tracked.receivedOn)}
      </Text>
      <Text data-testid="track-deadline">
        {t('track.deadline')}: {tracked.currentDeadline ? <b>{`${label(tracked.currentDeadline.label)} — ${showDate(tracked.currentDeadline.date)}`}</b> : t('track.noDeadline')}
      </Text>
      <Title order={3} size="h5">
        {t('track.milestones')}
      </Title>
      <Timeline active={tracked.milestones.length - 1} bulletSize={12} data-testid="track-milestones">
        {tracked.milestones.map((m, i) => (
          <Timeline.Item key={`${m.type}-${i}`} title={label(m.label)}>
            <Text size="xs" c="dimmed">
              {showDate(m.date)}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}

/** Tra cứu hồ sơ: public, no login — code and secret from the receipt → public status, current deadline, milestones. */
export function TrackPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [params] = useSearchParams();
  const form = useForm<TrackForm>({ resolver: zodResolver(trackSchema), defaultValues: { code: params.get('code') ?? '', secret: '' } });
  const track = useMutation({
    // The secret travels in a header, never in the URL (the api refuses it in the query string).
    mutationFn: ({ code, secret }: TrackForm) => api<Tracking>(`/api/v1/track/${encodeURIComponent(code)}`, { anonymous: true, headers: { 'X-Tracking-Secret': secret } }),
  });
  const errors = form.formState.errors;

  return (
    <Center component="main" p="md" mih="100vh" style={{ alignItems: 'flex-start' }}>
      <Stack w={640} maw="100%" mt="xl">
        <Group justify="space-between">
          <Title order={1} size="h2">
            {t('track.title')}
          </Title>
          <LanguageSwitch />
        </Group>
        <Paper withBorder p="lg">
          <form onSubmit={(e) => void form.handleSubmit((values) => track.mutate(values))(e)} noValidate data-testid="track-form">
            <Stack>
              <Text size="sm">{t('track.intro')}</Text>
              <TextInput label={t('track.code')} required autoComplete="off" placeholder="UBND-HN-2026-000123" {...form.register('code')} error={errors.code && t('errors.caseCode')} />
              <TextInput label={t('track.secret')} required autoComplete="off" placeholder="7KQ2-M9XD-4TRW" {...form.register('secret')} error={errors.secret && t('errors.secret')} />
              <Button type="submit" loading={track.isPending} w="fit-content">
                {t('track.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
        {track.isError && (
          <Alert color="red" role="alert">
            {track.error instanceof ApiError && track.error.status === 404 ? t('track.notFound') : track.error instanceof ApiError && track.error.status === 429 ? t('track.rateLimited') : t('errors.network')}
          </Alert>
        )}
        {track.data && (
          <Paper withBorder p="lg" data-testid="track-result" aria-live="polite">
            <TrackedCaseCard tracked={track.data} />
            {track.data.contents.length > 0 && (
              <Stack mt="md">
                <Title order={2} size="h4">
                  {t('track.contents')}
                </Title>
                {track.data.contents.map((content) => (
                  <Paper key={content.code} withBorder p="sm">
                    <TrackedCaseCard tracked={content} />
                  </Paper>
                ))}
              </Stack>
            )}
          </Paper>
        )}
        <Anchor component={Link} to={user ? '/' : '/login'} size="sm">
          {user ? t('app.back') : t('login.title')}
        </Anchor>
      </Stack>
    </Center>
  );
}
