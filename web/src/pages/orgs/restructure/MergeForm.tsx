/**
 * "Sáp nhập / hợp nhất": this unit (and others) cease and go into an existing unit or a new
 * one; their subordinate units follow (POST /org-merges).
 */
import { Form, Input, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { mergeBody } from '../../../../../src/modules/orgs/orgs.contract';
import { mergeUnits, type OrgUnitDetail } from '../../../api/orgs';
import { UnitPicker } from '../../../components/units/UnitPicker';
import { toDayjs, toIso } from '../../../lib/dates';
import { ORGS_NS } from '../i18n';
import type { OrgsView } from '../useOrgsLocation';
import { DateField, KindField, NoteField, optional, useEffectiveDay } from './fields';
import { RestructureModal } from './RestructureModal';

interface Values {
  sourceIds?: number[];
  mode: 'existing' | 'new';
  into: { unitId?: number; newUnit?: { code: string; name: string; shortName?: string; kind: string; parentId?: number } };
  effectiveDate: Dayjs;
  note?: string;
}

function MergeFields({ unit, view }: { unit: OrgUnitDetail; view: OrgsView }) {
  const { t } = useTranslation(ORGS_NS);
  const day = useEffectiveDay(view.asOf);
  const mode = Form.useWatch<Values['mode']>('mode');
  return (
    <>
      <DateField name="effectiveDate" label={t('form.effectiveDate')} />
      <Form.Item name="sourceIds" label={t('form.sources')} extra={t('form.sourcesHint')}>
        <UnitPicker multiple hierarchy="party" asOf={day} exclude={[unit.id]} />
      </Form.Item>
      <Form.Item name="mode" label={t('form.intoMode')}>
        <Radio.Group options={[{ value: 'existing', label: t('form.intoExisting') }, { value: 'new', label: t('form.intoNew') }]} />
      </Form.Item>
      {mode === 'existing' ? (
        <Form.Item name={['into', 'unitId']} label={t('form.target')} rules={[{ required: true, message: t('form.target') }]}>
          <UnitPicker hierarchy="party" asOf={day} exclude={[unit.id]} />
        </Form.Item>
      ) : (
        <>
          <Form.Item name={['into', 'newUnit', 'name']} label={t('form.name')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name={['into', 'newUnit', 'shortName']} label={t('form.shortName')}>
            <Input maxLength={120} />
          </Form.Item>
          <Form.Item name={['into', 'newUnit', 'code']} label={t('form.code')} extra={t('form.codeHint')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={64} className="mono" />
          </Form.Item>
          <KindField name={['into', 'newUnit', 'kind']} />
          <Form.Item name={['into', 'newUnit', 'parentId']} label={t('form.parent')}>
            <UnitPicker hierarchy="party" asOf={day} exclude={[unit.id]} />
          </Form.Item>
        </>
      )}
      <NoteField />
    </>
  );
}

export function MergeForm({ unit, view, open, onClose, onDone }: {
  unit: OrgUnitDetail; view: OrgsView; open: boolean; onClose(): void; onDone(patch: Partial<OrgsView>): void;
}) {
  const { t } = useTranslation(ORGS_NS);
  const [form] = Form.useForm<Values>();
  const parentId = unit.parents.find((p) => p.hierarchy === 'party')?.parentId ?? undefined;
  return (
    <RestructureModal<Values, typeof mergeBody>
      open={open}
      title={`${t('actions.merge')}: ${unit.name}`}
      form={form}
      initialValues={{ mode: 'existing', effectiveDate: toDayjs(view.asOf)!, into: { newUnit: { parentId, code: '', name: '', kind: unit.kind } } }}
      onClose={onClose}
      onDone={onDone}
      unitAfter={(result) => ('created' in result ? result.created[0]?.id ?? form.getFieldValue(['into', 'unitId']) ?? null : null)}
      submission={(v) => {
        const nu = v.into.newUnit;
        return {
          schema: mergeBody,
          body: {
            sourceIds: [unit.id, ...(v.sourceIds ?? [])],
            into: v.mode === 'existing'
              ? { unitId: v.into.unitId }
              : { newUnit: { code: nu?.code, name: nu?.name, shortName: optional(nu?.shortName), kind: nu?.kind, parentId: nu?.parentId } },
            effectiveDate: toIso(v.effectiveDate),
            note: optional(v.note),
          },
          send: mergeUnits,
          effectiveDate: toIso(v.effectiveDate),
        };
      }}
    >
      <MergeFields unit={unit} view={view} />
    </RestructureModal>
  );
}
