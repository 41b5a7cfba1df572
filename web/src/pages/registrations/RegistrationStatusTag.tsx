import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Registration } from '../../api/registrations';
import { REGISTRATIONS_NS } from './i18n';

const COLORS: Record<Registration['status'], string> = {
  draft: 'default', submitted: 'gold', returned: 'volcano', in_progress: 'blue', resolution_submitted: 'purple', resolved: 'green',
};

export function RegistrationStatusTag({ status, overdue }: { status: Registration['status']; overdue: boolean }) {
  const { t } = useTranslation(REGISTRATIONS_NS);
  return (
    <Space size={4} wrap>
      <Tag color={COLORS[status]} data-testid="registration-status">{t(`statuses.${status}`)}</Tag>
      {overdue && <Tag color="red">{t('overdue')}</Tag>}
    </Space>
  );
}
