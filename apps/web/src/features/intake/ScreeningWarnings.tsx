import { Alert, Anchor, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ScreeningFinding } from '../../api/types';
import { useLanguage } from '../../i18n';
import { showDate } from '../../lib/dates';

/**
 * What screening found before saving: possible duplicates, repeats of resolved matters (with the
 * grounds a refusal may cite), bypassed levels. Links outside the officer's jurisdiction show
 * only a code and an agency (the api decides), never any party's data.
 */
export function ScreeningWarnings({ findings }: { findings: ScreeningFinding[] }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  return (
    <Stack gap="xs" data-testid="screening-warnings" role="alert">
      {findings.map((f, i) => (
        <Alert key={`${f.type}-${i}`} color="yellow" variant="light" styles={{ title: { color: 'var(--mantine-color-black)' } }} title={lang === 'en' ? f.labelEn : f.label} data-finding={f.type}>
          <Text size="sm">{lang === 'en' ? f.adviceEn : f.advice}</Text>
          <Text size="xs" c="dimmed">
            {t('case.citation')}: {f.citation}
          </Text>
          {f.links.length > 0 && (
            <List size="sm" mt={4}>
              {f.links.map((l) => (
                <List.Item key={l.code}>
                  {l.inJurisdiction ? (
                    <Anchor component={Link} to={`/cases/${l.code}`} target="_blank" ff="monospace">
                      {l.code}
                    </Anchor>
                  ) : (
                    <Text span ff="monospace">
                      {l.code}
                    </Text>
                  )}{' '}
                  {l.inJurisdiction ? `— ${l.subject ?? ''} (${l.statusLabel ?? ''}, ${showDate(l.receivedOn)})` : `— ${l.agencyCode}: ${l.note ?? ''}`}
                </List.Item>
              ))}
            </List>
          )}
          {f.grounds.length > 0 && (
            <Text size="xs" mt={4}>
              {t('intake.refusalGrounds')}: {f.grounds.map((g) => `${lang === 'en' ? g.labelEn : g.label} (${g.citation})`).join('; ')}
            </Text>
          )}
          {f.competentAgencyCode && (
            <Text size="xs" mt={4}>
              {t('intake.competence')}: {f.competentAgencyCode}
            </Text>
          )}
        </Alert>
      ))}
    </Stack>
  );
}
