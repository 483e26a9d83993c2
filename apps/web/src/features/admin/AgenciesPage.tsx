import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Badge, Button, Checkbox, Group, Loader, Modal, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { AGENCY_LEVELS } from '@donthu/domain';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Agency } from '../../api/types';
import { useErrorText } from '../../i18n/error-text';
import { showApiErrors } from './api-field-errors';
import { createAgencySchema, editAgencyBody, editAgencyDefaults, editAgencySchema, type CreateAgencyForm, type EditAgencyForm } from './directory-schemas';

/**
 * Danh mục cơ quan (GET /api/v1/agencies), with the inspectorate and superior each one escalates
 * to; added, renamed, moved and deactivated here (POST, PATCH /api/v1/agencies).
 */
export default function AgenciesPage() {
  const { t } = useTranslation();
  const agencies = useQuery({ queryKey: ['agencies'], queryFn: () => api<Agency[]>('/api/v1/agencies') });
  const [editing, setEditing] = useState<Agency | 'new' | null>(null);
  if (agencies.isPending) return <Loader aria-label={t('app.loading')} />;
  if (agencies.isError) return <Alert color="red">{agencies.error.message}</Alert>;
  const parents = agencies.data.filter((a) => a.active).map((a) => ({ value: a.code, label: `${a.code} — ${a.name}` }));
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('admin.agencies')}
        </Title>
        <Button onClick={() => setEditing('new')}>{t('admin.newAgency')}</Button>
      </Group>
      <Table.ScrollContainer minWidth={800}>
        <Table striped data-testid="agencies-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.code')}</Table.Th>
              <Table.Th>{t('admin.name')}</Table.Th>
              <Table.Th>{t('admin.level')}</Table.Th>
              <Table.Th>{t('admin.parent')}</Table.Th>
              <Table.Th>{t('admin.active')}</Table.Th>
              <Table.Th>{t('admin.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {agencies.data.map((a) => (
              <Table.Tr key={a.code}>
                <Table.Td ff="monospace">{a.code}</Table.Td>
                <Table.Td>{a.name}</Table.Td>
                <Table.Td>{a.level}</Table.Td>
                <Table.Td>{a.parentCode ?? '—'}</Table.Td>
                <Table.Td>
                  {a.active ? (
                    <Badge color="green.9" variant="outline">
                      ✓ {t('app.yes')}
                    </Badge>
                  ) : (
                    <Badge color="gray.7">✕ {t('app.no')}</Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Button size="compact-sm" variant="light" onClick={() => setEditing(a)} aria-label={`${t('admin.edit')} ${a.code}`}>
                    {t('admin.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('admin.newAgency') : editing ? `${t('admin.editAgency')} ${editing.code}` : ''} size="lg">
        {editing === 'new' && <CreateAgencyFormView parents={parents} onDone={() => setEditing(null)} />}
        {editing !== null && editing !== 'new' && <EditAgencyFormView agency={editing} parents={parents.filter((p) => p.value !== editing.code)} onDone={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}

type Choices = Array<{ value: string; label: string }>;

function FormButtons({ pending, onCancel }: { pending: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('admin.cancel')}
      </Button>
      <Button type="submit" loading={pending}>
        {t('admin.save')}
      </Button>
    </Group>
  );
}

function CreateAgencyFormView({ parents, onDone }: { parents: Choices; onDone: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<CreateAgencyForm>({ resolver: zodResolver(createAgencySchema), defaultValues: { code: '', name: '', level: 'commune', parentCode: '' } });
  const errors = form.formState.errors;
  const save = useMutation({
    mutationFn: (values: CreateAgencyForm) => api<Agency>('/api/v1/agencies', { body: { ...values, name: values.name.trim() } }),
    onSuccess: async (agency) => {
      await queryClient.invalidateQueries({ queryKey: ['agencies'] });
      notifications.show({ color: 'green', message: `${t('admin.saved')}: ${agency.code}` });
      onDone();
    },
    onError: (error) => setFormError(showApiErrors(error, Object.keys(createAgencySchema.shape), form.setError, t('errors.network'))),
  });
  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    save.mutate(values);
  });
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="agency-create-form">
      <Stack>
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <TextInput label={t('admin.code')} required ff="monospace" {...form.register('code')} error={errorText(errors.code?.message)} />
        <TextInput label={t('admin.name')} required {...form.register('name')} error={errorText(errors.name?.message)} />
        <Controller
          control={form.control}
          name="level"
          render={({ field }) => <Select label={t('admin.level')} required data={[...AGENCY_LEVELS]} value={field.value} onChange={(v) => field.onChange(v ?? '')} allowDeselect={false} error={errorText(errors.level?.message)} />}
        />
        <Controller
          control={form.control}
          name="parentCode"
          render={({ field }) => <Select label={t('admin.parent')} required searchable data={parents} value={field.value || null} onChange={(v) => field.onChange(v ?? '')} error={errorText(errors.parentCode?.message)} />}
        />
        <FormButtons pending={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

function EditAgencyFormView({ agency, parents, onDone }: { agency: Agency; parents: Choices; onDone: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<EditAgencyForm>({ resolver: zodResolver(editAgencySchema), defaultValues: editAgencyDefaults(agency) });
  const errors = form.formState.errors;
  const save = useMutation({
    mutationFn: async (values: EditAgencyForm) => {
      const body = editAgencyBody(values, agency);
      return Object.keys(body).length === 0 ? agency : api<Agency>(`/api/v1/agencies/${encodeURIComponent(agency.code)}`, { method: 'PATCH', body });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['agencies'] });
      notifications.show({ color: 'green', message: `${t('admin.saved')}: ${agency.code}` });
      onDone();
    },
    onError: (error) => setFormError(showApiErrors(error, Object.keys(editAgencySchema.shape), form.setError, t('errors.network'))),
  });
  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    save.mutate(values);
  });
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="agency-edit-form">
      <Stack>
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <TextInput label={t('admin.level')} value={agency.level} readOnly />
        <TextInput label={t('admin.name')} required {...form.register('name')} error={errorText(errors.name?.message)} />
        {agency.parentCode !== null && (
          <Controller
            control={form.control}
            name="parentCode"
            render={({ field }) => (
              <Select label={t('admin.parent')} required searchable allowDeselect={false} data={parents} value={field.value || null} onChange={(v) => field.onChange(v ?? '')} error={errorText(errors.parentCode?.message)} />
            )}
          />
        )}
        <Checkbox label={t('admin.active')} {...form.register('active')} />
        <FormButtons pending={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}
