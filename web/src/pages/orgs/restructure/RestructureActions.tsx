/** The restructuring buttons of a unit (admins of the unit only) and their forms. */
import { BranchesOutlined, DeleteOutlined, EditOutlined, MergeCellsOutlined, PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgUnitDetail } from '../../../api/orgs';
import type { TreeIndex } from '../../../components/units/tree-index';
import { ORGS_NS } from '../i18n';
import type { OrgsView } from '../useOrgsLocation';
import { CreateUnitForm } from './CreateUnitForm';
import { DissolveForm } from './DissolveForm';
import { MergeForm } from './MergeForm';
import { MoveForm } from './MoveForm';
import { RenameForm } from './RenameForm';
import { SplitForm } from './SplitForm';

type Action = 'create' | 'rename' | 'move' | 'merge' | 'split' | 'dissolve';

export default function RestructureActions({ unit, view, index, childCount, onDone }: {
  unit: OrgUnitDetail; view: OrgsView; index: TreeIndex | undefined; childCount: number; onDone(patch: Partial<OrgsView>): void;
}) {
  const { t } = useTranslation(ORGS_NS);
  const [open, setOpen] = useState<Action | null>(null);
  const close = () => setOpen(null);
  const subordinates = index?.children.get(unit.id) ?? [];
  const common = { unit, view, onClose: close, onDone };
  const button = (action: Action, icon: React.ReactNode, danger = false) => (
    <Button size="small" icon={icon} danger={danger} onClick={() => setOpen(action)} data-testid={`action-${action}`}>{t(`actions.${action}`)}</Button>
  );
  return (
    <div style={{ marginTop: 12 }}>
      <div className="muted" style={{ fontSize: 12, marginBottom: 6 }}>{t('actions.title')}</div>
      <Space wrap size={[6, 6]}>
        {button('create', <PlusOutlined />)}
        {button('rename', <EditOutlined />)}
        {button('move', <SwapOutlined />)}
        {button('merge', <MergeCellsOutlined />)}
        {button('split', <BranchesOutlined />)}
        {button('dissolve', <DeleteOutlined />, true)}
      </Space>
      {open === 'create' && <CreateUnitForm {...common} open />}
      {open === 'rename' && <RenameForm {...common} open />}
      {open === 'move' && <MoveForm {...common} open />}
      {open === 'merge' && <MergeForm {...common} open />}
      {open === 'split' && <SplitForm {...common} subordinates={subordinates} open />}
      {open === 'dissolve' && <DissolveForm {...common} childCount={childCount} open />}
    </div>
  );
}
