import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Anchor, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { z } from 'zod';
import { ApiError } from '../../api/client';
import { homeFor, mayOpen } from '../../auth/navigation';
import { useSession } from '../../auth/session';
import { LanguageSwitch } from '../../layout/Shell';

// The api's LoginDto: strings of 1 to 200 characters.
const loginSchema = z.object({ username: z.string().trim().min(1).max(200), password: z.string().min(1).max(200) });
type LoginForm = z.infer<typeof loginSchema>;

export function LoginPage() {
  const { t } = useTranslation();
  const { user, login } = useSession();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from;
  const [error, setError] = useState<string | null>(null);
  const form = useForm<LoginForm>({ resolver: zodResolver(loginSchema), defaultValues: { username: '', password: '' } });

  if (user) return <Navigate to={homeFor(user.role)} replace />;

  const onSubmit = form.handleSubmit(async ({ username, password }) => {
    setError(null);
    try {
      const signedIn = await login(username, password);
      await navigate(from && mayOpen(signedIn.role, from) ? from : homeFor(signedIn.role), { replace: true });
    } catch (e) {
      setError(e instanceof ApiError && e.status === 423 ? t('login.locked') : e instanceof ApiError ? t('login.failed') : t('errors.network'));
    }
  });

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w={380} maw="100%">
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <Stack>
            <Group justify="space-between">
              <Title order={1} size="h3">
                {t('login.title')}
              </Title>
              <LanguageSwitch />
            </Group>
            <Text size="sm" c="dimmed">
              {t('app.title')}
            </Text>
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <TextInput label={t('login.username')} autoComplete="username" autoFocus required {...form.register('username')} error={form.formState.errors.username && t('errors.required')} />
            <PasswordInput label={t('login.password')} autoComplete="current-password" required {...form.register('password')} error={form.formState.errors.password && t('errors.required')} />
            <Button type="submit" loading={form.formState.isSubmitting}>
              {t('login.submit')}
            </Button>
            <Anchor component={Link} to="/track" size="sm">
              {t('login.citizenLink')}
            </Anchor>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
