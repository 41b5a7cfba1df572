/** "Lịch sử tên gọi" and "Quá trình trực thuộc": every name and every parent, with dates. */
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrgUnitDetail } from '../../api/orgs';
import { useHierarchies, useKindLookup, useLocalizedName } from '../../components/units/useOrgData';
import { dayBefore, formatDate } from '../../lib/dates';
import { ORGS_NS } from './i18n';
import { UnitLink } from './UnitLink';

export function UnitHistory({ unit }: { unit: OrgUnitDetail }) {
  const { t } = useTranslation(ORGS_NS);
  const kinds = useKindLookup();
  const hierarchies = useHierarchies();
  const localized = useLocalizedName();
  const hierarchyName = (code: string) => localized(hierarchies.data?.find((h) => h.code === code), code);
  const until = (to: string | null) => (to ? formatDate(dayBefore(to)) : <span className="muted">{t('history.now')}</span>);

  return (
    <>
      <h3 className="section-title">{t('history.names')}</h3>
      <div data-testid="name-history">
      <Table
        size="small"
        rowKey={(v) => v.validFrom}
        dataSource={[...unit.versions].reverse()}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('history.name'), dataIndex: 'name', render: (name: string, v) => <>{name}{v.shortName ? <span className="muted"> ({v.shortName})</span> : null}</> },
          { title: t('detail.kind'), dataIndex: 'kind', render: (k: string) => kinds.label(k) },
          { title: t('history.from'), dataIndex: 'validFrom', render: formatDate },
          { title: t('history.to'), dataIndex: 'validTo', render: until },
        ]}
      />
      </div>
      <h3 className="section-title">{t('history.links')}</h3>
      <Table
        size="small"
        rowKey={(l) => `${l.hierarchy}:${l.validFrom}:${l.parentId}`}
        dataSource={[...unit.links].sort((a, b) => b.validFrom.localeCompare(a.validFrom))}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('history.parent'), key: 'parent',
            render: (_: unknown, l) => (l.parentId === null
              ? <span className="muted">{t('detail.root')}</span>
              : <UnitLink unitId={l.parentId} asOf={l.validFrom} hierarchy={l.hierarchy}>{l.parentName ?? `#${l.parentId}`}</UnitLink>),
          },
          { title: t('history.hierarchy'), dataIndex: 'hierarchy', render: hierarchyName },
          { title: t('history.from'), dataIndex: 'validFrom', render: formatDate },
          { title: t('history.to'), dataIndex: 'validTo', render: until },
        ]}
      />
    </>
  );
}
