/**
 * Coverage of a plan: every required unit × the plan's tasks — its own plan issued or not
 * (overdue in red, late in amber), how many tasks it covers, the latest progress on each — with
 * the units below expandable, and totals over the whole subtree.
 */
import { CheckCircleFilled, MinusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Skeleton, Statistic, Table, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getCoverage, type Coverage, type CoverageRow } from '../../api/plans';
import { errorText } from '../../forms/validation';
import { formatDate } from '../../lib/dates';
import { PLANS_NS } from './i18n';

type Row = Omit<CoverageRow, 'children'> & { key: string; level: number; children?: Row[] };

function withKeys(rows: CoverageRow[], level: number, prefix: string): Row[] {
  return rows.map((r) => {
    const key = `${prefix}${r.unit.id}`;
    const children = withKeys(r.children, level + 1, `${key}-`);
    return { ...r, key, level, children: children.length ? children : undefined };
  });
}

export function CoverageMatrix({ planId }: { planId: number }) {
  const { t } = useTranslation(PLANS_NS);
  const coverage = useQuery({ queryKey: ['plans', 'coverage', planId], queryFn: ({ signal }) => getCoverage(planId, signal) });
  if (coverage.isPending) return <Skeleton active />;
  if (coverage.isError) return <Alert type="error" showIcon message={errorText(coverage.error)} />;
  const data: Coverage = coverage.data;
  const leaves = data.tasks.filter((task) => task.isLeaf);
  const byTask = new Map(data.rollup.tasks.map((x) => [x.taskId, x.unitsCovering]));

  const stateText = (row: Pick<CoverageRow, 'state' | 'daysLate'>) => t(`coverage.states.${row.state}`, { days: row.daysLate ?? 0 });

  return (
    <>
      <Card size="small" title={t('coverage.summary', { levels: data.rollup.levels })} style={{ marginBottom: 12 }}>
        <Row gutter={[12, 12]} data-testid="coverage-rollup">
          <Col xs={12} md={4}><Statistic title={t('coverage.units')} value={data.rollup.units} /></Col>
          <Col xs={12} md={5}><Statistic title={t('coverage.onTime')} value={data.rollup.issuedOnTime} valueStyle={{ color: '#389e0d' }} /></Col>
          <Col xs={12} md={5}><Statistic title={t('coverage.late')} value={data.rollup.issuedLate} valueStyle={{ color: '#d46b08' }} /></Col>
          <Col xs={12} md={5}><Statistic title={t('coverage.overdue')} value={data.rollup.overdue} valueStyle={{ color: '#cf1322' }} /></Col>
          <Col xs={12} md={5}><Statistic title={t('coverage.notIssued')} value={data.rollup.notIssued} /></Col>
        </Row>
        {data.concretizeDueOn && <div className="muted" style={{ marginTop: 8 }}>{t('coverage.due', { date: formatDate(data.concretizeDueOn) })}</div>}
      </Card>
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<Row>
          size="small"
          pagination={false}
          dataSource={withKeys(data.rows, 1, '')}
          scroll={{ x: 'max-content' }}
          data-testid="coverage-matrix"
          rowClassName={(row) => (row.state === 'overdue' ? 'coverage-overdue' : row.state === 'issued_late' ? 'coverage-late' : '')}
          columns={[
            {
              title: t('coverage.unit'), key: 'unit', fixed: 'left',
              render: (_: unknown, row) => <span>{row.unit.name}{!row.required && <span className="muted"> ({t('coverage.notRequired')})</span>}</span>,
            },
            {
              title: t('coverage.state'), key: 'state',
              render: (_: unknown, row) => <span className="coverage-state" data-testid={`coverage-state-${row.unit.id}`}>{stateText(row)}</span>,
            },
            {
              title: t('coverage.plan'), key: 'plan',
              render: (_: unknown, row) => (row.childPlan
                ? <Link to={`/plans/${row.childPlan.id}`}>{row.childPlan.number ?? row.childPlan.title} · {formatDate(row.childPlan.issuedOn)}</Link>
                : '—'),
            },
            { title: t('coverage.covered'), key: 'covered', align: 'right', render: (_: unknown, row) => `${row.coveredCount}/${row.taskCount}` },
            ...leaves.map((task) => ({
              title: (
                <Tooltip title={`${task.title} — ${t('coverage.byTask')}: ${byTask.get(task.id) ?? 0}`}>
                  <span>{task.number}</span>
                </Tooltip>
              ),
              key: `task-${task.id}`,
              align: 'center' as const,
              // Deeper rows answer their own superior's tasks, not this plan's: only level 1 fills these columns.
              render: (_: unknown, row: Row) => {
                if (row.level > 1) return null;
                const cell = row.cells.find((c) => c.taskId === task.id);
                if (!cell?.covered) return <MinusOutlined className="coverage-cell-missing" aria-label="—" />;
                const tip = cell.latestProgress
                  ? t('coverage.taskProgress', { percent: cell.latestProgress.percent, date: formatDate(cell.latestProgress.reportedOn) })
                  : t('coverage.taskCovered');
                return (
                  <Tooltip title={tip}>
                    <span className="coverage-cell-covered">
                      <CheckCircleFilled /> {cell.latestProgress ? `${cell.latestProgress.percent}%` : ''}
                    </span>
                  </Tooltip>
                );
              },
            })),
          ]}
        />
      </Card>
    </>
  );
}
