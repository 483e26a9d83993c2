import { AppShell, Burger, Button, Group, NavLink, SegmentedControl, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { ROLE_LABELS } from '@donthu/domain';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { navFor } from '../auth/navigation';
import { useSession } from '../auth/session';
import { setLanguage, useLanguage } from '../i18n';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  return (
    <SegmentedControl
      className="no-print"
      size="xs"
      aria-label={t('app.language')}
      value={lang}
      onChange={(value) => setLanguage(value === 'en' ? 'en' : 'vi')}
      data={[
        { value: 'vi', label: 'Tiếng Việt' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}

/** The signed-in frame: header (who, language, log out), role-aware menu, the screen. */
export function Shell() {
  const { t } = useTranslation();
  const { label } = useLanguage();
  const { user, logout } = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const navigate = useNavigate();
  if (!user) return null;
  const items = navFor(user.role);

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header className="no-print">
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.main')} />
            <Text fw={700} size="lg" c="red.8">
              {t('app.short')}
            </Text>
            <Text size="sm" c="dimmed" visibleFrom="md">
              {t('app.title')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            <Text size="sm" data-testid="current-user" visibleFrom="sm">
              {user.displayName} · {label(ROLE_LABELS[user.role])} · {user.agencyCode}
            </Text>
            <Button
              variant="subtle"
              size="xs"
              onClick={() => {
                void logout().then(() => navigate('/login'));
              }}
            >
              {t('app.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" className="no-print" component="nav" aria-label={t('nav.main')}>
        {items.map((item) => (
          <NavLink
            key={item.key}
            component={Link}
            to={item.path}
            label={t(`nav.${item.key}`)}
            active={location.pathname === item.path || location.pathname.startsWith(`${item.path}/`)}
            onClick={close}
            data-testid={`nav-${item.key}`}
          />
        ))}
        <NavLink component={Link} to="/track" label={t('nav.track')} onClick={close} data-testid="nav-track" />
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
