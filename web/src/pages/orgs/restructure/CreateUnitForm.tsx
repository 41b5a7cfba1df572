/** "Thêm đơn vị trực thuộc": a new unit under this one, from a date (POST /org-units). */
import { Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { createUnitBody } from '../../../../../src/modules/orgs/orgs.contract';
import { createUnit, type OrgUnitDetail } from '../../../api/orgs';
import { UnitPicker } from '../../../components/units/UnitPicker';
import { zodRule } from '../../../forms/validation';
import { toDayjs, toIso } from '../../../lib/dates';
import { ORGS_NS } from '../i18n';
import type { OrgsView } from '../useOrgsLocation';
import { DateField, KindField, optional, useEffectiveDay } from './fields';
import { RestructureModal } from './RestructureModal';

interface Values {
  code: string;
  name: string;
  shortName?: string;
  kind: string;
  stateParentId?: number;
  validFrom: Dayjs;
}

function StateParentField({ fallback }: { fallback: string }) {
  const { t } = useTranslation(ORGS_NS);
  const day = useEffectiveDay(fallback, 'validFrom');
  return (
    <Form.Item name="stateParentId" label={t('form.stateParent')}>
      <UnitPicker hierarchy="state" asOf={day} />
    </Form.Item>
  );
}

export function CreateUnitForm({ unit, view, open, onClose, onDone }: {
  unit: OrgUnitDetail; view: OrgsView; open: boolean; onClose(): void; onDone(patch: Partial<OrgsView>): void;
}) {
  const { t } = useTranslation(ORGS_NS);
  const [form] = Form.useForm<Values>();
  return (
    <RestructureModal<Values, typeof createUnitBody>
      open={open}
      title={`${t('actions.create')}: ${unit.name}`}
      form={form}
      initialValues={{ validFrom: toDayjs(view.asOf)! }}
      onClose={onClose}
      onDone={onDone}
      unitAfter={(result) => ('id' in result ? result.id : null)}
      submission={(v) => ({
        schema: createUnitBody,
        body: {
          code: v.code, name: v.name, shortName: optional(v.shortName), kind: v.kind, parentId: unit.id,
          hierarchy: view.hierarchy, stateParentId: v.stateParentId, validFrom: toIso(v.validFrom),
        },
        send: createUnit,
        effectiveDate: toIso(v.validFrom),
      })}
    >
      <Form.Item name="name" label={t('form.name')} rules={[zodRule(createUnitBody.shape.name)]}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="shortName" label={t('form.shortName')} rules={[zodRule(createUnitBody.shape.shortName)]}>
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="code" label={t('form.code')} extra={t('form.codeHint')} rules={[zodRule(createUnitBody.shape.code)]}>
        <Input maxLength={64} className="mono" />
      </Form.Item>
      <KindField name="kind" />
      {view.hierarchy === 'party' && <StateParentField fallback={view.asOf} />}
      <DateField name="validFrom" label={t('form.validFrom')} />
    </RestructureModal>
  );
}
