import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, MultiSelect, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CASE_COMMAND_LABELS, CASE_KIND_LABELS, CASE_KINDS, type CommandField } from '@donthu/domain';
import { useMemo, useState } from 'react';
import { Controller, useForm, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import type { Agency, CaseDetail } from '../../api/types';
import { LocalDateInput } from '../../components/LocalDateInput';
import { useLanguage } from '../../i18n';
import { actionBody, actionSchema, commandPath, type ActionSpec, type ActionValues } from './command-forms';

const LONG_TEXT: readonly CommandField[] = ['note', 'reason'];

/** The form of one action: the fields the lifecycle table requires, its legal citation, the api's refusals shown on the fields. */
export function ActionForm({ caseCode, agencyCode, spec, onClose }: { caseCode: string; agencyCode: string; spec: ActionSpec; onClose: () => void }) {
  const { t } = useTranslation();
  const { label } = useLanguage();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  // One key per opened form: a double click or a retried request is applied once (Temporal Update id).
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);
  const schema = useMemo(() => actionSchema(spec), [spec]);
  const form = useForm<ActionValues>({ resolver: zodResolver(schema), defaultValues: { note: '', reason: '', documentNumber: '', assignee: '', effectiveDate: '', contents: [] } });
  const needsAgencies = spec.fields.includes('targetAgency');
  const agencies = useQuery({ queryKey: ['agencies'], queryFn: () => api<Agency[]>('/api/v1/agencies'), enabled: needsAgencies });
  const required = new Set(spec.transition.requires ?? []);
  const actionName = label(CASE_COMMAND_LABELS[spec.command]);

  const mutation = useMutation({
    mutationFn: (values: ActionValues) =>
      api<CaseDetail>(`/api/v1/cases/${caseCode}/${commandPath(spec.command)}`, { body: actionBody(spec, values), headers: { 'Idempotency-Key': idempotencyKey } }),
    onSuccess: async (detail) => {
      queryClient.setQueryData(['case', caseCode], detail);
      await queryClient.invalidateQueries({ queryKey: ['case', caseCode] });
      await queryClient.invalidateQueries({ queryKey: ['events', caseCode] });
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      notifications.show({ color: 'green', message: t('case.done', { action: actionName }) });
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError) {
        for (const fe of error.fieldErrors) {
          if (fe.field in schema.shape) form.setError(fe.field as FieldPath<ActionValues>, { message: fe.reasonVi ?? fe.reason });
        }
        setFormError(error.status === 409 ? `${t('errors.conflict')}: ${error.message}` : error.status === 403 ? t('errors.forbidden') : error.message);
      } else setFormError(t('errors.network'));
    },
  });

  const err = (field: string) => {
    const e = form.formState.errors[field as keyof ActionValues];
    return e ? (e.message && !e.message.startsWith('Invalid') && !e.message.startsWith('Too') ? e.message : t('errors.required')) : undefined;
  };

  return (
    <Modal opened onClose={onClose} title={actionName} size="lg" centered>
      <form onSubmit={(e) => void form.handleSubmit((values) => mutation.mutate(values))(e)} noValidate data-testid={`action-form-${spec.command}`}>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('case.citation')}: {spec.transition.citation}
          </Text>
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          {spec.fields.map((field) => {
            const common = { label: t(`fields.${field}`), required: required.has(field), error: err(field) };
            switch (field) {
              case 'legalGround':
                return (
                  <Controller
                    key={field}
                    control={form.control}
                    name="legalGround"
                    render={({ field: f }) => (
                      <Select
                        {...common}
                        searchable
                        value={f.value ?? null}
                        onChange={(v) => f.onChange(v ?? '')}
                        data={spec.grounds.map((g) => ({ value: g.code, label: `${label(g.label)} — ${g.citation}` }))}
                        comboboxProps={{ withinPortal: true }}
                      />
                    )}
                  />
                );
              case 'targetAgency':
                return (
                  <Controller
                    key={field}
                    control={form.control}
                    name="targetAgency"
                    render={({ field: f }) => (
                      <Select
                        {...common}
                        searchable
                        value={f.value ?? null}
                        onChange={(v) => f.onChange(v ?? '')}
                        data={(agencies.data ?? []).filter((a) => a.active && a.code !== agencyCode).map((a) => ({ value: a.code, label: `${a.name} (${a.code})` }))}
                      />
                    )}
                  />
                );
              case 'dialogueDate':
                return <Controller key={field} control={form.control} name="dialogueDate" render={({ field: f }) => <LocalDateInput {...common} value={f.value || null} onChange={(v) => f.onChange(v ?? '')} />} />;
              case 'contents':
                return (
                  <Controller
                    key={field}
                    control={form.control}
                    name="contents"
                    render={({ field: f }) => (
                      <MultiSelect
                        {...common}
                        value={f.value ?? []}
                        onChange={f.onChange}
                        data={CASE_KINDS.filter((k) => k !== 'letter' && k !== 'reception').map((k) => ({ value: k, label: label(CASE_KIND_LABELS[k]) }))}
                      />
                    )}
                  />
                );
              default:
                return LONG_TEXT.includes(field) ? (
                  <Textarea key={field} {...common} autosize minRows={2} {...form.register(field as 'note' | 'reason')} />
                ) : (
                  <TextInput key={field} {...common} {...form.register(field as 'documentNumber' | 'assignee')} />
                );
            }
          })}
          <Controller
            control={form.control}
            name="effectiveDate"
            render={({ field: f }) => <LocalDateInput label={t('fields.effectiveDate')} notAfterToday value={f.value || null} onChange={(v) => f.onChange(v ?? '')} error={err('effectiveDate')} />}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('case.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('case.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
