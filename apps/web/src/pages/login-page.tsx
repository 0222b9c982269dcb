import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../api/client';
import { homeOf } from '../auth/permissions';
import { saveSession } from '../auth/session';
import { CourtEmblem } from '../components/court-emblem';
import { LanguageToggle } from '../components/language-toggle';
import { useT } from '../i18n';
import { navigate } from '../router';

interface LoginForm {
  username: string;
  password: string;
}

export function LoginPage() {
  const t = useT();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(values: LoginForm): Promise<void> {
    setSubmitting(true);
    setError(null);
    try {
      const reply = await api.login(values.username.trim(), values.password);
      saveSession(reply);
      navigate(homeOf(reply.user.roles), { replace: true });
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) setError(t('login.failed'));
      else if (caught instanceof ApiError && caught.status === 429) setError(t('login.throttled'));
      else if (caught instanceof ApiError && caught.status === 0) setError(t('app.networkError'));
      else setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(160deg, #0f2a5f 0%, #1d3f8f 55%, #f0f2f5 55.2%)',
        padding: 16,
      }}
    >
      <div style={{ position: 'fixed', top: 16, right: 24 }}>
        <LanguageToggle ghost />
      </div>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 24 }}>
        <CourtEmblem size={44} />
        <Typography.Title level={2} style={{ color: '#fff', margin: 0, letterSpacing: 2 }}>
          {t('app.title')}
        </Typography.Title>
      </div>
      <Card style={{ width: 380, boxShadow: '0 8px 24px rgba(0,0,0,0.15)' }} title={t('login.heading')}>
        <Form<LoginForm> layout="vertical" requiredMark={false} onFinish={(values) => void submit(values)}>
          <Form.Item
            label={t('login.username')}
            name="username"
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input data-testid="login-username" autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            label={t('login.password')}
            name="password"
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password data-testid="login-password" autoComplete="current-password" />
          </Form.Item>
          {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} />}
          <Button data-testid="login-submit" type="primary" htmlType="submit" block loading={submitting}>
            {t('login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          {t('login.demoHint')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
