/** The leaders' dashboard: a unit's figures by unit below and over the periods, and who has reported. */
import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { getConsolidation } from '../../api/reports';
import { PageTitle } from '../../components/PageTitle';
import { errorText } from '../../forms/validation';
import { reportKeys } from './format';
import { REPORTS_NS } from './i18n';
import { ReportingCharts } from './ReportingCharts';
import { ScopeBar } from './ScopeBar';
import { useReportingScope } from './useReportingScope';

export default function DashboardPage() {
  const { t } = useTranslation(REPORTS_NS);
  const scope = useReportingScope();
  const q = scope.period ? { unit: scope.unit, period: scope.period, structure: scope.structure, schedule: scope.scheduleId } : null;
  const data = useQuery({ queryKey: reportKeys.consolidation(q ?? {}), enabled: !!q, queryFn: ({ signal }) => getConsolidation(q!, signal) });
  return (
    <>
      <PageTitle title={t('dashboard.title')} />
      <ScopeBar scope={scope} withStructure />
      {data.isError && <Alert type="error" showIcon message={errorText(data.error)} />}
      {data.data && <ReportingCharts consolidation={data.data} />}
    </>
  );
}
