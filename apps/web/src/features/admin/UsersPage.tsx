import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Badge, Button, Checkbox, Group, Loader, Modal, PasswordInput, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ROLE_LABELS } from '@donthu/domain';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Agency, StaffUser } from '../../api/types';
import { useLanguage } from '../../i18n';
import { useErrorText } from '../../i18n/error-text';
import { showApiErrors } from './api-field-errors';
import { createUserBody, createUserSchema, editUserBody, editUserDefaults, editUserSchema, STAFF_ROLES, type CreateUserForm, type EditUserForm } from './directory-schemas';

/** Người dùng: staff accounts (GET /api/v1/users), created and edited here (POST, PATCH /api/v1/users). */
export default function UsersPage() {
  const { t } = useTranslation();
  const { label } = useLanguage();
  const users = useQuery({ queryKey: ['users'], queryFn: () => api<StaffUser[]>('/api/v1/users') });
  const [editing, setEditing] = useState<StaffUser | 'new' | null>(null);
  if (users.isPending) return <Loader aria-label={t('app.loading')} />;
  if (users.isError) return <Alert color="red">{users.error.message}</Alert>;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('admin.users')}
        </Title>
        <Button onClick={() => setEditing('new')}>{t('admin.newUser')}</Button>
      </Group>
      <Table.ScrollContainer minWidth={1100}>
        <Table striped data-testid="users-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.username')}</Table.Th>
              <Table.Th>{t('admin.name')}</Table.Th>
              <Table.Th>{t('admin.role')}</Table.Th>
              <Table.Th>{t('admin.agencies')}</Table.Th>
              <Table.Th>{t('admin.email')}</Table.Th>
              <Table.Th>{t('admin.active')}</Table.Th>
              <Table.Th>{t('admin.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td ff="monospace">{u.username}</Table.Td>
                <Table.Td>{u.displayName}</Table.Td>
                <Table.Td>{ROLE_LABELS[u.role] ? label(ROLE_LABELS[u.role]) : u.role}</Table.Td>
                <Table.Td>{u.agencyCode}</Table.Td>
                <Table.Td>{u.email ?? '—'}</Table.Td>
                <Table.Td>
                  {u.disabled ? (
                    <Badge color="gray.7">{t('admin.accountDisabled')}</Badge>
                  ) : u.locked ? (
                    <Badge color="red.9">{t('admin.locked')}</Badge>
                  ) : (
                    <Badge color="green.9" variant="outline" tt="none" style={{ overflow: 'visible' }}>
                      ✓ {t('admin.active')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Button size="compact-sm" variant="light" onClick={() => setEditing(u)} aria-label={`${t('admin.edit')} ${u.username}`}>
                    {t('admin.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('admin.newUser') : editing ? `${t('admin.editUser')} ${editing.username}` : ''} size="lg">
        {editing === 'new' && <CreateUserFormView onDone={() => setEditing(null)} />}
        {editing !== null && editing !== 'new' && <EditUserFormView user={editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}

function useChoices() {
  const { label } = useLanguage();
  const agencies = useQuery({ queryKey: ['agencies'], queryFn: () => api<Agency[]>('/api/v1/agencies') });
  return {
    roles: STAFF_ROLES.map((r) => ({ value: r, label: label(ROLE_LABELS[r]) })),
    agencies: (agencies.data ?? []).filter((a) => a.active).map((a) => ({ value: a.code, label: `${a.code} — ${a.name}` })),
  };
}

function CreateUserFormView({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const choices = useChoices();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<CreateUserForm>({
    resolver: zodResolver(createUserSchema),
    defaultValues: { username: '', displayName: '', role: 'intake_officer', agencyCode: '', password: '', email: '' },
  });
  const errors = form.formState.errors;
  const save = useMutation({
    mutationFn: (values: CreateUserForm) => api<StaffUser>('/api/v1/users', { body: createUserBody(values) }),
    onSuccess: async (user) => {
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      notifications.show({ color: 'green', message: `${t('admin.saved')}: ${user.username}` });
      onDone();
    },
    onError: (error) => setFormError(showApiErrors(error, Object.keys(createUserSchema.shape), form.setError, t('errors.network'))),
  });
  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    save.mutate(values);
  });
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="user-create-form">
      <Stack>
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <TextInput label={t('admin.username')} required autoComplete="off" {...form.register('username')} error={errorText(errors.username?.message)} />
        <TextInput label={t('admin.displayName')} required {...form.register('displayName')} error={errorText(errors.displayName?.message)} />
        <Controller
          control={form.control}
          name="role"
          render={({ field }) => <Select label={t('admin.role')} required data={choices.roles} value={field.value} onChange={(v) => field.onChange(v ?? '')} allowDeselect={false} error={errorText(errors.role?.message)} />}
        />
        <Controller
          control={form.control}
          name="agencyCode"
          render={({ field }) => (
            <Select label={t('admin.agencies')} required searchable data={choices.agencies} value={field.value || null} onChange={(v) => field.onChange(v ?? '')} error={errorText(errors.agencyCode?.message)} />
          )}
        />
        <TextInput label={t('admin.email')} type="email" {...form.register('email')} error={errorText(errors.email?.message)} />
        <PasswordInput label={t('admin.password')} required autoComplete="new-password" {...form.register('password')} error={errorText(errors.password?.message)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('admin.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('admin.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EditUserFormView({ user, onDone }: { user: StaffUser; onDone: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const choices = useChoices();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<EditUserForm>({ resolver: zodResolver(editUserSchema), defaultValues: editUserDefaults(user) });
  const errors = form.formState.errors;
  const save = useMutation({
    mutationFn: async (values: EditUserForm) => {
      const body = editUserBody(values, user);
      // Nothing changed: nothing to send (and no audit event for nothing).
      return Object.keys(body).length === 0 ? user : api<StaffUser>(`/api/v1/users/${encodeURIComponent(user.id)}`, { method: 'PATCH', body });
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      notifications.show({ color: 'green', message: `${t('admin.saved')}: ${saved.username}` });
      onDone();
    },
    onError: (error) => setFormError(showApiErrors(error, Object.keys(editUserSchema.shape), form.setError, t('errors.network'))),
  });
  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    save.mutate(values);
  });
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="user-edit-form">
      <Stack>
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <TextInput label={t('admin.displayName')} value={user.displayName} readOnly />
        <Controller
          control={form.control}
          name="role"
          render={({ field }) => <Select label={t('admin.role')} required data={choices.roles} value={field.value} onChange={(v) => field.onChange(v ?? '')} allowDeselect={false} error={errorText(errors.role?.message)} />}
        />
        <Controller
          control={form.control}
          name="agencyCode"
          render={({ field }) => (
            <Select label={t('admin.agencies')} required searchable data={choices.agencies} value={field.value || null} onChange={(v) => field.onChange(v ?? '')} error={errorText(errors.agencyCode?.message)} />
          )}
        />
        <TextInput label={t('admin.email')} type="email" {...form.register('email')} error={errorText(errors.email?.message)} />
        <PasswordInput label={t('admin.newPassword')} autoComplete="new-password" {...form.register('password')} error={errorText(errors.password?.message)} />
        <Checkbox label={t('admin.disabled')} {...form.register('disabled')} />
        {user.locked && <Checkbox label={t('admin.unlock')} {...form.register('unlock')} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('admin.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('admin.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
