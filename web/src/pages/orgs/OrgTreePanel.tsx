/**
 * The tree of one hierarchy as of a date: virtual (only the visible rows are rendered, so
 * thousands of units stay fast), filtered by a diacritic-insensitive search that keeps each
 * match's ancestors and highlights the matched words.
 */
import { Empty, Tree, type TreeDataNode } from 'antd';
import { useEffect, useMemo, useRef, useState, type Key } from 'react';
import { useTranslation } from 'react-i18next';
import { Highlighted } from '../../components/units/Highlighted';
import { ancestorsOf, queryWords, searchTree, type TreeIndex } from '../../components/units/tree-index';
import { useAvailableHeight } from '../../components/useAvailableHeight';
import { ORGS_NS } from './i18n';

interface Props {
  index: TreeIndex;
  query: string;
  selectedId: number | null;
  onSelect(unitId: number): void;
  /** Where the tree's height comes from: fill the window on desktop, a fixed share on phones. */
  compact: boolean;
}

function toTreeData(index: TreeIndex, parent: number | null, visible: Set<number> | null): TreeDataNode[] {
  const out: TreeDataNode[] = [];
  for (const unit of index.children.get(parent) ?? []) {
    if (visible && !visible.has(unit.id)) continue;
    const children = toTreeData(index, unit.id, visible);
    out.push({ key: unit.id, title: unit.name, children, isLeaf: children.length === 0 });
  }
  return out;
}

export function OrgTreePanel({ index, query, selectedId, onSelect, compact }: Props) {
  const { t } = useTranslation(ORGS_NS);
  const wrapper = useRef<HTMLDivElement>(null);
  const treeRef = useRef<{ scrollTo: (config: { key: Key; align?: 'top' | 'bottom' | 'auto' }) => void } | null>(null);
  const height = useAvailableHeight(wrapper, compact ? { min: 280, bottom: 16, max: 520 } : { min: 360, bottom: 40 });
  const search = useMemo(() => searchTree(index, query), [index, query]);
  const words = useMemo(() => queryWords(query), [query]);
  const treeData = useMemo(() => toTreeData(index, null, search?.visible ?? null), [index, search]);

  const [expanded, setExpanded] = useState<Key[]>([]);
  const [searchExpanded, setSearchExpanded] = useState<Key[]>([]);

  // New tree (another date or hierarchy): keep what was open, and always open the roots.
  useEffect(() => {
    const roots = (index.children.get(null) ?? []).map((u) => u.id);
    setExpanded((prev) => [...new Set([...prev, ...roots])]);
  }, [index]);

  useEffect(() => {
    setSearchExpanded(search ? [...search.expand] : []);
  }, [search]);

  // A unit chosen from elsewhere (a link, a search result): open its ancestors and bring it into view.
  useEffect(() => {
    if (selectedId === null || !index.byId.has(selectedId)) return;
    const path = ancestorsOf(index, selectedId);
    setExpanded((prev) => {
      const missing = path.filter((id) => !prev.includes(id));
      return missing.length ? [...prev, ...missing] : prev;
    });
    const frame = requestAnimationFrame(() => treeRef.current?.scrollTo({ key: selectedId, align: 'auto' }));
    return () => cancelAnimationFrame(frame);
  }, [selectedId, index]);

  if (index.size === 0) return <Empty description={t('emptyTree')} />;

  return (
    <div ref={wrapper}>
      <div className="muted" style={{ fontSize: 12, marginBottom: 6 }} aria-live="polite" data-testid="tree-summary">
        {search
          ? (search.matches.size ? t('results', { count: search.matches.size }) : t('noResults'))
          : t('unitsCount', { count: index.size })}
      </div>
      {treeData.length > 0 && (
        <Tree
          ref={treeRef as never}
          treeData={treeData}
          virtual
          height={height}
          blockNode
          className="org-tree"
          showLine={{ showLeafIcon: false }}
          expandedKeys={search ? searchExpanded : expanded}
          onExpand={(keys) => (search ? setSearchExpanded(keys) : setExpanded(keys))}
          selectedKeys={selectedId === null ? [] : [selectedId]}
          onSelect={(_keys, info) => onSelect(Number(info.node.key))}
          titleRender={(node) => {
            const unit = index.byId.get(Number(node.key));
            if (!unit) return null;
            return (
              <span data-unit-code={unit.code} title={unit.code} className={search && !search.matches.has(unit.id) ? 'muted' : undefined}>
                <Highlighted text={unit.name} words={search ? words : []} />
              </span>
            );
          }}
          aria-label={t('title')}
        />
      )}
    </div>
  );
}
