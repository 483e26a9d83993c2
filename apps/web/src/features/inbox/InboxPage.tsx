import { Alert, Anchor, Button, Checkbox, Group, Loader, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { CASE_KIND_LABELS, CASE_KINDS, CASE_STATUS_LABELS, CASE_STATUSES, type CaseKind, type CaseStatus } from '@donthu/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, query } from '../../api/client';
import type { CaseListPage } from '../../api/types';
import { useSession } from '../../auth/session';
import { useLanguage } from '../../i18n';
import { showDate, todayLocalDate } from '../../lib/dates';
import { deadlineBadge } from '../../lib/deadline-badge';
import { DeadlineBadge } from './DeadlineBadge';

type Scope = 'agency' | 'mine';

/**
 * Hộp việc: the cases the officer may see, nearest deadline first (the api sorts by nextDueOn),
 * with a due-soon / overdue badge. Filters live in the URL so a dashboard can link to them.
 */
export function InboxPage() {
  const { t } = useTranslation();
  const { label } = useLanguage();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const [scope, setScope] = useState<Scope>('agency');
  const kind = (params.get('kind') as CaseKind | null) ?? undefined;
  const status = (params.get('status') as CaseStatus | null) ?? undefined;
  const agency = params.get('agency') ?? undefined;
  const overdue = params.get('overdue') === 'true' ? true : undefined;
  const [search, setSearch] = useState(params.get('q') ?? '');
  // GET /api/v1/cases?q= searches subject and content (2 to 200 characters), never the parties.
  const [debounced] = useDebouncedValue(search.trim(), 350);
  const q = debounced.length >= 2 ? debounced : undefined;
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const cases = useInfiniteQuery({
    queryKey: ['cases', { kind, status, agency, overdue, q }],
    queryFn: ({ pageParam }) => api<CaseListPage>(`/api/v1/cases${query({ kind, status, agency, overdue, q, limit: 50, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const today = todayLocalDate();
  // TODO(next session): `assignee=me` on GET /api/v1/cases; until then "mine" filters the loaded pages.
  const rows = (cases.data?.pages.flatMap((p) => p.items) ?? []).filter((c) => scope === 'agency' || c.assignee === user?.id);

  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Title order={1} size="h2">
          {t('inbox.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {q ? t('inbox.searchNote') : t('inbox.sortedNote')}
        </Text>
      </Group>
      <Group align="end" gap="md">
        <SegmentedControl
          aria-label={t('inbox.title')}
          value={scope}
          onChange={(v) => setScope(v === 'mine' ? 'mine' : 'agency')}
          data={[
            { value: 'agency', label: t('inbox.agency') },
            { value: 'mine', label: t('inbox.mine') },
          ]}
        />
        <TextInput label={t('inbox.search')} type="search" value={search} onChange={(e) => setSearch(e.currentTarget.value)} maxLength={200} w={240} data-testid="inbox-search" />
        <Select
          label={t('inbox.filterKind')}
          clearable
          value={kind ?? null}
          onChange={(v) => setParam('kind', v)}
          data={CASE_KINDS.map((k) => ({ value: k, label: label(CASE_KIND_LABELS[k]) }))}
          w={230}
        />
        <Select
          label={t('inbox.filterStatus')}
          clearable
          value={status ?? null}
          onChange={(v) => setParam('status', v)}
          data={CASE_STATUSES.map((s) => ({ value: s, label: label(CASE_STATUS_LABELS[s]) }))}
          w={230}
        />
        <Checkbox label={t('inbox.onlyOverdue')} checked={overdue === true} onChange={(e) => setParam('overdue', e.currentTarget.checked ? 'true' : null)} mb={6} />
        {agency && (
          <Button variant="light" size="xs" mb={4} onClick={() => setParam('agency', null)}>
            {agency} ✕
          </Button>
        )}
      </Group>
      {cases.isError && (
        <Alert color="red" role="alert">
          {t('app.error')}: {cases.error.message}
        </Alert>
      )}
      {cases.isPending ? (
        <Loader aria-label={t('app.loading')} />
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table striped highlightOnHover verticalSpacing="xs" data-testid="inbox-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th miw={190}>{t('inbox.due')}</Table.Th>
                <Table.Th>{t('inbox.code')}</Table.Th>
                <Table.Th>{t('inbox.subject')}</Table.Th>
                <Table.Th>{t('inbox.kind')}</Table.Th>
                <Table.Th>{t('inbox.status')}</Table.Th>
                <Table.Th>{t('inbox.received')}</Table.Th>
                <Table.Th>{t('inbox.agencyCol')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={7}>
                    <Text c="dimmed">{t('inbox.empty')}</Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {rows.map((c) => {
                const badge = deadlineBadge(c.nextDueOn, c.overdue, today);
                return (
                  <Table.Tr key={c.code} data-testid={`case-row-${c.code}`}>
                    <Table.Td>
                      <Stack gap={2}>
                        <DeadlineBadge state={badge.state} workingDays={badge.workingDays} />
                        <Text size="xs">{showDate(c.nextDueOn)}</Text>
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/cases/${c.code}`} ff="monospace" size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {c.code}
                      </Anchor>
                    </Table.Td>
                    <Table.Td maw={320}>
                      <Text size="sm" lineClamp={2}>
                        {c.subject}
                      </Text>
                    </Table.Td>
                    <Table.Td>{label(CASE_KIND_LABELS[c.kind])}</Table.Td>
                    <Table.Td>{label(CASE_STATUS_LABELS[c.status])}</Table.Td>
                    <Table.Td>{showDate(c.receivedOn)}</Table.Td>
                    <Table.Td>{c.agencyCode}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {cases.hasNextPage && (
        <Button variant="default" onClick={() => void cases.fetchNextPage()} loading={cases.isFetchingNextPage} w="fit-content">
          {t('inbox.more')}
        </Button>
      )}
    </Stack>
  );
}
