import { App as AntApp, Button, ConfigProvider, Layout, Menu, Result, Space, Spin, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { can, homeOf, menuOf, menuPaths, isPartyOnly, type Action, type MenuKey } from './auth/permissions';
import { clearSession, useSession, type Session } from './auth/session';
import { CourtEmblem } from './components/court-emblem';
import { LanguageToggle } from './components/language-toggle';
import { useLanguage, useT } from './i18n';
import { AlertsPage } from './pages/alerts-page';
import { ApprovalsPage } from './pages/approvals-page';
import { CaseDetailPage } from './pages/case-detail-page';
import { CaseListPage } from './pages/case-list-page';
import { CourtSettingsPage } from './pages/court-settings-page';
import { FundOverduePage } from './pages/fund-overdue-page';
import { ReconciliationPage } from './pages/reconciliation-page';
import { DepositsPage } from './pages/deposits-page';
import { JournalPage } from './pages/journal-page';
import { SuspensePage } from './pages/suspense-page';
import { LoginPage } from './pages/login-page';
import { RegisterCasePage } from './pages/register-case-page';
import { navigate, parseRoute, paths, useHash, type Route } from './router';

// the charts library is large and only leaders and directors open the dashboard: load it on demand
const DashboardPage = lazy(async () => ({ default: (await import('./pages/dashboard-page')).DashboardPage }));

const theme = {
  token: { colorPrimary: '#1d3f8f', borderRadius: 4 },
  components: { Layout: { headerBg: '#0f2a5f', headerHeight: 56, headerPadding: '0 24px' } },
};

export function App() {
  const [language] = useLanguage();
  return (
    <ConfigProvider locale={language === 'zh' ? zhCN : enUS} theme={theme}>
      <AntApp>
        <Screens />
      </AntApp>
    </ConfigProvider>
  );
}

function Screens() {
  const route = parseRoute(useHash());
  const session = useSession();
  const needsLogin = route.name !== 'login' && session === null;

  const home = session ? homeOf(session.user.roles) : paths.login;

  useEffect(() => {
    if (needsLogin) navigate(paths.login, { replace: true });
    else if (route.name === 'home') navigate(home, { replace: true });
  }, [needsLogin, route.name, home]);

  if (route.name === 'login') return <LoginPage />;
  if (session === null || route.name === 'home') return null;
  return (
    <Shell session={session} route={route}>
      {page(route, session)}
    </Shell>
  );
}

/** The screen a route names, or 403 when the user's roles may not use it (the server refuses anyway). */
function page(route: Exclude<Route, { name: 'login' | 'home' }>, session: Session): ReactNode {
  const allowed = (action: Action, screen: ReactNode) =>
    can(session.user.roles, action) ? screen : <Forbidden />;
  switch (route.name) {
    case 'case-list':
      return <CaseListPage />;
    case 'register-case':
      return allowed('registerCase', <RegisterCasePage />);
    case 'case-detail':
      return <CaseDetailPage key={route.caseId} caseId={route.caseId} tab={route.tab} />;
    case 'alerts':
      return allowed('listAlerts', <AlertsPage />);
    case 'approvals':
      return allowed('listApprovals', <ApprovalsPage />);
    case 'dashboard':
      return allowed(
        'readMetrics',
        <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: 64 }} />}>
          <DashboardPage />
        </Suspense>,
      );
    case 'settings':
      return allowed('readCourtSettings', <CourtSettingsPage />);
    case 'fund-overdue':
      return allowed('readFundReports', <FundOverduePage />);
    case 'reconciliation':
      return allowed('reconcile', <ReconciliationPage />);
    case 'suspense':
      return allowed('readSuspense', <SuspensePage />);
    case 'journal':
      return allowed('readJournal', <JournalPage />);
    case 'deposits':
      return allowed('readDeposits', <DepositsPage />);
    case 'not-found':
      return <NotFound />;
  }
}

function Forbidden() {
  const t = useT();
  return (
    <Result
      status="403"
      title={t('app.forbidden')}
      extra={
        <Button type="primary" href="#/">
          {t('app.home')}
        </Button>
      }
    />
  );
}

function NotFound() {
  const t = useT();
  return (
    <Result
      status="404"
      title={t('app.notFound')}
      extra={
        <Button type="primary" href={paths.cases}>
          {t('app.backToList')}
        </Button>
      }
    />
  );
}

/** The menu entry a route belongs to. */
function menuKeyOf(route: Route): MenuKey | undefined {
  switch (route.name) {
    case 'case-list':
    case 'register-case':
    case 'case-detail':
      return 'cases';
    case 'alerts':
    case 'approvals':
    case 'dashboard':
    case 'settings':
      return route.name;
    case 'fund-overdue':
      return 'fundOverdue';
    case 'reconciliation':
    case 'suspense':
    case 'journal':
    case 'deposits':
      return route.name;
    case 'login':
    case 'home':
    case 'not-found':
      return undefined;
  }
}

function Shell({ session, route, children }: { session: Session; route: Route; children: ReactNode }) {
  const t = useT();
  const partyOnly = isPartyOnly(session.user.roles);
  const selected = menuKeyOf(route);
  const menuLabel = (key: MenuKey) => (key === 'cases' && partyOnly ? t('menu.myCases') : t(`menu.${key}`));
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
        <a href={homeOf(session.user.roles)} style={{ display: 'flex', alignItems: 'center', gap: 10 }}>
          <CourtEmblem size={30} />
          <Typography.Text
            strong
            style={{ color: '#fff', fontSize: 17, letterSpacing: 1, whiteSpace: 'nowrap' }}
          >
            {t('app.title')}
          </Typography.Text>
        </a>
        <Menu
          theme="dark"
          mode="horizontal"
          data-testid="main-menu"
          selectedKeys={selected ? [selected] : []}
          style={{ flex: 1, minWidth: 0, marginLeft: 24, background: 'transparent' }}
          items={menuOf(session.user.roles).map((key) => ({
            key,
            label: (
              <a href={menuPaths[key]} data-testid={`menu-${key}`}>
                {menuLabel(key)}
              </a>
            ),
          }))}
        />
        <Space size="middle">
          <Typography.Text style={{ color: 'rgba(255,255,255,0.85)' }} data-testid="current-user">
            {session.user.displayName}
            <span style={{ opacity: 0.7 }}> · {session.user.courtName}</span>
          </Typography.Text>
          <LanguageToggle ghost />
          <Button
            size="small"
            ghost
            data-testid="logout"
            onClick={() => {
              clearSession();
              navigate(paths.login);
            }}
          >
            {t('app.logout')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 1280, width: '100%', margin: '0 auto' }}>
        {children}
      </Layout.Content>
    </Layout>
  );
}
