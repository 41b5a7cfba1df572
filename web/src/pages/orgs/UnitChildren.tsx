/** "Đơn vị trực thuộc": the direct subordinates on the chosen date, in display order. */
import { Button, Empty, List, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '../../api/orgs';
import { useKindLookup } from '../../components/units/useOrgData';
import { ORGS_NS } from './i18n';

const PAGE = 150;

export function UnitChildren({ units, onOpen }: { units: readonly OrgUnit[]; onOpen(unitId: number): void }) {
  const { t } = useTranslation(ORGS_NS);
  const kinds = useKindLookup();
  const [shown, setShown] = useState(PAGE);
  if (units.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('children.none')} />;
  return (
    <>
      <List
        size="small"
        data-testid="children"
        dataSource={units.slice(0, shown)}
        renderItem={(unit) => (
          <List.Item style={{ paddingInline: 0, gap: 8 }}>
            <Button type="link" size="small" onClick={() => onOpen(unit.id)} data-unit-code={unit.code} style={{ paddingInline: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}>
              {unit.name}
            </Button>
            <Tag style={{ marginInlineEnd: 0, flexShrink: 0 }}>{kinds.label(unit.kind)}</Tag>
          </List.Item>
        )}
      />
      {units.length > shown && (
        <Button block onClick={() => setShown((n) => n + PAGE)}>{t('children.more', { count: units.length - shown })}</Button>
      )}
    </>
  );
}
