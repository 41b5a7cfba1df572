/** Create an account at a unit (POST /users); the drawer opens next to grant it roles. */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createUserBody } from '../../../../src/modules/users/users.contract';
import { createUser, type User } from '../../api/users';
import { UnitPicker } from '../../components/units/UnitPicker';
import { applyApiError, validateBody, zodRule } from '../../forms/validation';
import { USERS_NS } from './i18n';
import { usersKey } from './keys';

interface Values {
  username: string;
  displayName: string;
  email?: string;
  unitId: number;
  password: string;
  locale: 'vi' | 'en';
}

export function CreateUserModal({ onClose, onCreated }: { onClose(): void; onCreated(user: User): void }) {
  const { t } = useTranslation(USERS_NS);
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setError(null);
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const body = validateBody(form, createUserBody, { ...values, email: values.email?.trim() || undefined });
    if (!body) return;
    setBusy(true);
    try {
      const user = await createUser(body);
      await queryClient.invalidateQueries({ queryKey: usersKey });
      message.success(t('created', { username: user.username }));
      onCreated(user);
    } catch (e) {
      setError(applyApiError(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('create')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={tc('actions.create')}
      cancelText={tc('actions.cancel')}
      confirmLoading={busy}
      maskClosable={false}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form form={form} layout="vertical" initialValues={{ locale: 'vi' }} disabled={busy} onFinish={() => void submit()} data-testid="create-user-form">
        <Form.Item name="displayName" label={t('fields.displayName')} rules={[zodRule(createUserBody.shape.displayName)]}>
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
        <Form.Item name="username" label={t('fields.username')} extra={t('fields.usernameHint')} rules={[zodRule(createUserBody.shape.username)]}>
          <Input maxLength={64} autoComplete="off" autoCapitalize="none" spellCheck={false} className="mono" />
        </Form.Item>
        <Form.Item name="email" label={t('fields.email')} rules={[zodRule(createUserBody.shape.email)]}>
          <Input type="email" maxLength={200} autoComplete="off" />
        </Form.Item>
        <Form.Item name="unitId" label={t('fields.unit')} rules={[zodRule(createUserBody.shape.unitId)]}>
          <UnitPicker />
        </Form.Item>
        <Form.Item name="password" label={t('fields.password')} extra={t('fields.passwordHint')} rules={[zodRule(createUserBody.shape.password)]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="locale" label={t('fields.locale')}>
          <Select options={[{ value: 'vi', label: t('locales.vi') }, { value: 'en', label: t('locales.en') }]} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
