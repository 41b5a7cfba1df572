/** "Biểu mẫu báo cáo": the forms, a new one, and the designer publishing versions. */
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form as AntForm, Input, Modal, Select, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createFormBody } from '../../../../src/modules/report-forms/report-forms.contract';
import { createForm, getForm, listForms, type FormSummary } from '../../api/reports';
import { PageTitle } from '../../components/PageTitle';
import { UnitPicker } from '../../components/units/UnitPicker';
import { applyApiError, errorText, validateBody, zodRule } from '../../forms/validation';
import { formatInstant } from '../../lib/dates';
import { FormEditor } from './FormEditor';
import { reportKeys } from './format';
import { REPORTS_NS } from './i18n';

export default function FormsPage() {
  const { t } = useTranslation(REPORTS_NS);
  const client = useQueryClient();
  const forms = useQuery({ queryKey: reportKeys.forms, queryFn: ({ signal }) => listForms(signal) });
  const [openId, setOpenId] = useState<number | null>(null);
  const [version, setVersion] = useState<number | undefined>();
  const form = useQuery({ queryKey: [...reportKeys.forms, openId, version], enabled: openId !== null, queryFn: () => getForm(openId!, version) });
  const [creating, setCreating] = useState(false);
  const [antForm] = AntForm.useForm();
  const [problem, setProblem] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: createForm,
    onSuccess: (f) => { setCreating(false); antForm.resetFields(); setOpenId(f.id); void client.invalidateQueries({ queryKey: reportKeys.forms }); },
    onError: (error) => setProblem(applyApiError(antForm, error)),
  });
  return (
    <>
      <PageTitle title={t('forms.title')} extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('forms.create')}</Button>} />
      {forms.isError && <Alert type="error" showIcon message={errorText(forms.error)} />}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Table<FormSummary> rowKey="id" size="small" pagination={false} dataSource={forms.data ?? []} loading={forms.isFetching}
          onRow={(f) => ({ onClick: () => { setOpenId(f.id); setVersion(undefined); }, style: { cursor: 'pointer' } })}
          columns={[
            { title: t('forms.code'), dataIndex: 'code' },
            { title: t('forms.name'), dataIndex: 'name' },
            { title: t('forms.owner'), dataIndex: 'ownerUnitName' },
            { title: t('forms.version'), dataIndex: 'currentVersion', align: 'right' },
            { title: '', dataIndex: 'updatedAt', render: (d: string) => formatInstant(d) },
          ]} />
      </Card>
      {form.data && (
        <Card size="small" title={`${form.data.name} (${form.data.code})`} extra={
          <Select size="small" value={form.data.version} onChange={setVersion} style={{ width: 160 }}
            options={form.data.versions.map((v) => ({ value: v.version, label: `${t('forms.version')} ${v.version}` }))} />
        }>
          <FormEditor form={form.data} />
        </Card>
      )}
      <Modal open={creating} title={t('forms.create')} onCancel={() => setCreating(false)} okText={t('forms.create')} confirmLoading={create.isPending}
        onOk={() => {
          const body = validateBody(antForm, createFormBody, antForm.getFieldsValue());
          if (body) create.mutate(body);
        }}>
        {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 8 }} />}
        <AntForm form={antForm} layout="vertical">
          <AntForm.Item name="code" label={t('forms.code')} rules={[zodRule(createFormBody.shape.code)]}><Input /></AntForm.Item>
          <AntForm.Item name="name" label={t('forms.name')} rules={[zodRule(createFormBody.shape.name)]}><Input /></AntForm.Item>
          <AntForm.Item name="ownerUnitId" label={t('forms.owner')} rules={[zodRule(createFormBody.shape.ownerUnitId)]}><UnitPicker /></AntForm.Item>
        </AntForm>
      </Modal>
    </>
  );
}
