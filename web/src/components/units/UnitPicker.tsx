/**
 * Choose one or several units of a hierarchy as it stood on a date. Typing filters without
 * diacritics ("le chan" finds "Lê Chân"). Reuse it in any form that takes a unit id.
 */
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { todayVn } from '../../lib/dates';
import { queryWords, type TreeIndex } from './tree-index';
import { useOrgTree } from './useOrgData';

interface PickerNode {
  value: number;
  title: string;
  searchText: string;
  disabled?: boolean;
  children?: PickerNode[];
}

function toPickerNodes(index: TreeIndex, parent: number | null, exclude: ReadonlySet<number>): PickerNode[] {
  return (index.children.get(parent) ?? []).map((unit) => {
    const children = toPickerNodes(index, unit.id, exclude);
    return {
      value: unit.id,
      title: unit.name,
      searchText: index.folded.get(unit.id) ?? '',
      disabled: exclude.has(unit.id),
      children: children.length ? children : undefined,
    };
  });
}

type SingleProps = { multiple?: false; value?: number | null; onChange?: (value: number | undefined) => void };
type MultipleProps = { multiple: true; value?: number[]; onChange?: (value: number[]) => void };

export type UnitPickerProps = (SingleProps | MultipleProps) & {
  hierarchy?: string;
  /** The tree as of this day (default today). */
  asOf?: string;
  /** Units that cannot be chosen (e.g. the unit itself when choosing its new parent). */
  exclude?: readonly number[];
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  id?: string;
  'aria-label'?: string;
};

export function UnitPicker(props: UnitPickerProps) {
  const { hierarchy = 'party', asOf = todayVn(), exclude, placeholder, allowClear = true, disabled, id } = props;
  const { t } = useTranslation();
  const tree = useOrgTree(hierarchy, asOf);
  const excludeKey = (exclude ?? []).join(',');
  const treeData = useMemo(
    () => (tree.index ? toPickerNodes(tree.index, null, new Set(excludeKey ? excludeKey.split(',').map(Number) : [])) : []),
    [tree.index, excludeKey],
  );
  const roots = useMemo(() => (tree.index?.children.get(null) ?? []).map((u) => u.id), [tree.index]);

  return (
    <TreeSelect<number | number[]>
      id={id}
      aria-label={props['aria-label']}
      showSearch
      allowClear={allowClear}
      disabled={disabled}
      loading={tree.isPending}
      multiple={props.multiple}
      treeCheckable={false}
      value={props.value ?? undefined}
      onChange={(value) => {
        if (props.multiple) props.onChange?.((value as number[] | undefined) ?? []);
        else props.onChange?.(value as number | undefined);
      }}
      treeData={treeData}
      treeDefaultExpandedKeys={roots}
      placeholder={placeholder ?? t('fields.unitPlaceholder')}
      filterTreeNode={(input, node) => {
        const words = queryWords(input);
        const text = (node as unknown as PickerNode).searchText;
        return words.every((w) => text.includes(w));
      }}
      listHeight={320}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
      styles={{ popup: { root: { maxWidth: 'calc(100vw - 24px)' } } }}
      treeLine
    />
  );
}
