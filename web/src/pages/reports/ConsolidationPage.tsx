/**
 * "Tổng hợp báo cáo": a unit's consolidated figures for a period from accepted reports, as
 * structured then or as structured now (the switch), by unit below, with which reports are
 * included and missing, the restructuring map, completeness, and the official DOCX / XLSX.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Collapse, Row, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fileUrl, getConsolidation, type Consolidation } from '../../api/reports';
import { PageTitle } from '../../components/PageTitle';
import { errorText } from '../../forms/validation';
import { formatDate } from '../../lib/dates';
import { CompletenessBoard } from './CompletenessBoard';
import { STATUS_COLORS, formatFigure, reportKeys } from './format';
import { REPORTS_NS } from './i18n';
import { ScopeBar } from './ScopeBar';
import { useReportingScope } from './useReportingScope';
import { ReportingCharts } from './ReportingCharts';

type Row = Consolidation['rows'][number];

function FiguresTable({ c }: { c: Consolidation }) {
  const { t } = useTranslation(REPORTS_NS);
  const total: Row = { unitId: 0, name: t('consolidation.total'), kind: null, role: 'unit', values: Object.fromEntries(Object.entries(c.figures).map(([k, v]) => [k, v.value])), reports: c.included.count, flags: 0 };
  return (
    <Table<Row> size="small" rowKey={(r) => `${r.role}-${r.unitId}`} pagination={false} scroll={{ x: 'max-content' }} dataSource={[...c.rows, total]} data-testid="consolidation-table"
      rowClassName={(r) => (r.unitId === 0 ? 'total-row' : '')}
      columns={[
        { title: t('columns.unit'), fixed: 'left', render: (_: unknown, r) => <span style={{ fontWeight: r.unitId === 0 ? 700 : undefined }}>{r.name} {r.role === 'own' ? t('consolidation.own') : r.role === 'direct' ? t('consolidation.direct') : ''}{r.flags > 0 && <Tag color="warning" style={{ marginLeft: 6 }}>⚑ {r.flags}</Tag>}</span> },
        ...c.indicators.map((ind) => ({
          title: <span style={{ whiteSpace: 'normal', display: 'inline-block', maxWidth: 160 }}>{ind.name}{ind.unit ? ` (${ind.unit})` : ''}</span>,
          align: 'right' as const, render: (_: unknown, r: Row) => <span style={{ fontWeight: r.unitId === 0 ? 700 : undefined }}>{formatFigure(r.values[ind.code])}</span>,
        })),
        { title: t('consolidation.reports'), dataIndex: 'reports', align: 'right' },
      ]}
    />
  );
}

export default function ConsolidationPage() {
  const { t } = useTranslation(REPORTS_NS);
  const scope = useReportingScope();
  const q = scope.period ? { unit: scope.unit, period: scope.period, structure: scope.structure, schedule: scope.scheduleId } : null;
  const data = useQuery({ queryKey: reportKeys.consolidation(q ?? {}), enabled: !!q, queryFn: ({ signal }) => getConsolidation(q!, signal) });
  const c = data.data;
  const downloads = q && (
    <>
      <Button icon={<DownloadOutlined />} href={fileUrl('/consolidation/export.docx', q)} data-testid="consolidation-docx">{t('consolidation.exportDocx')}</Button>
      <Button icon={<DownloadOutlined />} href={fileUrl('/consolidation/export.xlsx', q)}>{t('consolidation.exportXlsx')}</Button>
    </>
  );
  return (
    <>
      <PageTitle title={t('consolidation.title')} />
      <ScopeBar scope={scope} withStructure extra={downloads} />
      {data.isError && <Alert type="error" showIcon message={errorText(data.error)} />}
      {c && (
        <Tabs items={[
          {
            key: 'figures', label: t('consolidation.tabs.figures'), children: (
              <>
                <Typography.Paragraph className="muted">
                  {c.period.label}: {formatDate(c.period.start)} – {formatDate(c.period.end)} · {t('list.due', { date: formatDate(c.period.dueDate) })} · {c.structure === 'then' ? t('consolidation.then') : t('consolidation.now')} ({formatDate(c.treeDate)})
                </Typography.Paragraph>
                <Card size="small" title={`${t('consolidation.figures')}: ${c.unit.name}`} style={{ marginBottom: 12 }}><FiguresTable c={c} /></Card>
                <Row gutter={12}>
                  <Col xs={24} md={12}>
                    <Card size="small" title={t('consolidation.included', { count: c.included.count })} data-testid="included">
                      {c.included.items.map((i) => <Tag key={i.reportId} color="success" style={{ marginBottom: 4 }}><a href={`/app/reports/${i.reportId}`}>{i.unitName}</a></Tag>)}
                    </Card>
                  </Col>
                  <Col xs={24} md={12}>
                    <Card size="small" title={t('consolidation.missing', { count: c.missing.count })} data-testid="missing">
                      {c.missing.items.map((m) => <Tag key={m.unitId} color={STATUS_COLORS[m.status]} style={{ marginBottom: 4 }}>{m.unitName} · {t(`status.${m.status}`)}</Tag>)}
                    </Card>
                  </Col>
                </Row>
                {c.structure === 'now' && (
                  <Collapse style={{ marginTop: 12 }} items={[{
                    key: 'map', label: `${t('consolidation.mapping')} (${c.mapping.length})`, children: (
                      <>
                        {c.rule && <Alert type="info" showIcon message={c.rule} style={{ marginBottom: 8 }} />}
                        <Table size="small" rowKey="fromUnitId" pagination={{ pageSize: 20 }} dataSource={c.mapping} columns={[
                          { title: t('columns.unit'), dataIndex: 'fromName' },
                          { title: '→', dataIndex: 'toName' },
                          { title: t('consolidation.rule'), dataIndex: 'rule', render: (r: string) => t(`consolidation.rules.${r}`) },
                        ]} />
                      </>
                    ),
                  }]} />
                )}
              </>
            ),
          },
          ...(c.structure === 'then' ? [{ key: 'completeness', label: t('consolidation.tabs.completeness'), children: <CompletenessBoard unit={scope.unit} period={c.period.key} schedule={c.schedule.id} /> }] : []),
          { key: 'charts', label: t('consolidation.tabs.charts'), children: <ReportingCharts consolidation={c} /> },
        ]} />
      )}
    </>
  );
}
