/**
 * "Cơ cấu tổ chức": choose a hierarchy and a date, browse or search the tree as it stood
 * then, and read a unit's details beside it (below it in a drawer on phones).
 */
import { SearchOutlined } from '@ant-design/icons';
import { Alert, Card, Col, DatePicker, Drawer, Empty, Grid, Input, Row, Segmented, Skeleton, Space } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';
import { useHierarchies, useLocalizedName, useOrgTree } from '../../components/units/useOrgData';
import { errorText } from '../../forms/validation';
import { DATE_FORMAT, toDayjs, toIso, todayVn } from '../../lib/dates';
import dayjs from 'dayjs';
import { ORGS_NS } from './i18n';
import { OrgTreePanel } from './OrgTreePanel';
import { UnitDetailPanel, type DetailTab } from './UnitDetailPanel';
import { useOrgsLocation } from './useOrgsLocation';
import './orgs.css';

export default function OrgsPage() {
  const { t } = useTranslation(ORGS_NS);
  const { t: tc } = useTranslation();
  const view = useOrgsLocation();
  const screens = Grid.useBreakpoint();
  const wide = !!screens.lg;
  const hierarchies = useHierarchies();
  const localized = useLocalizedName();
  const tree = useOrgTree(view.hierarchy, view.asOf);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [tab, setTab] = useState<DetailTab>('children');

  // On desktop the detail pane is never empty: without a choice it shows the first top unit.
  const shownId = view.unitId ?? (wide ? tree.index?.children.get(null)?.[0]?.id ?? null : null);
  const detail = shownId !== null
    ? <UnitDetailPanel unitId={shownId} view={view} index={tree.index} onNavigate={view.update} tab={tab} onTab={setTab} />
    : <Card><Empty description={t('pickUnit')} /></Card>;

  return (
    <>
      <PageTitle title={t('title')} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <div className="orgs-toolbar">
          <label className="orgs-field">
            <span className="orgs-label">{t('hierarchy')}</span>
            <Segmented
              value={view.hierarchy}
              onChange={(h) => view.update({ hierarchy: String(h), unitId: null })}
              options={(hierarchies.data ?? []).map((h) => ({ value: h.code, label: localized(h, h.code) }))}
            />
          </label>
          <label className="orgs-field">
            <span className="orgs-label" title={t('asOfHint')}>{t('asOf')}</span>
            <Space.Compact>
              <DatePicker
                value={toDayjs(view.asOf)}
                format={DATE_FORMAT}
                allowClear={false}
                onChange={(d) => d && view.update({ asOf: toIso(d) })}
                aria-label={t('asOf')}
                data-testid="as-of"
                disabledDate={(d) => d.isAfter(dayjs().add(5, 'year'))}
                presets={[{ label: tc('actions.today'), value: toDayjs(todayVn())! }]}
                style={{ width: 140 }}
              />
            </Space.Compact>
          </label>
          <label className="orgs-field orgs-search">
            <span className="sr-only">{t('search')}</span>
            <Input
              allowClear
              prefix={<SearchOutlined className="muted" />}
              placeholder={t('search')}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              aria-label={t('search')}
              data-testid="org-search"
            />
          </label>
        </div>
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={10} xxl={9}>
          <Card size="small" styles={{ body: { padding: 8 } }}>
            {tree.isError && <Alert type="error" showIcon message={errorText(tree.error)} />}
            {tree.isPending && <Skeleton active paragraph={{ rows: 10 }} />}
            {tree.index && (
              <OrgTreePanel
                index={tree.index}
                query={deferredQuery}
                selectedId={shownId}
                onSelect={(unitId) => view.update({ unitId })}
                compact={!wide}
              />
            )}
          </Card>
        </Col>
        {wide && <Col lg={14} xxl={15}>{detail}</Col>}
      </Row>
      {!wide && (
        <Drawer
          open={view.unitId !== null}
          onClose={() => view.update({ unitId: null })}
          width="100%"
          title={t('backToTree')}
          styles={{ body: { padding: 8, background: '#f3f4f6' } }}
          destroyOnHidden
        >
          {view.unitId !== null && detail}
        </Drawer>
      )}
    </>
  );
}
