import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { roleMay } from '@donthu/domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { api, ApiError } from '../../api/client';
import type { RevealedIdentities } from '../../api/types';
import { useSession } from '../../auth/session';

// RevealIdentityDto: a reason of 10 to 500 characters, kept in the identity audit stream.
const revealSchema = z.object({ reason: z.string().trim().min(10).max(500) });

/**
 * Parties' identities are hidden by default (Luật Tố cáo 2018, Art. 47–48). Entitled roles may
 * reveal them with a reason; the api records every attempt, refused or not. Nothing revealed is
 * cached: it lives in this component's state and is gone when the page is left.
 */
export function IdentityPanel({ caseCode }: { caseCode: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [opened, setOpened] = useState(false);
  const [revealed, setRevealed] = useState<RevealedIdentities | null>(null);
  const form = useForm<{ reason: string }>({ resolver: zodResolver(revealSchema), defaultValues: { reason: '' } });
  const mutation = useMutation({
    mutationFn: (reason: string) => api<RevealedIdentities>(`/api/v1/cases/${caseCode}/parties/reveal`, { body: { reason } }),
    onSuccess: (result) => {
      setRevealed(result);
      setOpened(false);
    },
  });
  const mayReveal = user !== null && roleMay(user.role, 'reveal_identity');

  return (
    <Stack gap="xs" data-testid="identity-panel">
      {!revealed && (
        <Text size="sm" c="dimmed">
          {t('case.identityHidden')}
        </Text>
      )}
      {mayReveal && !revealed && (
        <Button variant="outline" color="red.9" w="fit-content" onClick={() => setOpened(true)}>
          {t('case.reveal')}
        </Button>
      )}
      {revealed && (
        <>
          <Text size="sm" c="dimmed">
            {t('case.revealed', { sequence: revealed.auditSequence })}
          </Text>
          {revealed.parties.length === 0 ? (
            <Text>{t('case.anonymous')}</Text>
          ) : (
            <Table data-testid="revealed-parties">
              <Table.Tbody>
                {revealed.parties.map((p) => (
                  <Table.Tr key={p.pseudonym}>
                    <Table.Td>{p.role}</Table.Td>
                    <Table.Td fw={600}>{p.fullName}</Table.Td>
                    <Table.Td>{[p.address, p.phone, p.email, p.idNumber].filter(Boolean).join(' · ')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('case.reveal')} centered>
        <form onSubmit={(e) => void form.handleSubmit(({ reason }) => mutation.mutate(reason))(e)} noValidate>
          <Stack>
            <Text size="sm">{t('case.identityHidden')}</Text>
            {mutation.error && (
              <Alert color="red" role="alert">
                {mutation.error instanceof ApiError && mutation.error.status === 403 ? t('errors.forbidden') : mutation.error.message}
              </Alert>
            )}
            <Textarea label={t('case.revealReason')} required autosize minRows={2} {...form.register('reason')} error={form.formState.errors.reason && t('errors.minReason')} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpened(false)}>
                {t('case.cancel')}
              </Button>
              <Button type="submit" color="red.9" loading={mutation.isPending}>
                {t('case.revealConfirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
