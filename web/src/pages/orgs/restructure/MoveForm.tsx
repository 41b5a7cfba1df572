/** "Điều chuyển": the unit goes under another parent from a date (its subtree follows). */
import { Form } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { moveBody } from '../../../../../src/modules/orgs/orgs.contract';
import { moveUnit, type OrgUnitDetail } from '../../../api/orgs';
import { UnitPicker } from '../../../components/units/UnitPicker';
import { zodRule } from '../../../forms/validation';
import { toDayjs, toIso } from '../../../lib/dates';
import { ORGS_NS } from '../i18n';
import type { OrgsView } from '../useOrgsLocation';
import { DateField, NoteField, optional, useEffectiveDay } from './fields';
import { RestructureModal } from './RestructureModal';

interface Values {
  parentId: number;
  effectiveDate: Dayjs;
  note?: string;
}

function ParentField({ unit, view }: { unit: OrgUnitDetail; view: OrgsView }) {
  const { t } = useTranslation(ORGS_NS);
  const day = useEffectiveDay(view.asOf);
  return (
    <Form.Item name="parentId" label={t('form.newParent')} rules={[zodRule(moveBody.shape.parentId)]}>
      <UnitPicker hierarchy={view.hierarchy} asOf={day} exclude={[unit.id]} />
    </Form.Item>
  );
}

export function MoveForm({ unit, view, open, onClose, onDone }: {
  unit: OrgUnitDetail; view: OrgsView; open: boolean; onClose(): void; onDone(patch: Partial<OrgsView>): void;
}) {
  const { t } = useTranslation(ORGS_NS);
  const [form] = Form.useForm<Values>();
  return (
    <RestructureModal<Values, typeof moveBody>
      open={open}
      title={`${t('actions.move')}: ${unit.name}`}
      form={form}
      initialValues={{ effectiveDate: toDayjs(view.asOf)! }}
      onClose={onClose}
      onDone={onDone}
      unitAfter={() => unit.id}
      submission={(v) => ({
        schema: moveBody,
        body: { hierarchy: view.hierarchy, parentId: v.parentId, effectiveDate: toIso(v.effectiveDate), note: optional(v.note) },
        send: (body) => moveUnit(unit.id, body),
        effectiveDate: toIso(v.effectiveDate),
      })}
    >
      <DateField name="effectiveDate" label={t('form.effectiveDate')} />
      <ParentField unit={unit} view={view} />
      <NoteField />
    </RestructureModal>
  );
}
