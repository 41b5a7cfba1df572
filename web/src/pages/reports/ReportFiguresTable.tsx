/** The figures of a report: own values (typed, or filled from records and locked) beside the accepted subordinates' aggregate and the total. */
import { LockOutlined } from '@ant-design/icons';
import { Input, InputNumber, Popover, Select, Table, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Indicator, Report } from '../../api/reports';
import { formatFigure } from './format';
import { REPORTS_NS } from './i18n';

type Value = number | boolean | string | null;

export function ReportFiguresTable({ report, values, editable, onChange }: {
  report: Report;
  values: Record<string, Value>;
  editable: boolean;
  onChange: (code: string, value: Value) => void;
}) {
  const { t } = useTranslation(REPORTS_NS);
  const yesNo = { yes: t('report.yes'), no: t('report.no') };
  const checksByField = new Map<string, Report['checks']>();
  for (const c of report.checks) checksByField.set(c.field, [...(checksByField.get(c.field) ?? []), c]);

  const input = (ind: Indicator) => {
    const value = values[ind.code] ?? null;
    const common = { 'aria-label': ind.name, 'data-testid': `value-${ind.code}`, style: { width: '100%' } };
    switch (ind.type) {
      case 'boolean':
        return <Select {...common} allowClear value={value === null ? undefined : value ? 'yes' : 'no'} onChange={(v) => onChange(ind.code, v === undefined ? null : v === 'yes')}
          options={[{ value: 'yes', label: yesNo.yes }, { value: 'no', label: yesNo.no }]} />;
      case 'choice':
        return <Select {...common} allowClear value={(value as string | null) ?? undefined} onChange={(v) => onChange(ind.code, v ?? null)}
          options={(ind.choices ?? []).map((c) => ({ value: c, label: c }))} />;
      case 'text':
        return <Input {...common} value={(value as string | null) ?? ''} onChange={(e) => onChange(ind.code, e.target.value || null)} />;
      default:
        return <InputNumber<number> {...common} value={(value as number | null) ?? null} min={ind.type === 'percent' ? 0 : undefined} max={ind.type === 'percent' ? 100 : undefined}
          precision={ind.type === 'integer' ? 0 : undefined} decimalSeparator={','} onChange={(v) => onChange(ind.code, v ?? null)} />;
    }
  };

  return (
    <Table<Indicator>
      rowKey="code"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={report.definition.indicators}
      columns={[
        {
          title: t('report.indicator'), key: 'name',
          render: (_: unknown, ind) => (
            <div style={{ maxWidth: 420, whiteSpace: 'normal' }}>
              {ind.name}{ind.required && <span style={{ color: '#cf1322' }}> *</span>}
              {(checksByField.get(ind.code) ?? []).map((c, i) => (
                <div key={i}><Tag color={c.severity === 'hard' ? 'error' : 'warning'} style={{ whiteSpace: 'normal' }}>{c.message}</Tag></div>
              ))}
            </div>
          ),
        },
        { title: t('report.unitOfMeasure'), dataIndex: 'unit', render: (u: string | null) => u ?? '' },
        {
          title: t('report.own'), key: 'own', width: 180,
          render: (_: unknown, ind) => {
            const sourced = report.sourced[ind.code];
            if (ind.source && sourced) {
              return (
                <Popover title={t('report.sourced')} content={
                  <div style={{ maxHeight: 260, overflow: 'auto', maxWidth: 360 }}>
                    {sourced.error ?? sourced.records.map((r) => <div key={`${r.entity}-${r.id}`}>{r.link ? <a href={r.link}>{r.label}</a> : r.label}</div>)}
                  </div>
                }>
                  <span data-testid={`sourced-${ind.code}`}><LockOutlined className="muted" /> {formatFigure(sourced.value)} <span className="muted">({t('report.records', { count: sourced.total })})</span></span>
                </Popover>
              );
            }
            return editable ? input(ind) : <span data-testid={`value-${ind.code}`}>{formatFigure(values[ind.code], yesNo)}</span>;
          },
        },
        {
          title: t('report.aggregate'), key: 'aggregate', align: 'right',
          render: (_: unknown, ind) => {
            const a = report.aggregate[ind.code];
            return a ? <Tooltip title={`n = ${a.n}`}>{formatFigure(a.value)}</Tooltip> : '';
          },
        },
        { title: t('report.total'), key: 'total', align: 'right', render: (_: unknown, ind) => <strong>{ind.code in report.totals ? formatFigure(report.totals[ind.code]) : ''}</strong> },
      ]}
    />
  );
}
