/** Inputs shared by the restructuring forms. */
import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { kindCode } from '../../../../../src/modules/orgs/orgs.contract';
import { useKinds, useLocalizedName } from '../../../components/units/useOrgData';
import { zodRule } from '../../../forms/validation';
import { DATE_FORMAT, toIso } from '../../../lib/dates';
import { ORGS_NS } from '../i18n';

export function KindSelect(props: { value?: string; onChange?: (v: string) => void; id?: string; allowClear?: boolean }) {
  const kinds = useKinds();
  const name = useLocalizedName();
  return (
    <Select
      {...props}
      showSearch
      optionFilterProp="label"
      loading={kinds.isPending}
      options={(kinds.data ?? []).map((k) => ({ value: k.code, label: name(k, k.code) }))}
    />
  );
}

/** A required date field checked with the contract's isoDate. */
export function DateField({ name, label }: { name: string | Array<string | number>; label: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name={name}
      label={label}
      rules={[{ required: true, message: t('fields.required') }]}
    >
      <DatePicker format={DATE_FORMAT} placeholder={t('fields.datePlaceholder')} style={{ width: 160 }} />
    </Form.Item>
  );
}

export function NoteField() {
  const { t } = useTranslation(ORGS_NS);
  return (
    <Form.Item name="note" label={t('form.note')}>
      <Input.TextArea rows={2} maxLength={2000} placeholder={t('form.notePlaceholder')} />
    </Form.Item>
  );
}

export function KindField({ name, required = true }: { name: string | Array<string | number>; required?: boolean }) {
  const { t } = useTranslation(ORGS_NS);
  return (
    <Form.Item name={name} label={t('form.kind')} rules={required ? [zodRule(kindCode)] : []}>
      <KindSelect allowClear={!required} />
    </Form.Item>
  );
}

/** The view date, unless a form field holds another: pickers show the tree as of the change. */
export function useEffectiveDay(fallback: string, name: string = 'effectiveDate'): string {
  const value = Form.useWatch<Dayjs | null | undefined>(name);
  return toIso(value ?? null) ?? fallback;
}

/** Optional text: '' from an empty input is sent as absent. */
export function optional(value: string | undefined | null): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
