/** Unit, schedule and period pickers shared by the consolidation screens. */
import { Card, Segmented, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { UnitPicker } from '../../components/units/UnitPicker';
import { REPORTS_NS } from './i18n';
import type { useReportingScope } from './useReportingScope';

export function ScopeBar({ scope, withStructure, extra }: { scope: ReturnType<typeof useReportingScope>; withStructure?: boolean; extra?: React.ReactNode }) {
  const { t } = useTranslation(REPORTS_NS);
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Space wrap>
        <div style={{ minWidth: 280 }}>
          <UnitPicker value={scope.unit} asOf={scope.structure === 'then' && scope.schedule && scope.period ? scope.schedule.periods.find((p) => p.key === scope.period)?.end : undefined}
            onChange={(u) => scope.set({ unit: u })} aria-label={t('consolidation.unit')} />
        </div>
        <Select style={{ minWidth: 300 }} aria-label={t('list.schedule')} value={scope.scheduleId} onChange={(v) => scope.set({ schedule: v, period: undefined })}
          options={(scope.schedules.data ?? []).map((s) => ({ value: s.id, label: s.name }))} data-testid="scope-schedule" />
        <Select style={{ minWidth: 200 }} aria-label={t('list.period')} value={scope.period} onChange={(v) => scope.set({ period: v })}
          options={(scope.schedule?.periods ?? []).map((p) => ({ value: p.key, label: p.label }))} data-testid="scope-period" />
        {withStructure && (
          <Segmented value={scope.structure} onChange={(v) => scope.set({ structure: v as string })} data-testid="structure"
            options={[{ value: 'then', label: t('consolidation.then') }, { value: 'now', label: t('consolidation.now') }]} />
        )}
        {extra}
      </Space>
    </Card>
  );
}
