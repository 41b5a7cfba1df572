/** My API tokens: create (the secret is shown once), list, revoke. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Popconfirm, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createTokenBody } from '../../../../src/modules/users/users.contract';
import { createToken, listMyTokens, revokeToken, type ApiToken, type CreatedToken } from '../../api/auth';
import { PageTitle } from '../../components/PageTitle';
import { applyApiError, errorText, validateBody, zodRule } from '../../forms/validation';
import { DATE_FORMAT, formatInstant, toIso } from '../../lib/dates';
import { ACCOUNT_NS } from './i18n';

const TOKENS_KEY = ['me', 'tokens'] as const;

function tokenStatus(token: ApiToken): 'revoked' | 'expired' | 'active' {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && token.expiresAt <= new Date().toISOString()) return 'expired';
  return 'active';
}

export default function ApiTokensPage() {
  const { t } = useTranslation(ACCOUNT_NS);
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; expiresAt: Dayjs | null }>();
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const tokens = useQuery({ queryKey: TOKENS_KEY, queryFn: listMyTokens });

  const create = useMutation({
    mutationFn: createToken,
    onSuccess: (token) => {
      setCreated(token);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
    },
    onError: (e) => setFormError(applyApiError(form, e)),
  });
  const revoke = useMutation({
    mutationFn: revokeToken,
    onSuccess: () => {
      message.success(t('tokens.revokedDone'));
      void queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
    },
    onError: (e) => message.error(errorText(e)),
  });

  const onFinish = (values: { name: string; expiresAt: Dayjs | null }) => {
    setFormError(null);
    const body = validateBody(form, createTokenBody, { name: values.name, expiresAt: toIso(values.expiresAt) });
    if (body) create.mutate(body);
  };

  return (
    <>
      <PageTitle title={t('tokens.title')} />
      <Card style={{ marginBottom: 12 }}>
        <p className="muted" style={{ marginTop: 0 }}>{t('tokens.intro')}</p>
        {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="inline" onFinish={onFinish} disabled={create.isPending} style={{ rowGap: 8 }}>
          <Form.Item name="name" label={t('tokens.name')} rules={[zodRule(createTokenBody.shape.name)]} style={{ minWidth: 240, flex: '1 1 240px' }}>
            <Input placeholder={t('tokens.namePlaceholder')} maxLength={100} />
          </Form.Item>
          <Form.Item name="expiresAt" label={t('tokens.expiresAt')}>
            <DatePicker format={DATE_FORMAT} placeholder={t('tokens.noExpiry')} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={create.isPending}>{t('tokens.create')}</Button>
          </Form.Item>
        </Form>
      </Card>
      <Card>
        {tokens.isError && <Alert type="error" showIcon message={errorText(tokens.error)} />}
        <Table<ApiToken>
          rowKey="id"
          size="small"
          loading={tokens.isPending}
          dataSource={tokens.data ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('tokens.empty') }}
          columns={[
            { title: t('tokens.name'), dataIndex: 'name' },
            { title: t('tokens.prefix'), dataIndex: 'prefix', render: (p: string) => <span className="mono">{p}…</span> },
            { title: t('tokens.createdAt'), dataIndex: 'createdAt', render: formatInstant },
            { title: t('tokens.lastUsedAt'), dataIndex: 'lastUsedAt', render: (v: string | null) => (v ? formatInstant(v) : <span className="muted">{t('tokens.never')}</span>) },
            { title: t('tokens.expiresAt'), dataIndex: 'expiresAt', render: (v: string | null) => (v ? formatInstant(v) : <span className="muted">{t('tokens.noExpiry')}</span>) },
            {
              title: t('tokens.status'), key: 'status',
              render: (_: unknown, token) => {
                const status = tokenStatus(token);
                return <Tag color={status === 'active' ? 'green' : 'default'}>{t(`tokens.${status}`)}</Tag>;
              },
            },
            {
              key: 'actions', align: 'right',
              render: (_: unknown, token) => tokenStatus(token) === 'active' && (
                <Popconfirm
                  title={t('tokens.revokeConfirm', { name: token.name })}
                  okText={t('tokens.revoke')}
                  cancelText={tc('actions.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => revoke.mutateAsync(token.id)}
                >
                  <Button size="small" danger>{t('tokens.revoke')}</Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      </Card>
      <Modal
        open={created !== null}
        title={t('tokens.createdTitle')}
        onCancel={() => setCreated(null)}
        footer={<Button type="primary" onClick={() => setCreated(null)}>{tc('actions.close')}</Button>}
        maskClosable={false}
      >
        <Alert type="warning" showIcon message={t('tokens.createdWarning')} style={{ marginBottom: 12 }} />
        <p><strong>{created?.name}</strong></p>
        <Typography.Paragraph copyable={{ text: created?.token, tooltips: [tc('actions.copy'), t('tokens.copied')] }} className="mono token-secret" data-testid="new-token">
          {created?.token}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
