import { Alert, Badge, List, Loader, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import {
  CASE_KIND_LABELS,
  complaintCompetence,
  denunciationCompetence,
  LEGAL_GROUND_LISTS,
  lifecycleOf,
  type CaseKind,
  type ComplaintRespondent,
  type DenunciationRespondent,
} from '@donthu/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { DeadlinePreview } from '../../api/types';
import { useLanguage } from '../../i18n';
import { showDate } from '../../lib/dates';
import { clockLabel } from '../../lib/labels';

const COMPLAINT_RESPONDENTS: { value: ComplaintRespondent; vi: string; en: string }[] = [
  { value: 'commune_peoples_committee', vi: 'Quyết định của UBND cấp xã', en: 'Decision of the commune People’s Committee' },
  { value: 'commune_chair', vi: 'Quyết định, hành vi của Chủ tịch UBND cấp xã', en: 'Decision or act of the commune chair' },
  { value: 'department_unit', vi: 'Quyết định của cơ quan, đơn vị thuộc sở', en: 'Decision of a unit of a department' },
  { value: 'department_director', vi: 'Quyết định của Giám đốc sở', en: 'Decision of a department director' },
  { value: 'provincial_chair', vi: 'Quyết định của Chủ tịch UBND cấp tỉnh', en: 'Decision of the provincial chair' },
];
const DENUNCIATION_RESPONDENTS: { value: DenunciationRespondent; vi: string; en: string }[] = [
  { value: 'civil_servant', vi: 'Cán bộ, công chức, viên chức', en: 'A civil servant' },
  { value: 'agency_head', vi: 'Người đứng đầu, cấp phó cơ quan', en: 'The head or deputy head of an agency' },
];

/**
 * Live help while the officer fills the intake form: the first statutory deadline(s) the case
 * will get (the api's own calculator, with its explanation), who is competent, and the grounds on
 * which it could be refused, each with its article. Nothing here is saved.
 */
export function ClassificationHelp({ kind, receivedOn, remote, severalSites }: { kind: CaseKind; receivedOn: string | null; remote: boolean; severalSites: boolean }) {
  const { t } = useTranslation();
  const { lang, label } = useLanguage();
  const [respondent, setRespondent] = useState<string | null>(null);
  const lifecycle = lifecycleOf(kind);
  const starts = lifecycle.onRegister.start ?? [];
  const previews = useQueries({
    queries: starts.map((spec) => ({
      queryKey: ['preview', spec.rule, receivedOn, remote, severalSites],
      enabled: receivedOn !== null,
      retry: false,
      queryFn: async () => {
        const facts = { ...(remote ? { remote: true } : {}), ...(severalSites ? { severalSites: true } : {}) };
        // A fact the rule has no variant for is refused: fall back to the plain period.
        try {
          return await api<DeadlinePreview>('/api/v1/deadlines/preview', { body: { rule: spec.rule, start: receivedOn, facts } });
        } catch (error) {
          if (Object.keys(facts).length === 0) throw error;
          return api<DeadlinePreview>('/api/v1/deadlines/preview', { body: { rule: spec.rule, start: receivedOn } });
        }
      },
    })),
  });
  const groundSets = [...new Set(lifecycle.transitions.flatMap((tr) => (tr.grounds && tr.grounds !== 'termination' ? [tr.grounds] : [])))];
  const respondents = kind === 'complaint' || kind === 'complaint_second_level' ? COMPLAINT_RESPONDENTS : kind === 'denunciation' || kind === 'denunciation_review' ? DENUNCIATION_RESPONDENTS : [];
  const competence =
    respondent === null
      ? null
      : respondents === COMPLAINT_RESPONDENTS
        ? complaintCompetence(respondent as ComplaintRespondent)
        : denunciationCompetence(respondent as DenunciationRespondent);

  return (
    <Paper withBorder p="md" component="aside" aria-label={t('intake.help')} data-testid="classification-help">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('intake.help')}
        </Title>
        <Text size="sm">
          {t('intake.kindHelp')}: <b>{label(CASE_KIND_LABELS[kind])}</b>
        </Text>
        <Text fw={600} size="sm">
          {t('intake.deadlinePreview')}
        </Text>
        {starts.map((spec, i) => {
          const preview = previews[i];
          return (
            <Stack key={spec.clock} gap={4} data-testid="deadline-preview">
              <Text size="sm">
                {label(clockLabel(spec.clock))} ({spec.rule}):{' '}
                {preview?.isFetching ? <Loader size="xs" /> : preview?.data ? <b>{showDate(preview.data.due)}</b> : '—'}
                {preview?.data?.provisional && (
                  <Badge ml="xs" size="xs" color="yellow.4" c="black">
                    {t('case.provisional')}
                  </Badge>
                )}
              </Text>
              {preview?.isError && (
                <Alert color="yellow" p="xs">
                  {t('intake.previewFailed')}: {preview.error.message}
                </Alert>
              )}
              {preview?.data && (
                <ol className="explanation">
                  {preview.data.explanationText[lang].map((line, j) => (
                    <li key={j}>{line}</li>
                  ))}
                </ol>
              )}
            </Stack>
          );
        })}
        {respondents.length > 0 && (
          <>
            <Select
              label={t('intake.respondentType')}
              clearable
              value={respondent}
              onChange={setRespondent}
              data={respondents.map((r) => ({ value: r.value, label: r[lang] }))}
            />
            {competence && (
              <Text size="sm" data-testid="competence">
                {t('intake.firstLevel')}: <b>{label(competence.firstLevel.label)}</b>
                {competence.secondLevel && (
                  <>
                    {' '}
                    · {t('intake.secondLevel')}: {label(competence.secondLevel.label)}
                  </>
                )}
                <br />
                <Text span size="xs" c="dimmed">
                  {competence.citation}
                  {competence.confidence === 'check' ? ' (cần đối chiếu văn bản / to check)' : ''}
                </Text>
              </Text>
            )}
          </>
        )}
        {groundSets.length > 0 && (
          <>
            <Text fw={600} size="sm">
              {t('intake.refusalGrounds')}
            </Text>
            <List size="sm" spacing={4}>
              {groundSets.flatMap((set) =>
                LEGAL_GROUND_LISTS[set].map((g) => (
                  <List.Item key={`${set}-${g.code}`}>
                    {label(g.label)}{' '}
                    <Text span size="xs" c="dimmed">
                      ({g.citation})
                    </Text>
                  </List.Item>
                )),
              )}
            </List>
          </>
        )}
      </Stack>
    </Paper>
  );
}
