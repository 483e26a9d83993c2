import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../api/types';
import { useLanguage } from '../../i18n';
import { showDate, showInstant } from '../../lib/dates';
import { eventLabel } from '../../lib/labels';

/** Fields of an event's payload worth showing an officer (never parties' personal data, which events do not hold). */
const SHOWN = ['note', 'reason', 'legalGround', 'documentNumber', 'targetAgency', 'assignee', 'dialogueDate', 'effectiveDate', 'contents', 'clock', 'rule', 'due'] as const;

export function CaseTimeline({ events }: { events: AuditEvent[] }) {
  const { t } = useTranslation();
  const { label } = useLanguage();
  return (
    <Timeline active={events.length - 1} bulletSize={14} lineWidth={2} data-testid="timeline">
      {events.map((event) => {
        const details = SHOWN.filter((key) => event.payload[key] !== undefined && event.payload[key] !== null && event.payload[key] !== '').map((key) => {
          const value = event.payload[key];
          const text = Array.isArray(value) ? value.join(', ') : String(value);
          return `${t(`fields.${key}`, { defaultValue: key })}: ${/^\d{4}-\d{2}-\d{2}$/.test(text) ? showDate(text) : text}`;
        });
        return (
          <Timeline.Item key={event.sequence} title={label(eventLabel(event.type))} data-testid="timeline-item" data-type={event.type}>
            <Text size="xs" c="dimmed">
              #{event.sequence} · {showInstant(event.occurredAt)} · {event.actor === 'system' ? t('case.system') : event.actor}
            </Text>
            {details.map((line) => (
              <Text size="sm" key={line}>
                {line}
              </Text>
            ))}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
