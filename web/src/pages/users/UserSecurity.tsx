/** Reset an account's password; disable or enable it (disabling signs the user out everywhere). */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { resetPasswordBody } from '../../../../src/modules/users/users.contract';
import { resetPassword, setUserActive, type User } from '../../api/users';
import { applyApiError, errorText, validateBody, zodRule } from '../../forms/validation';
import { USERS_NS } from './i18n';
import { usersKey } from './keys';

export function UserSecurity({ user, isSelf }: { user: User; isSelf: boolean }) {
  const { t } = useTranslation(USERS_NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ password: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onReset = async (values: { password: string }) => {
    setError(null);
    const body = validateBody(form, resetPasswordBody, values);
    if (!body) return;
    setBusy(true);
    try {
      await resetPassword(user.id, body.password);
      form.resetFields();
      message.success(t('security.resetDone'));
    } catch (e) {
      setError(applyApiError(form, e));
    } finally {
      setBusy(false);
    }
  };

  const toggle = async () => {
    try {
      await setUserActive(user.id, !user.isActive);
      await queryClient.invalidateQueries({ queryKey: usersKey });
      message.success(user.isActive ? t('security.disabled') : t('security.enabled'));
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <>
      {user.locked && <Alert type="warning" showIcon message={t('security.lockedNote')} style={{ marginBottom: 8 }} />}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={onReset} disabled={busy}>
        <Form.Item name="password" label={t('security.newPassword')} extra={t('fields.passwordHint')} rules={[zodRule(resetPasswordBody.shape.password)]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Space wrap>
          <Button htmlType="submit" loading={busy}>{t('security.reset')}</Button>
          {!isSelf && (user.isActive ? (
            <Popconfirm title={t('security.disableConfirm')} okText={tc('actions.confirm')} cancelText={tc('actions.cancel')} okButtonProps={{ danger: true }} onConfirm={toggle}>
              <Button danger>{t('security.disable')}</Button>
            </Popconfirm>
          ) : (
            <Button onClick={() => void toggle()}>{t('security.enable')}</Button>
          ))}
        </Space>
      </Form>
    </>
  );
}
