import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BadgeState } from '../../lib/deadline-badge';

// Colours chosen for contrast (WCAG AA) and never the only signal: the badge always says it in words.
const LOOK: Record<BadgeState, { color: string; variant: 'filled' | 'light' | 'outline'; textColor?: string }> = {
  overdue: { color: 'red.9', variant: 'filled' },
  due_soon: { color: 'yellow.4', variant: 'filled', textColor: 'black' },
  on_track: { color: 'green.9', variant: 'outline' },
  none: { color: 'gray.7', variant: 'outline' },
};

const KEY: Record<BadgeState, string> = { overdue: 'badge.overdue', due_soon: 'badge.dueSoon', on_track: 'badge.onTrack', none: 'badge.noClock' };

export function DeadlineBadge({ state, workingDays }: { state: BadgeState; workingDays?: number | null }) {
  const { t } = useTranslation();
  const look = LOOK[state];
  const detail =
    workingDays === null || workingDays === undefined || state === 'none'
      ? ''
      : state === 'overdue'
        ? workingDays > 0
          ? ` · ${t('badge.daysLate', { count: workingDays })}`
          : ''
        : ` · ${t('badge.daysLeft', { count: workingDays })}`;
  return (
    <Badge color={look.color} variant={look.variant} c={look.textColor} data-testid="deadline-badge" data-state={state} tt="none" styles={{ root: { maxWidth: 'none', overflow: 'visible' }, label: { overflow: 'visible' } }}>
      {t(KEY[state])}
      {detail}
    </Badge>
  );
}
