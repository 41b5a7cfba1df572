/** Edit a form's indicators, sections and rules, then publish them as the next version. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGGREGATIONS, AGGREGATIONS_BY_TYPE, INDICATOR_TYPES, RULE_OPS } from '../../../../src/core/report-form';
import { listIndicatorSources, publishVersion, type Form, type FormDefinition } from '../../api/reports';
import { errorText } from '../../forms/validation';
import { reportKeys } from './format';
import { REPORTS_NS } from './i18n';

type Indicator = FormDefinition['indicators'][number];
type Section = FormDefinition['sections'][number];
type Rule = FormDefinition['rules'][number];

export function FormEditor({ form }: { form: Form }) {
  const { t } = useTranslation(REPORTS_NS);
  const { message } = App.useApp();
  const client = useQueryClient();
  const [indicators, setIndicators] = useState<Indicator[]>(form.definition.indicators);
  const [sections, setSections] = useState<Section[]>(form.definition.sections);
  const [rules, setRules] = useState<Rule[]>(form.definition.rules);
  const [problem, setProblem] = useState<string | null>(null);
  const sources = useQuery({ queryKey: ['reports', 'sources'], queryFn: listIndicatorSources });
  useEffect(() => {
    setIndicators(form.definition.indicators);
    setSections(form.definition.sections);
    setRules(form.definition.rules);
  }, [form]);
  const publish = useMutation({
    mutationFn: () => publishVersion(form.id, { baseVersion: form.currentVersion, definition: { indicators, sections, rules } }),
    onSuccess: (f) => { setProblem(null); message.success(t('forms.published', { version: f.currentVersion })); void client.invalidateQueries({ queryKey: reportKeys.forms }); },
    onError: (error) => setProblem(errorText(error)),
  });
  const setInd = (i: number, patch: Partial<Indicator>) => setIndicators((old) => old.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const numeric = indicators.filter((i) => i.type === 'integer' || i.type === 'decimal' || i.type === 'percent').map((i) => ({ value: i.code, label: i.name || i.code }));

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {problem && <Alert type="error" showIcon message={problem} closable onClose={() => setProblem(null)} />}
      <Typography.Title level={5}>{t('forms.indicators')}</Typography.Title>
      <Table<Indicator> size="small" rowKey={(_, i) => String(i)} pagination={false} scroll={{ x: 'max-content' }} dataSource={indicators} columns={[
        { title: 'Mã', render: (_: unknown, r, i) => <Input size="small" style={{ width: 130 }} value={r.code} onChange={(e) => setInd(i, { code: e.target.value })} /> },
        { title: t('report.indicator'), render: (_: unknown, r, i) => <Input.TextArea size="small" autoSize style={{ width: 260 }} value={r.name} onChange={(e) => setInd(i, { name: e.target.value })} /> },
        { title: t('forms.type'), render: (_: unknown, r, i) => <Select size="small" style={{ width: 120 }} value={r.type} onChange={(type) => setInd(i, { type, aggregation: AGGREGATIONS_BY_TYPE[type][0] })} options={INDICATOR_TYPES.map((x) => ({ value: x, label: t(`forms.types.${x}`) }))} /> },
        { title: t('report.unitOfMeasure'), render: (_: unknown, r, i) => <Input size="small" style={{ width: 90 }} value={r.unit ?? ''} onChange={(e) => setInd(i, { unit: e.target.value || null })} /> },
        { title: t('forms.aggregation'), render: (_: unknown, r, i) => <Select size="small" style={{ width: 160 }} value={r.aggregation} onChange={(aggregation) => setInd(i, { aggregation })} options={AGGREGATIONS.filter((a) => AGGREGATIONS_BY_TYPE[r.type].includes(a)).map((a) => ({ value: a, label: t(`forms.aggregations.${a}`) }))} /> },
        { title: t('forms.weightBy'), render: (_: unknown, r, i) => r.aggregation === 'weighted_avg' ? <Select size="small" style={{ width: 160 }} value={r.weightBy ?? undefined} onChange={(weightBy) => setInd(i, { weightBy })} options={numeric} /> : null },
        { title: t('forms.required'), render: (_: unknown, r, i) => <Checkbox checked={r.required} onChange={(e) => setInd(i, { required: e.target.checked })} /> },
        { title: 'Min', render: (_: unknown, r, i) => <InputNumber size="small" style={{ width: 80 }} value={r.min ?? null} onChange={(v) => setInd(i, { min: v })} /> },
        { title: 'Max', render: (_: unknown, r, i) => <InputNumber size="small" style={{ width: 80 }} value={r.max ?? null} onChange={(v) => setInd(i, { max: v })} /> },
        { title: t('forms.choices'), render: (_: unknown, r, i) => r.type === 'choice' ? <Input size="small" style={{ width: 180 }} value={(r.choices ?? []).join('; ')} onChange={(e) => setInd(i, { choices: e.target.value.split(';').map((x) => x.trim()).filter(Boolean) })} /> : null },
        {
          title: t('forms.source'), render: (_: unknown, r, i) => (
            <Space direction="vertical" size={2}>
              <Select size="small" style={{ width: 220 }} allowClear placeholder={t('forms.sourceNone')} value={r.source?.key} onChange={(key) => setInd(i, { source: key ? { key, params: r.source?.params ?? {} } : null })}
                options={(sources.data ?? []).map((s) => ({ value: s.key, label: s.label }))} />
              {r.source && <Input size="small" style={{ width: 220 }} defaultValue={JSON.stringify(r.source.params ?? {})} onBlur={(e) => { try { setInd(i, { source: { key: r.source!.key, params: JSON.parse(e.target.value || '{}') } }); } catch { setProblem(`${r.code}: JSON`); } }} />}
            </Space>
          ),
        },
        { title: '', render: (_: unknown, _r, i) => <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('forms.indicators')} onClick={() => setIndicators((old) => old.filter((_, j) => j !== i))} /> },
      ]} />
      <Button size="small" icon={<PlusOutlined />} onClick={() => setIndicators((old) => [...old, { code: `chi_tieu_${old.length + 1}`, name: '', type: 'integer', aggregation: 'sum', required: false }])}>{t('forms.addIndicator')}</Button>

      <Typography.Title level={5}>{t('forms.sections')}</Typography.Title>
      {sections.map((s, i) => (
        <Space key={i} wrap>
          <Input size="small" style={{ width: 140 }} value={s.code} onChange={(e) => setSections((old) => old.map((x, j) => (j === i ? { ...x, code: e.target.value } : x)))} />
          <Input size="small" style={{ width: 320 }} value={s.title} onChange={(e) => setSections((old) => old.map((x, j) => (j === i ? { ...x, title: e.target.value } : x)))} />
          <Checkbox checked={s.required} onChange={(e) => setSections((old) => old.map((x, j) => (j === i ? { ...x, required: e.target.checked } : x)))}>{t('forms.required')}</Checkbox>
          <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => setSections((old) => old.filter((_, j) => j !== i))} />
        </Space>
      ))}
      <Button size="small" icon={<PlusOutlined />} onClick={() => setSections((old) => [...old, { code: `phan_${old.length + 1}`, title: '', required: false }])}>{t('forms.addSection')}</Button>

      <Typography.Title level={5}>{t('forms.rules')}</Typography.Title>
      {rules.map((r, i) => {
        const set = (patch: Partial<Rule>) => setRules((old) => old.map((x, j) => (j === i ? { ...x, ...patch } as Rule : x)));
        const right = r.right as { indicator?: string; factor?: number | null; value?: number };
        return (
          <Space key={i} wrap>
            <Select size="small" style={{ width: 220 }} value={r.left} onChange={(left) => set({ left })} options={numeric} aria-label={t('forms.left')} />
            <Select size="small" style={{ width: 70 }} value={r.op} onChange={(op) => set({ op })} options={RULE_OPS.map((o) => ({ value: o, label: o }))} />
            <Select size="small" style={{ width: 220 }} value={right.indicator} onChange={(indicator) => set({ right: { indicator, factor: right.factor ?? null } })} options={numeric} aria-label={t('forms.right')} />
            <InputNumber size="small" style={{ width: 90 }} placeholder={t('forms.factor')} value={right.factor ?? null} onChange={(factor) => set({ right: { indicator: right.indicator ?? '', factor } })} />
            <Select size="small" style={{ width: 150 }} value={r.severity} onChange={(severity) => set({ severity })} options={[{ value: 'hard', label: t('forms.hard') }, { value: 'soft', label: t('forms.soft') }]} />
            <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => setRules((old) => old.filter((_, j) => j !== i))} />
          </Space>
        );
      })}
      <Button size="small" icon={<PlusOutlined />} disabled={numeric.length < 2} onClick={() => setRules((old) => [...old, { code: `quy_tac_${old.length + 1}`, left: numeric[0].value, op: '<=', right: { indicator: numeric[1].value }, severity: 'hard' }])}>{t('forms.addRule')}</Button>
      <div><Button type="primary" loading={publish.isPending} onClick={() => publish.mutate()}>{t('forms.publish')}</Button></div>
    </Space>
  );
}
