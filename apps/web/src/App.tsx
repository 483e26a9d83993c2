import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { homeFor, mayOpen } from './auth/navigation';
import { useSession } from './auth/session';
import { CasePage } from './features/case/CasePage';
import { InboxPage } from './features/inbox/InboxPage';
import { IntakePage } from './features/intake/IntakePage';
import { ReceiptPage } from './features/intake/ReceiptPage';
import { LoginPage } from './features/login/LoginPage';
import { TrackPage } from './features/tracking/TrackPage';
import { Shell } from './layout/Shell';

// Charts and admin tables load when opened: an intake officer's first screen stays light.
const DashboardPage = lazy(() => import('./features/dashboard/DashboardPage'));
const RulesPage = lazy(() => import('./features/admin/RulesPage'));
const ReportsPage = lazy(() => import('./features/reports/ReportsPage'));
const CalendarPage = lazy(() => import('./features/admin/CalendarPage'));
const AgenciesPage = lazy(() => import('./features/admin/AgenciesPage'));
const UsersPage = lazy(() => import('./features/admin/UsersPage'));

/** Signed in, and the role may open this screen; else to the login, or to the role's home. */
function RequireAuth({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const location = useLocation();
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (!mayOpen(user.role, location.pathname)) return <Navigate to={homeFor(user.role)} replace />;
  return <>{children}</>;
}

function Home() {
  const { user } = useSession();
  return <Navigate to={user ? homeFor(user.role) : '/login'} replace />;
}

export function App() {
  return (
    <Suspense
      fallback={
        <Center h="50vh">
          <Loader />
        </Center>
      }
    >
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/track" element={<TrackPage />} />
        <Route
          element={
            <RequireAuth>
              <Shell />
            </RequireAuth>
          }
        >
          <Route path="/inbox" element={<InboxPage />} />
          <Route path="/intake" element={<IntakePage />} />
          <Route path="/receipt/:code" element={<ReceiptPage />} />
          <Route path="/cases/:code" element={<CasePage />} />
          <Route path="/dashboard" element={<DashboardPage />} />
          <Route path="/reports" element={<ReportsPage />} />
          <Route path="/admin/rules" element={<RulesPage />} />
          <Route path="/admin/calendar" element={<CalendarPage />} />
          <Route path="/admin/agencies" element={<AgenciesPage />} />
          <Route path="/admin/users" element={<UsersPage />} />
        </Route>
        <Route path="*" element={<Home />} />
      </Routes>
    </Suspense>
  );
}
