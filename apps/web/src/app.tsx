import { App as AntApp, Button, ConfigProvider, Layout, Result, Space, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useEffect, type ReactNode } from 'react';
import { clearSession, useSession, type Session } from './auth/session';
import { CourtEmblem } from './components/court-emblem';
import { LanguageToggle } from './components/language-toggle';
import { useLanguage, useT } from './i18n';
import { CaseDetailPage } from './pages/case-detail-page';
import { CaseListPage } from './pages/case-list-page';
import { LoginPage } from './pages/login-page';
import { RegisterCasePage } from './pages/register-case-page';
import { navigate, parseRoute, paths, useHash, type Route } from './router';

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

  useEffect(() => {
    if (needsLogin) navigate(paths.login, { replace: true });
  }, [needsLogin]);

  if (route.name === 'login') return <LoginPage />;
  if (session === null) return null;
  return <Shell session={session}>{page(route)}</Shell>;
}

function page(route: Exclude<Route, { name: 'login' }>): ReactNode {
  switch (route.name) {
    case 'case-list':
      return <CaseListPage />;
    case 'register-case':
      return <RegisterCasePage />;
    case 'case-detail':
      return <CaseDetailPage key={route.caseId} caseId={route.caseId} />;
    case 'not-found':
      return <NotFound />;
  }
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

function Shell({ session, children }: { session: Session; children: ReactNode }) {
  const t = useT();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
        <a href={paths.cases} style={{ display: 'flex', alignItems: 'center', gap: 10 }}>
          <CourtEmblem size={30} />
          <Typography.Text strong style={{ color: '#fff', fontSize: 17, letterSpacing: 1 }}>
            {t('app.title')}
          </Typography.Text>
        </a>
        <div style={{ flex: 1 }} />
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
