/** Change my own password (the server ends my other sessions). */
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changePasswordBody } from '../../../../src/modules/auth/auth.contract';
import { changePassword } from '../../api/auth';
import { PageTitle } from '../../components/PageTitle';
import { applyApiError, validateBody, zodRule } from '../../forms/validation';
import { ACCOUNT_NS } from './i18n';

interface Values {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

export default function ChangePasswordPage() {
  const { t } = useTranslation(ACCOUNT_NS);
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onFinish = async (values: Values) => {
    const body = validateBody(form, changePasswordBody, { currentPassword: values.currentPassword, newPassword: values.newPassword });
    if (!body) return;
    setBusy(true);
    setError(null);
    try {
      await changePassword(body);
      form.resetFields();
      message.success(t('password.done'));
    } catch (e) {
      setError(applyApiError(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle title={t('password.title')} />
      <Card style={{ maxWidth: 520 }}>
        <p className="muted" style={{ marginTop: 0 }}>{t('password.hint')}</p>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={onFinish} disabled={busy}>
          <Form.Item name="currentPassword" label={t('password.current')} rules={[zodRule(changePasswordBody.shape.currentPassword)]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="newPassword" label={t('password.next')} rules={[zodRule(changePasswordBody.shape.newPassword)]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="repeat"
            label={t('password.repeat')}
            dependencies={['newPassword']}
            rules={[({ getFieldValue }) => ({
              validator: async (_r, value) => {
                if (value !== getFieldValue('newPassword')) throw new Error(t('password.mismatch'));
              },
            })]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>{t('password.submit')}</Button>
        </Form>
      </Card>
    </>
  );
}
