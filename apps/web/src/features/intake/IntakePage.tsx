import { zodResolver } from '@hookform/resolvers/zod';
import { ActionIcon, Alert, Button, Checkbox, Fieldset, FileInput, Grid, Group, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { CASE_KIND_LABELS, CASE_KINDS } from '@donthu/domain';
import { useMemo, useState } from 'react';
import { Controller, useFieldArray, useForm, useWatch, type FieldErrors, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../../api/client';
import type { Agency, RegisteredCase, ScreeningFinding } from '../../api/types';
import { useSession } from '../../auth/session';
import { LocalDateInput } from '../../components/LocalDateInput';
import { useLanguage } from '../../i18n';
import { useErrorText } from '../../i18n/error-text';
import { todayIso } from '../../lib/dates';
import { CHANNEL_LABELS, RECEIPT_CHANNELS } from '../../lib/labels';
import { ClassificationHelp } from './ClassificationHelp';
import { intakeBody, intakeSchema, type IntakeForm } from './intake-schema';
import { ScreeningWarnings } from './ScreeningWarnings';

// Letters and receptions first: what an intake desk registers most.
const KIND_ORDER = ['letter', 'reception', ...CASE_KINDS.filter((k) => k !== 'letter' && k !== 'reception')] as const;

/** Tiếp nhận: register a letter, a reception or any case kind, with live help, then print the receipt. */
export function IntakePage() {
  const { t } = useTranslation();
  const { label } = useLanguage();
  const { user } = useSession();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const today = todayIso();
  const schema = useMemo(() => intakeSchema(today), [today]);
  const [files, setFiles] = useState<File[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  // The body last screened and what was found: saving it as it is needs no second screening.
  const [screened, setScreened] = useState<{ body: string; findings: ScreeningFinding[] } | null>(null);
  // One key per form: a double submit or a retried request registers the case once.
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);
  const agencies = useQuery({ queryKey: ['agencies'], queryFn: () => api<Agency[]>('/api/v1/agencies') });

  const form = useForm<IntakeForm>({
    resolver: zodResolver(schema),
    defaultValues: {
      kind: 'letter',
      agencyCode: user?.agencyCode ?? '',
      channel: 'post',
      receivedOn: today,
      subject: '',
      content: '',
      respondentBody: '',
      anonymous: false,
      petitioner: { fullName: '', address: '', phone: '', email: '', idNumber: '' },
      groupSize: undefined,
      representatives: [],
      remote: false,
      severalSites: false,
      parentCaseCode: '',
    },
  });
  const representatives = useFieldArray({ control: form.control, name: 'representatives' });
  const [kind, receivedOn, anonymous, remote, severalSites] = useWatch({ control: form.control, name: ['kind', 'receivedOn', 'anonymous', 'remote', 'severalSites'] });
  const errors = form.formState.errors;

  const register = useMutation({
    mutationFn: async (values: IntakeForm): Promise<RegisteredCase | null> => {
      const body = intakeBody(values);
      const key = JSON.stringify(body);
      if (screened?.body !== key) {
        // Duplicates, repeats, bypassed levels: shown before anything is saved; saving the same form again means "register anyway".
        const findings = await api<{ findings: ScreeningFinding[] }>('/api/v1/intake/screening', { body }).then(
          (r) => r.findings,
          (error: unknown) => {
            // An api without screening (older server) does not block intake.
            if (error instanceof ApiError && (error.status === 404 || error.status === 405)) return [];
            throw error;
          },
        );
        setScreened({ body: key, findings });
        if (findings.length > 0) return null;
      }
      const receipt = await api<RegisteredCase>('/api/v1/cases', { body, headers: { 'Idempotency-Key': idempotencyKey } });
      // Attachments after the case exists: each file is its own audited upload.
      for (const file of files) {
        const body = new FormData();
        body.set('file', file);
        await api(`/api/v1/cases/${receipt.code}/attachments`, { body });
      }
      return receipt;
    },
    onSuccess: (receipt) => {
      if (receipt) void navigate(`/receipt/${receipt.code}`, { state: { receipt } });
    },
    onError: (error) => {
      if (error instanceof ApiError) {
        for (const fe of error.fieldErrors) form.setError(fe.field as FieldPath<IntakeForm>, { message: fe.reasonVi ?? fe.reason });
        setFormError(error.message);
      } else setFormError(t('errors.network'));
    },
  });

  const onSubmit = form.handleSubmit(
    (values) => {
      setFormError(null);
      // The petitioner block is not sent for an anonymous denunciation.
      register.mutate(values.anonymous ? { ...values, petitioner: undefined } : values);
    },
    (invalid: FieldErrors<IntakeForm>) => setFormError(Object.keys(invalid).length > 0 ? t('errors.required') : null),
  );

  const partyFields = (prefix: 'petitioner' | `representatives.${number}`, partyErrors: FieldErrors<IntakeForm>['petitioner']) => (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <TextInput label={t('intake.fullName')} required {...form.register(`${prefix}.fullName`)} error={errorText(partyErrors?.fullName?.message)} />
      <TextInput label={t('intake.idNumber')} inputMode="numeric" {...form.register(`${prefix}.idNumber`)} error={errorText(partyErrors?.idNumber?.message)} />
      <TextInput label={t('intake.phone')} type="tel" {...form.register(`${prefix}.phone`)} error={errorText(partyErrors?.phone?.message)} />
      <TextInput label={t('intake.email')} type="email" {...form.register(`${prefix}.email`)} error={errorText(partyErrors?.email?.message)} />
      <TextInput label={t('intake.address')} {...form.register(`${prefix}.address`)} error={errorText(partyErrors?.address?.message)} style={{ gridColumn: '1 / -1' }} />
    </SimpleGrid>
  );

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('intake.title')}
      </Title>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="intake-form">
            <Stack>
              {formError && (
                <Alert color="red" role="alert">
                  {formError}
                </Alert>
              )}
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Controller
                  control={form.control}
                  name="kind"
                  render={({ field }) => (
                    <Select label={t('intake.kind')} required allowDeselect={false} value={field.value} onChange={(v) => v && field.onChange(v)} data={KIND_ORDER.map((k) => ({ value: k, label: label(CASE_KIND_LABELS[k]) }))} />
                  )}
                />
                <Controller
                  control={form.control}
                  name="channel"
                  render={({ field }) => (
                    <Select label={t('intake.channel')} required allowDeselect={false} value={field.value} onChange={(v) => v && field.onChange(v)} data={RECEIPT_CHANNELS.map((c) => ({ value: c, label: label(CHANNEL_LABELS[c]!) }))} />
                  )}
                />
                <Controller
                  control={form.control}
                  name="receivedOn"
                  render={({ field }) => (
                    <LocalDateInput
                      label={t('intake.receivedOn')}
                      description={t('intake.receivedOnHelp')}
                      required
                      notAfterToday
                      value={field.value || null}
                      onChange={(v) => field.onChange(v ?? '')}
                      error={errorText(errors.receivedOn?.message)}
                      data-testid="received-on"
                    />
                  )}
                />
                <Controller
                  control={form.control}
                  name="agencyCode"
                  render={({ field }) => (
                    <Select
                      label={t('intake.agency')}
                      required
                      searchable
                      allowDeselect={false}
                      value={field.value}
                      onChange={(v) => v && field.onChange(v)}
                      data={(agencies.data ?? [{ code: field.value, name: field.value, active: true } as Agency]).filter((a) => a.active).map((a) => ({ value: a.code, label: `${a.name} (${a.code})` }))}
                      error={errorText(errors.agencyCode?.message)}
                    />
                  )}
                />
              </SimpleGrid>
              <TextInput label={t('intake.subject')} required {...form.register('subject')} error={errorText(errors.subject?.message)} />
              <Textarea label={t('intake.content')} required autosize minRows={4} maxRows={12} {...form.register('content')} error={errorText(errors.content?.message)} />
              <TextInput label={t('intake.respondentBody')} {...form.register('respondentBody')} error={errorText(errors.respondentBody?.message)} />
              {(kind === 'complaint_second_level' || kind === 'denunciation_review') && (
                <TextInput label={t('intake.parentCaseCode')} {...form.register('parentCaseCode')} error={errorText(errors.parentCaseCode?.message)} />
              )}
              <Fieldset legend={t('intake.petitioner')}>
                <Stack gap="sm">
                  {kind === 'denunciation' && <Checkbox label={t('intake.anonymous')} {...form.register('anonymous')} error={errorText(errors.anonymous?.message)} />}
                  {!anonymous && partyFields('petitioner', errors.petitioner)}
                </Stack>
              </Fieldset>
              <Fieldset legend={t('intake.group')}>
                <Stack gap="sm">
                  <Controller
                    control={form.control}
                    name="groupSize"
                    render={({ field }) => (
                      <NumberInput
                        label={t('intake.groupSize')}
                        min={1}
                        max={100000}
                        allowDecimal={false}
                        w={260}
                        value={field.value ?? ''}
                        onChange={(v) => field.onChange(typeof v === 'number' ? v : undefined)}
                        error={errorText(errors.groupSize?.message)}
                      />
                    )}
                  />
                  <Text size="xs" c="dimmed">
                    {t('intake.representativesHelp')}
                  </Text>
                  {representatives.fields.map((rep, i) => (
                    <Fieldset key={rep.id} legend={`${t('intake.representatives')} ${i + 1}`} variant="filled">
                      {partyFields(`representatives.${i}`, errors.representatives?.[i])}
                      <Group justify="flex-end" mt="xs">
                        <ActionIcon variant="subtle" color="red.9" aria-label={t('intake.removeRepresentative')} onClick={() => representatives.remove(i)}>
                          ✕
                        </ActionIcon>
                      </Group>
                    </Fieldset>
                  ))}
                  {errors.representatives?.message && (
                    <Text c="red.8" size="sm" role="alert">
                      {errors.representatives.message}
                    </Text>
                  )}
                  {representatives.fields.length < 5 && (
                    <Button variant="default" w="fit-content" onClick={() => representatives.append({ fullName: '', address: '', phone: '', email: '', idNumber: '' })}>
                      {t('intake.addRepresentative')}
                    </Button>
                  )}
                </Stack>
              </Fieldset>
              <Group>
                <Checkbox label={t('intake.remote')} {...form.register('remote')} />
                <Checkbox label={t('intake.severalSites')} {...form.register('severalSites')} />
              </Group>
              <FileInput label={t('intake.attachments')} multiple clearable value={files} onChange={setFiles} accept="application/pdf,image/png,image/jpeg,image/tiff,image/webp,application/vnd.oasis.opendocument.text" />
              {screened && screened.findings.length > 0 && <ScreeningWarnings findings={screened.findings} />}
              <Button type="submit" loading={register.isPending} w="fit-content" size="md" color={screened && screened.findings.length > 0 ? 'orange.9' : undefined}>
                {screened && screened.findings.length > 0 ? t('intake.submitAnyway') : t('intake.submit')}
              </Button>
            </Stack>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <ClassificationHelp kind={kind} receivedOn={/^\d{4}-\d{2}-\d{2}$/.test(receivedOn) ? receivedOn : null} remote={remote} severalSites={severalSites} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
