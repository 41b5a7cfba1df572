/**
 * "Báo cáo định kỳ": the schedules that concern my unit, their periods and deadlines; open my
 * unit's report for a period; the reports I may see in that period.
 */
import { FileAddOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Select, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { listReports, listSchedules, openReport, reportingUnits } from '../../api/reports';
import { useCurrentUser } from '../../auth/session';
import { PageTitle } from '../../components/PageTitle';
import { UnitName } from '../../components/units/UnitName';
import { errorText } from '../../forms/validation';
import { formatDate } from '../../lib/dates';
import { reportKeys } from './format';
import { REPORTS_NS } from './i18n';
import { ReportsTable } from './ReportsTable';

export default function ReportsPage() {
  const { t } = useTranslation(REPORTS_NS);
  const { message } = App.useApp();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const fillUnits = useMemo(() => [...new Set(me.grants.filter((g) => g.role === 'reporter' || g.role === 'coordinator').map((g) => g.unitId))], [me]);
  const schedules = useQuery({ queryKey: reportKeys.schedules({ unit: me.unitId }), queryFn: ({ signal }) => listSchedules({ unit: fillUnits[0] ?? me.unitId }, signal) });
  const [params] = useSearchParams();
  const [scheduleId, setScheduleId] = useState<number | undefined>(Number(params.get('schedule')) || undefined);
  const [period, setPeriod] = useState<string | undefined>(params.get('period') ?? undefined);
  const schedule = schedules.data?.find((s) => s.id === scheduleId);
  useEffect(() => {
    if (!scheduleId && schedules.data?.length) setScheduleId(schedules.data[0].id);
  }, [schedules.data, scheduleId]);
  useEffect(() => {
    if (schedule && (!period || !schedule.periods.some((p) => p.key === period))) setPeriod(schedule.periods.at(-1)?.key);
  }, [schedule, period]);
  const reports = useQuery({
    queryKey: reportKeys.list({ scheduleId, period }), enabled: !!scheduleId && !!period,
    queryFn: ({ signal }) => listReports({ schedule: scheduleId, period }, signal),
  });
  // The units I may report for in this period: mine that the schedule asks, and the schedule's own
  // unit when I work in the department that receives for it (its consolidated report).
  const structure = useQuery({ queryKey: ['reports', 'units', scheduleId, period], enabled: !!scheduleId && !!period, queryFn: () => reportingUnits(scheduleId!, period!) });
  const reviewUnits = new Set(me.grants.filter((g) => g.role === 'leader' || g.role === 'coordinator').map((g) => g.unitId));
  const mine = [
    ...fillUnits.filter((u) => structure.data?.some((s) => s.unitId === u)),
    ...(schedule && (fillUnits.includes(schedule.unitId) || (schedule.recipientUnitId !== null && reviewUnits.has(schedule.recipientUnitId))) ? [schedule.unitId] : []),
  ];
  const open = useMutation({
    mutationFn: (unitId: number) => openReport({ scheduleId: scheduleId!, period: period!, unitId }),
    onSuccess: (r) => navigate(`/reports/${r.id}`),
    onError: (error) => message.error(errorText(error)),
  });
  const current = schedule?.periods.find((p) => p.key === period);

  return (
    <>
      <PageTitle title={t('list.title')} />
      {schedules.isError && <Alert type="error" showIcon message={errorText(schedules.error)} />}
      {schedules.data?.length === 0 && <Empty description={t('list.noSchedules')} />}
      {schedule && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Card size="small">
            <Space wrap>
              <Select style={{ minWidth: 320 }} aria-label={t('list.schedule')} value={scheduleId} onChange={setScheduleId} data-testid="schedule"
                options={schedules.data!.map((s) => ({ value: s.id, label: s.name }))} />
              <Select style={{ minWidth: 200 }} aria-label={t('list.period')} value={period} onChange={setPeriod} data-testid="period"
                options={schedule.periods.map((p) => ({ value: p.key, label: p.label }))} />
              {current && <span className="muted">{t('list.due', { date: formatDate(current.dueDate) })}</span>}
            </Space>
          </Card>
          {mine.length > 0 && (
            <Card size="small" title={t('list.mine')}>
              <Space wrap>
                {[...new Set(mine)].map((unitId) => (
                  <Button key={unitId} icon={<FileAddOutlined />} onClick={() => open.mutate(unitId)} loading={open.isPending} data-testid={`open-${unitId}`}>
                    {t('list.open', { unit: '' })}<UnitName unitId={unitId} />
                  </Button>
                ))}
              </Space>
            </Card>
          )}
          <Card size="small" title={t('list.visible')}>
            <ReportsTable rows={reports.data ?? []} loading={reports.isFetching} />
          </Card>
        </Space>
      )}
    </>
  );
}
