import { Navigate, Route, Routes, useLocation } from 'react-router';
import { lazy, Suspense, type ReactNode } from 'react';
import { hasRole, useAuth } from './auth';
import { Shell } from './components/shell';
import { AccountPage } from './pages/account';
import { CalendarPage } from './pages/calendar';
import { DeskPage } from './pages/desk';
import { ImportPage } from './pages/import';
import { LaunchPage } from './pages/launch';
import { LedgerPage } from './pages/ledger';
import { LoginPage } from './pages/login';
import { TaskPage } from './pages/task';
import { TodoPage } from './pages/todo';

// ECharts only for the leader's cockpit: loaded when it is opened, not on a liaison's phone.
const CockpitPage = lazy(() => import('./pages/cockpit').then((m) => ({ default: m.CockpitPage })));

function SignedIn({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const location = useLocation();
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return (
    <Shell>
      <Suspense fallback={null}>{children}</Suspense>
    </Shell>
  );
}

/** Each role's home: the liaison's to-do list, the coordinator's desk, the leader's cockpit. */
function Home() {
  const { user } = useAuth();
  if (hasRole(user, 'coordinator')) return <Navigate to="/desk" replace />;
  if (hasRole(user, 'liaison')) return <Navigate to="/todo" replace />;
  if (hasRole(user, 'leader')) return <Navigate to="/cockpit" replace />;
  if (hasRole(user, 'admin')) return <Navigate to="/calendar" replace />;
  return <Navigate to="/account" replace />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        path="/"
        element={
          <SignedIn>
            <Home />
          </SignedIn>
        }
      />
      <Route
        path="/todo"
        element={
          <SignedIn>
            <TodoPage />
          </SignedIn>
        }
      />
      <Route
        path="/desk"
        element={
          <SignedIn>
            <DeskPage />
          </SignedIn>
        }
      />
      <Route
        path="/cockpit"
        element={
          <SignedIn>
            <CockpitPage />
          </SignedIn>
        }
      />
      <Route
        path="/calendar"
        element={
          <SignedIn>
            <CalendarPage />
          </SignedIn>
        }
      />
      <Route
        path="/import"
        element={
          <SignedIn>
            <ImportPage />
          </SignedIn>
        }
      />
      <Route
        path="/documents/:id/launch"
        element={
          <SignedIn>
            <LaunchPage />
          </SignedIn>
        }
      />
      <Route
        path="/ledger"
        element={
          <SignedIn>
            <LedgerPage />
          </SignedIn>
        }
      />
      <Route
        path="/tasks/:id"
        element={
          <SignedIn>
            <TaskPage />
          </SignedIn>
        }
      />
      <Route
        path="/account"
        element={
          <SignedIn>
            <AccountPage />
          </SignedIn>
        }
      />
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}
