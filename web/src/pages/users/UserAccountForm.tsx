/** Edit an account's name, e-mail, unit and language (PATCH /users/:id with what changed). */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { updateUserBody } from '../../../../src/modules/users/users.contract';
import { updateUser, type UpdateUserInput, type User } from '../../api/users';
import { UnitPicker } from '../../components/units/UnitPicker';
import { applyApiError, validateBody, zodRule } from '../../forms/validation';
import { USERS_NS } from './i18n';
import { usersKey } from './keys';

interface Values {
  displayName: string;
  email?: string;
  unitId: number;
  locale: 'vi' | 'en';
}

export function UserAccountForm({ user }: { user: User }) {
  const { t } = useTranslation(USERS_NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onFinish = async (values: Values) => {
    setError(null);
    const email = values.email?.trim() || null;
    const changes: UpdateUserInput = {
      ...(values.displayName !== user.displayName ? { displayName: values.displayName } : {}),
      ...(email !== user.email ? { email } : {}),
      ...(values.unitId !== user.unitId ? { unitId: values.unitId } : {}),
      ...(values.locale !== user.locale ? { locale: values.locale } : {}),
    };
    if (Object.keys(changes).length === 0) {
      message.info(t('drawer.nothingChanged'));
      return;
    }
    const body = validateBody(form, updateUserBody, changes);
    if (!body) return;
    setBusy(true);
    try {
      await updateUser(user.id, body);
      await queryClient.invalidateQueries({ queryKey: usersKey });
      message.success(t('drawer.saved'));
    } catch (e) {
      setError(applyApiError(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} role="alert" />}
      <Form
        form={form}
        layout="vertical"
        disabled={busy}
        onFinish={onFinish}
        initialValues={{ displayName: user.displayName, email: user.email ?? '', unitId: user.unitId, locale: user.locale === 'en' ? 'en' : 'vi' }}
      >
        <Form.Item name="displayName" label={t('fields.displayName')} rules={[zodRule(updateUserBody.shape.displayName.unwrap())]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="email" label={t('fields.email')}>
          <Input type="email" maxLength={200} />
        </Form.Item>
        <Form.Item name="unitId" label={t('fields.unit')} rules={[{ required: true, message: tc('fields.required') }]}>
          <UnitPicker allowClear={false} />
        </Form.Item>
        <Form.Item name="locale" label={t('fields.locale')}>
          <Select options={[{ value: 'vi', label: t('locales.vi') }, { value: 'en', label: t('locales.en') }]} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>{tc('actions.save')}</Button>
      </Form>
    </>
  );
}
