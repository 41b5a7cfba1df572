/**
 * "Cụ thể hóa": one of my units drafts its own plan from this one in one action — the tasks I keep
 * ticked are copied as a starting point, each linked to the task it serves — then edits it.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Modal, Select, Tree } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { concretize, type Plan } from '../../api/plans';
import { errorText } from '../../forms/validation';
import { PLANS_NS } from './i18n';

interface Node { key: number; title: string; children?: Node[] }

export function ConcretizeModal({ plan, onClose }: { plan: Plan; onClose(): void }) {
  const { t } = useTranslation(PLANS_NS);
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [unitId, setUnitId] = useState<number>(plan.can.concretizeAs[0].id);
  const allIds = useMemo(() => plan.tasks.map((task) => task.id), [plan.tasks]);
  const [checked, setChecked] = useState<number[]>(allIds);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const treeData = useMemo(() => {
    const build = (parentId: number | null): Node[] => plan.tasks.filter((task) => task.parentId === parentId).map((task) => {
      const children = build(task.id);
      return { key: task.id, title: `${task.number}. ${task.title}`, children: children.length ? children : undefined };
    });
    return build(null);
  }, [plan.tasks]);

  const submit = async () => {
    setError(null);
    setBusy(true);
    try {
      const chosen = checked.length === allIds.length ? undefined : checked;
      const child = await concretize(plan.id, { unitId, taskIds: chosen });
      await queryClient.invalidateQueries({ queryKey: ['plans'] });
      onClose();
      navigate(`/plans/${child.id}/edit`);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('concretize.title')} onCancel={onClose} onOk={() => void submit()} okText={tc('actions.create')}
      cancelText={tc('actions.cancel')} confirmLoading={busy} width={720} destroyOnHidden>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
      <Alert type="info" showIcon message={t('concretize.hint')} style={{ marginBottom: 12 }} />
      <Form layout="vertical" data-testid="concretize-form">
        <Form.Item label={t('concretize.unit')}>
          <Select value={unitId} onChange={setUnitId} options={plan.can.concretizeAs.map((u) => ({ value: u.id, label: u.name }))} data-testid="concretize-unit" />
        </Form.Item>
        <Form.Item label={t('concretize.tasks')}>
          <Tree<Node>
            checkable defaultExpandAll treeData={treeData} checkedKeys={checked} selectable={false}
            onCheck={(keys) => setChecked((Array.isArray(keys) ? keys : keys.checked).map(Number))}
            style={{ maxHeight: 360, overflow: 'auto' }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
