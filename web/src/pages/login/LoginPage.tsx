/** Sign in; then back to where the person was going (?next=…). */
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { loginBody } from '../../../../src/modules/auth/auth.contract';
import { useLogin, useMe } from '../../auth/session';
import { errorText, validateBody, zodRule } from '../../forms/validation';
import { LanguageSwitch } from '../../layout/LanguageSwitch';
import { LOGIN_NS } from './i18n';
import './login.css';

interface LoginForm {
  username: string;
  password: string;
}

/** Only same-app paths: never send someone to another site after signing in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export default function LoginPage() {
  const { t } = useTranslation(LOGIN_NS);
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<LoginForm>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const login = useLogin();
  const { data: me } = useMe();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const next = safeNext(params.get('next'));

  useEffect(() => {
    document.title = `${t('title')} · ${tc('app.name')}`;
  }, [t, tc]);

  if (me) return <Navigate to={next} replace />;

  const onFinish = async (values: LoginForm) => {
    const body = validateBody(form, loginBody, values);
    if (!body) return;
    setError(null);
    setSubmitting(true);
    try {
      await login(body);
      navigate(next, { replace: true });
    } catch (e) {
      setError(errorText(e));
      form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="login-page">
      <div className="login-top"><LanguageSwitch /></div>
      <main className="login-main">
        <div className="login-brand">
          <div className="login-emblem" aria-hidden="true">★</div>
          <div className="login-app">{tc('app.name')}</div>
          <div className="login-tagline">{tc('app.tagline')}</div>
        </div>
        <Card className="login-card">
          <h1 className="login-title">{t('title')}</h1>
          <p className="muted login-subtitle">{t('subtitle')}</p>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
          <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} disabled={submitting}>
            <Form.Item name="username" label={t('username')} rules={[zodRule(loginBody.shape.username)]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus autoCapitalize="none" spellCheck={false} size="large" />
            </Form.Item>
            <Form.Item name="password" label={t('password')} rules={[zodRule(loginBody.shape.password)]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={submitting}>{t('submit')}</Button>
          </Form>
        </Card>
        <p className="login-footer muted">{t('footer')}</p>
      </main>
    </div>
  );
}
