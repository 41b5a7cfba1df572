/** "Giải thể": the unit ceases from a date, optionally naming a successor and where its subordinates go. */
import { Alert, Form } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { dissolveBody } from '../../../../../src/modules/orgs/orgs.contract';
import { dissolveUnit, type OrgUnitDetail } from '../../../api/orgs';
import { UnitPicker } from '../../../components/units/UnitPicker';
import { toDayjs, toIso } from '../../../lib/dates';
import { ORGS_NS } from '../i18n';
import type { OrgsView } from '../useOrgsLocation';
import { DateField, NoteField, optional, useEffectiveDay } from './fields';
import { RestructureModal } from './RestructureModal';

interface Values {
  successorId?: number;
  childrenTo?: number;
  effectiveDate: Dayjs;
  note?: string;
}

function DissolveFields({ unit, view, childCount }: { unit: OrgUnitDetail; view: OrgsView; childCount: number }) {
  const { t } = useTranslation(ORGS_NS);
  const day = useEffectiveDay(view.asOf);
  return (
    <>
      <Alert type="warning" showIcon message={t('form.dissolveWarning')} style={{ marginBottom: 12 }} />
      <DateField name="effectiveDate" label={t('form.effectiveDate')} />
      <Form.Item name="successorId" label={t('form.successor')}>
        <UnitPicker hierarchy="party" asOf={day} exclude={[unit.id]} />
      </Form.Item>
      <Form.Item
        name="childrenTo"
        label={t('form.childrenTo')}
        extra={childCount > 0 ? t('form.childrenCount', { count: childCount }) : undefined}
        rules={childCount > 0 ? [{ required: true, message: t('form.childrenCount', { count: childCount }) }] : []}
      >
        <UnitPicker hierarchy="party" asOf={day} exclude={[unit.id]} />
      </Form.Item>
      <NoteField />
    </>
  );
}

export function DissolveForm({ unit, view, childCount, open, onClose, onDone }: {
  unit: OrgUnitDetail; view: OrgsView; childCount: number; open: boolean; onClose(): void; onDone(patch: Partial<OrgsView>): void;
}) {
  const { t } = useTranslation(ORGS_NS);
  const [form] = Form.useForm<Values>();
  return (
    <RestructureModal<Values, typeof dissolveBody>
      open={open}
      title={`${t('actions.dissolve')}: ${unit.name}`}
      form={form}
      initialValues={{ effectiveDate: toDayjs(view.asOf)! }}
      onClose={onClose}
      onDone={onDone}
      unitAfter={() => unit.id}
      submission={(v) => ({
        schema: dissolveBody,
        body: { successorId: v.successorId, childrenTo: v.childrenTo, effectiveDate: toIso(v.effectiveDate), note: optional(v.note) },
        send: (body) => dissolveUnit(unit.id, body),
        effectiveDate: toIso(v.effectiveDate),
      })}
    >
      <DissolveFields unit={unit} view={view} childCount={childCount} />
    </RestructureModal>
  );
}
