/** The roles of an account: each one at a unit of a hierarchy (covering its subtree); grant, revoke. */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, List, Popconfirm, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UnitName } from '../../components/units/UnitName';
import { ROLES } from '../../../../src/core/actor';
import { createGrantBody } from '../../../../src/modules/users/users.contract';
import { addGrant, removeGrant, type User } from '../../api/users';
import { UnitPicker } from '../../components/units/UnitPicker';
import { useHierarchies, useLocalizedName } from '../../components/units/useOrgData';
import { applyApiError, errorText, validateBody, zodRule } from '../../forms/validation';
import { USERS_NS } from './i18n';
import { usersKey } from './keys';
import { useUnitNames } from './useUnitNames';

interface Values {
  role: string;
  hierarchy: string;
  unitId: number;
}

export function GrantsEditor({ user, editable }: { user: User; editable: boolean }) {
  const { t } = useTranslation(USERS_NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const hierarchies = useHierarchies();
  const localized = useLocalizedName();
  const unitName = useUnitNames();
  const [form] = Form.useForm<Values>();
  const hierarchy = Form.useWatch('hierarchy', form) ?? 'party';
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hierarchyName = (code: string) => localized(hierarchies.data?.find((h) => h.code === code), code);

  const refresh = () => queryClient.invalidateQueries({ queryKey: usersKey });

  const onFinish = async (values: Values) => {
    setError(null);
    const body = validateBody(form, createGrantBody, values);
    if (!body) return;
    setBusy(true);
    try {
      await addGrant(user.id, body);
      await refresh();
      message.success(t('grants.added'));
      form.resetFields(['unitId']);
    } catch (e) {
      setError(applyApiError(form, e));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (grantId: number) => {
    try {
      await removeGrant(user.id, grantId);
      await refresh();
      message.success(t('grants.removed'));
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <>
      {user.grants.length === 0
        ? <Alert type="warning" showIcon message={t('grants.none')} style={{ marginBottom: 12 }} />
        : (
          <List
            size="small"
            bordered
            data-testid="grants"
            dataSource={user.grants}
            style={{ marginBottom: 12 }}
            renderItem={(g) => (
              <List.Item
                actions={editable ? [
                  <Popconfirm
                    key="remove"
                    title={t('grants.removeConfirm', { role: tc(`roles.${g.role}`), unit: unitName(g.unitId, g.hierarchy) })}
                    okText={t('grants.remove')}
                    cancelText={tc('actions.cancel')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => revoke(g.id)}
                  >
                    <Button size="small" type="link" danger>{t('grants.remove')}</Button>
                  </Popconfirm>,
                ] : []}
              >
                <div style={{ minWidth: 0 }}>
                  <Tag color="blue">{tc(`roles.${g.role}`)}</Tag>
                  <span><UnitName unitId={g.unitId} hierarchy={g.hierarchy} /></span>
                  <div className="muted" style={{ fontSize: 12 }}>{hierarchyName(g.hierarchy)}</div>
                </div>
              </List.Item>
            )}
          />
        )}
      {editable && (
        <>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} role="alert" />}
          <Form form={form} layout="vertical" initialValues={{ hierarchy: 'party' }} onFinish={onFinish} disabled={busy} data-testid="grant-form">
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 12px' }}>
              <Form.Item name="role" label={t('grants.role')} rules={[zodRule(createGrantBody.shape.role)]} style={{ flex: '1 1 180px', minWidth: 0 }}>
                <Select options={ROLES.map((r) => ({ value: r, label: tc(`roles.${r}`) }))} data-testid="grant-role" />
              </Form.Item>
              <Form.Item name="hierarchy" label={t('grants.hierarchy')} style={{ flex: '1 1 160px', minWidth: 0 }}>
                <Select
                  options={(hierarchies.data ?? []).map((h) => ({ value: h.code, label: localized(h, h.code) }))}
                  onChange={() => form.setFieldValue('unitId', undefined)}
                />
              </Form.Item>
            </div>
            <Form.Item name="unitId" label={t('grants.unit')} extra={t('grants.scopeHint')} rules={[zodRule(createGrantBody.shape.unitId)]}>
              <UnitPicker hierarchy={hierarchy} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>{t('grants.add')}</Button>
          </Form>
        </>
      )}
    </>
  );
}
