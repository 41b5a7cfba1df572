/**
 * "Lịch báo cáo": who reports what, when and to whom. A schedule attaches a form to a plan:
 * period type, cut-off (calendar or Decree 09/2019), deadline offset, the kinds of units in the
 * subtree that report, and the department that receives for the unit.
 */
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Form as AntForm, Input, InputNumber, Modal, Row, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createScheduleBody } from '../../../../src/modules/report-schedules/report-schedules.contract';
import { listPlans } from '../../api/plans';
import { createSchedule, listForms, listSchedules, reportingUnits, type Schedule } from '../../api/reports';
import { PageTitle } from '../../components/PageTitle';
import { UnitPicker } from '../../components/units/UnitPicker';
import { useKinds } from '../../components/units/useOrgData';
import { applyApiError, errorText, validateBody, zodRule } from '../../forms/validation';
import { formatDate } from '../../lib/dates';
import { reportKeys } from './format';
import { REPORTS_NS } from './i18n';

export default function SchedulesPage() {
  const { t } = useTranslation(REPORTS_NS);
  const client = useQueryClient();
  const schedules = useQuery({ queryKey: reportKeys.schedules({ all: true }), queryFn: ({ signal }) => listSchedules({}, signal) });
  const forms = useQuery({ queryKey: reportKeys.forms, queryFn: ({ signal }) => listForms(signal) });
  const kinds = useKinds();
  const plans = useQuery({ queryKey: ['reports', 'plans-for-schedules'], queryFn: ({ signal }) => listPlans({ status: 'issued', limit: 200 }, signal) });
  const [selected, setSelected] = useState<Schedule | null>(null);
  const [period, setPeriod] = useState<string>();
  const units = useQuery({ queryKey: ['reports', 'units', selected?.id, period], enabled: !!selected && !!period, queryFn: () => reportingUnits(selected!.id, period!) });
  const [creating, setCreating] = useState(false);
  const [antForm] = AntForm.useForm();
  const [problem, setProblem] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: createSchedule,
    onSuccess: (s) => { setCreating(false); antForm.resetFields(); setSelected(s); void client.invalidateQueries({ queryKey: reportKeys.all }); },
    onError: (error) => setProblem(applyApiError(antForm, error, (field) => field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)))),
  });
  const submit = () => {
    const v = antForm.getFieldsValue();
    const body = validateBody(antForm, createScheduleBody, {
      ...v, recipientUnitId: v.recipientUnitId ?? null, lastPeriod: v.lastPeriod || null, planId: v.planId ?? null,
      scope: { kinds: v.scope?.kinds ?? [], maxDepth: v.scope?.maxDepth ?? null, includeUnitIds: [], excludeUnitIds: [] },
      reminderDays: String(v.reminderDays ?? '7,3,1').split(/[,; ]+/).filter(Boolean).map(Number),
    });
    if (body) create.mutate(body);
  };
  return (
    <>
      <PageTitle title={t('schedules.title')} extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('schedules.create')}</Button>} />
      {schedules.isError && <Alert type="error" showIcon message={errorText(schedules.error)} />}
      <Row gutter={12}>
        <Col xs={24} lg={12}>
          <Card size="small">
            <Table<Schedule> rowKey="id" size="small" pagination={false} dataSource={schedules.data ?? []} onRow={(s) => ({ onClick: () => { setSelected(s); setPeriod(s.periods.at(-1)?.key); }, style: { cursor: 'pointer' } })}
              columns={[
                { title: t('schedules.name'), dataIndex: 'name' },
                { title: t('schedules.periodType'), dataIndex: 'periodType', render: (p: string) => t(`schedules.periodTypes.${p}`) },
                { title: t('schedules.cutoff'), dataIndex: 'cutoff', render: (c: string) => <Tag>{c === 'decree09' ? 'NĐ 09/2019' : t('schedules.cutoffs.calendar')}</Tag> },
                { title: t('columns.reviewer'), render: (_: unknown, s) => s.recipientUnitName ?? s.unitName },
              ]} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          {selected && (
            <Card size="small" title={selected.name}>
              {selected.plan && <p>{t('schedules.plan')}: <a href={`/app/plans/${selected.plan.id}`}>{selected.plan.number ? `${selected.plan.number} — ` : ''}{selected.plan.title}</a></p>}
              <p className="muted">{selected.formName} · {selected.unitName}{selected.recipientUnitName ? ` → ${selected.recipientUnitName}` : ''} · {t(`schedules.cutoffs.${selected.cutoff}`)}</p>
              <Table size="small" rowKey="key" pagination={false} dataSource={selected.periods} onRow={(p) => ({ onClick: () => setPeriod(p.key), style: { cursor: 'pointer', background: p.key === period ? '#e6f4ff' : undefined } })}
                columns={[
                  { title: t('list.period'), dataIndex: 'label' },
                  { title: 'Từ', dataIndex: 'start', render: formatDate },
                  { title: 'Đến', dataIndex: 'end', render: formatDate },
                  { title: t('columns.due'), dataIndex: 'dueDate', render: formatDate },
                ]} />
              {units.data && (
                <Table size="small" rowKey="unitId" style={{ marginTop: 12 }} pagination={{ pageSize: 20 }} dataSource={units.data} columns={[
                  { title: t('columns.unit'), dataIndex: 'name', render: (n: string, u) => <span style={{ paddingLeft: (u.depth - 1) * 12 }}>{n}</span> },
                  { title: t('columns.reviewer'), dataIndex: 'reviewerUnitId', render: (id: number) => units.data!.find((u) => u.unitId === id)?.name ?? (id === selected.recipientUnitId ? selected.recipientUnitName : selected.unitName) },
                ]} />
              )}
            </Card>
          )}
        </Col>
      </Row>
      <Modal open={creating} title={t('schedules.create')} width={720} onCancel={() => setCreating(false)} okText={t('schedules.create')} confirmLoading={create.isPending} onOk={submit}>
        {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 8 }} />}
        <AntForm form={antForm} layout="vertical" initialValues={{ periodType: 'half', cutoff: 'decree09', dueOffsetDays: 5, reminderDays: '7, 3, 1', hierarchy: 'party' }}>
          <AntForm.Item name="name" label={t('schedules.name')} rules={[zodRule(createScheduleBody.shape.name)]}><Input /></AntForm.Item>
          <AntForm.Item name="formId" label={t('schedules.form')} rules={[zodRule(createScheduleBody.shape.formId)]}>
            <Select options={(forms.data ?? []).map((f) => ({ value: f.id, label: f.name }))} />
          </AntForm.Item>
          <AntForm.Item name="planId" label={t('schedules.plan')}>
            <Select allowClear showSearch optionFilterProp="label" options={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.number ? `${p.number} — ` : ''}${p.title}` }))} />
          </AntForm.Item>
          <Row gutter={8}>
            <Col span={12}><AntForm.Item name="unitId" label={t('schedules.unit')} rules={[zodRule(createScheduleBody.shape.unitId)]}><UnitPicker /></AntForm.Item></Col>
            <Col span={12}><AntForm.Item name="recipientUnitId" label={t('schedules.recipient')}><UnitPicker /></AntForm.Item></Col>
          </Row>
          <Row gutter={8}>
            <Col span={8}><AntForm.Item name="periodType" label={t('schedules.periodType')}><Select options={['half', 'year', 'quarter', 'month', 'adhoc'].map((p) => ({ value: p, label: t(`schedules.periodTypes.${p}`) }))} /></AntForm.Item></Col>
            <Col span={16}><AntForm.Item name="cutoff" label={t('schedules.cutoff')}><Select options={['calendar', 'decree09'].map((c) => ({ value: c, label: t(`schedules.cutoffs.${c}`) }))} /></AntForm.Item></Col>
          </Row>
          <Row gutter={8}>
            <Col span={8}><AntForm.Item name="firstPeriod" label={t('schedules.firstPeriod')} rules={[zodRule(createScheduleBody.shape.firstPeriod)]}><Input placeholder="2021-H1" /></AntForm.Item></Col>
            <Col span={8}><AntForm.Item name="lastPeriod" label={t('schedules.lastPeriod')}><Input placeholder="2021-H2" /></AntForm.Item></Col>
            <Col span={8}><AntForm.Item name="dueOffsetDays" label={t('schedules.due')}><InputNumber min={-31} max={366} style={{ width: '100%' }} /></AntForm.Item></Col>
          </Row>
          <Row gutter={8}>
            <Col span={16}><AntForm.Item name={['scope', 'kinds']} label={t('schedules.kinds')}><Select mode="multiple" options={(kinds.data ?? []).map((k) => ({ value: k.code, label: k.nameVi }))} /></AntForm.Item></Col>
            <Col span={8}><AntForm.Item name={['scope', 'maxDepth']} label={t('schedules.maxDepth')}><InputNumber min={1} max={20} style={{ width: '100%' }} /></AntForm.Item></Col>
          </Row>
          <AntForm.Item name="reminderDays" label={t('schedules.reminders')}><Input /></AntForm.Item>
        </AntForm>
      </Modal>
    </>
  );
}
