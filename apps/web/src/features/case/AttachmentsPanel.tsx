import { Alert, Anchor, FileButton, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { roleMay } from '@donthu/domain';
import { useTranslation } from 'react-i18next';
import { api, sessionStore } from '../../api/client';
import type { Attachment } from '../../api/types';
import { useSession } from '../../auth/session';
import { showInstant } from '../../lib/dates';

/** Files attached to the case (metadata and checksum); download goes through the api with the officer's token. */
export function AttachmentsPanel({ caseCode }: { caseCode: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ['attachments', caseCode], queryFn: () => api<Attachment[]>(`/api/v1/cases/${caseCode}/attachments`) });
  const upload = useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.set('file', file);
      return api<Attachment>(`/api/v1/cases/${caseCode}/attachments`, { body });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['attachments', caseCode] }),
  });
  const download = async (attachment: Attachment) => {
    const response = await fetch(`/api/v1/cases/${caseCode}/attachments/${attachment.id}`, { headers: { Authorization: `Bearer ${sessionStore.read()?.accessToken ?? ''}` } });
    if (!response.ok) return;
    const url = URL.createObjectURL(await response.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = attachment.fileName;
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Stack gap="xs">
      {list.data && list.data.length === 0 && <Text c="dimmed">{t('case.noAttachments')}</Text>}
      {list.data && list.data.length > 0 && (
        <Table>
          <Table.Tbody>
            {list.data.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <Anchor component="button" type="button" onClick={() => void download(a)}>
                    {a.fileName}
                  </Anchor>
                </Table.Td>
                <Table.Td>{Math.ceil(a.sizeBytes / 1024)} KB</Table.Td>
                <Table.Td>{showInstant(a.uploadedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {upload.error && (
        <Alert color="red" role="alert">
          {upload.error.message}
        </Alert>
      )}
      {user && roleMay(user.role, 'upload_attachment') && (
        <Group>
          <FileButton onChange={(file) => file && upload.mutate(file)} accept="application/pdf,image/png,image/jpeg,image/tiff,image/webp,application/vnd.oasis.opendocument.text">
            {(props) => (
              <Button variant="default" loading={upload.isPending} {...props}>
                {t('case.upload')}
              </Button>
            )}
          </FileButton>
        </Group>
      )}
    </Stack>
  );
}
