/** Charts of a consolidation: one indicator by unit, the same over the periods, and completeness. */
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getCompleteness, getTrend, type Consolidation } from '../../api/reports';
import { EChart } from './EChart';
import { reportKeys } from './format';
import { REPORTS_NS } from './i18n';

export function ReportingCharts({ consolidation: c }: { consolidation: Consolidation }) {
  const { t } = useTranslation(REPORTS_NS);
  const numeric = c.indicators.filter((i) => i.aggregation !== 'none');
  const [code, setCode] = useState(numeric[0]?.code);
  const indicator = numeric.find((i) => i.code === code);
  const trend = useQuery({ queryKey: reportKeys.trend({ unit: c.unit.id, schedule: c.schedule.id }), queryFn: ({ signal }) => getTrend({ unit: c.unit.id, schedule: c.schedule.id }, signal) });
  const done = useQuery({
    queryKey: reportKeys.completeness({ unit: c.unit.id, period: c.period.key, schedule: c.schedule.id }), enabled: c.structure === 'then',
    queryFn: ({ signal }) => getCompleteness({ unit: c.unit.id, period: c.period.key, schedule: c.schedule.id }, signal),
  });
  const rows = useMemo(() => [...c.rows].filter((r) => r.values[code ?? ''] !== null && r.values[code ?? ''] !== undefined)
    .sort((a, b) => Number(b.values[code!] ?? 0) - Number(a.values[code!] ?? 0)), [c, code]);
  const byUnit = useMemo(() => ({
    tooltip: { trigger: 'axis' as const },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'value' as const },
    yAxis: { type: 'category' as const, inverse: true, data: rows.map((r) => r.name), axisLabel: { width: 180, overflow: 'truncate' as const } },
    series: [{ type: 'bar' as const, data: rows.map((r) => r.values[code!]), itemStyle: { color: '#1f5fa8' } }],
  }), [rows, code]);
  const overTime = useMemo(() => ({
    tooltip: { trigger: 'axis' as const },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category' as const, data: (trend.data?.periods ?? []).map((p) => p.label) },
    yAxis: { type: 'value' as const },
    series: [{ type: 'line' as const, data: (trend.data?.periods ?? []).map((p) => p.values[code!]), smooth: true, itemStyle: { color: '#b8232f' } }],
  }), [trend.data, code]);
  const statuses = ['on_time', 'late', 'returned', 'missing', 'not_due'] as const;
  const colors = { on_time: '#389e0d', late: '#d46b08', returned: '#d4b106', missing: '#cf1322', not_due: '#8c8c8c' };
  const pie = useMemo(() => ({
    tooltip: { trigger: 'item' as const },
    series: [{ type: 'pie' as const, radius: ['40%', '70%'], data: statuses.map((s) => ({ name: t(`timeliness.${s}`), value: done.data?.summary[s] ?? 0, itemStyle: { color: colors[s] } })).filter((d) => d.value > 0) }],
  }), [done.data, t]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <div data-testid="charts">
      <Select style={{ minWidth: 360, marginBottom: 12 }} aria-label={t('dashboard.indicator')} value={code} onChange={setCode}
        options={numeric.map((i) => ({ value: i.code, label: i.name }))} />
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={14}><Card size="small" title={`${t('dashboard.byUnit')}: ${indicator?.name ?? ''}`}><EChart option={byUnit} height={Math.max(240, rows.length * 22)} testId="chart-by-unit" /></Card></Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={`${t('dashboard.overTime')}: ${indicator?.name ?? ''}`} style={{ marginBottom: 12 }}><EChart option={overTime} height={240} testId="chart-over-time" /></Card>
          {c.structure === 'then' && <Card size="small" title={t('dashboard.completeness')}><EChart option={pie} height={240} /></Card>}
        </Col>
      </Row>
    </div>
  );
}
