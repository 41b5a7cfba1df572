/** "Báo cáo cần xem xét": reports my unit receives, awaiting a decision (and those decided). */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reviewInbox } from '../../api/reports';
import { PageTitle } from '../../components/PageTitle';
import { errorText } from '../../forms/validation';
import { reportKeys } from './format';
import { REPORTS_NS } from './i18n';
import { ReportsTable } from './ReportsTable';

export default function ReviewInboxPage() {
  const { t } = useTranslation(REPORTS_NS);
  const [status, setStatus] = useState<'submitted' | 'returned' | 'accepted'>('submitted');
  const inbox = useQuery({ queryKey: reportKeys.inbox(status), queryFn: ({ signal }) => reviewInbox(status, signal) });
  return (
    <>
      <PageTitle title={t('inbox.title')} />
      <Card size="small">
        <Tabs activeKey={status} onChange={(k) => setStatus(k as typeof status)} items={(['submitted', 'returned', 'accepted'] as const).map((k) => ({ key: k, label: t(`inbox.tabs.${k}`) }))} />
        {inbox.isError && <Alert type="error" showIcon message={errorText(inbox.error)} />}
        <div data-testid="inbox"><ReportsTable rows={inbox.data ?? []} loading={inbox.isFetching} showSchedule /></div>
      </Card>
    </>
  );
}
