/**
 * A hierarchy as of one date, indexed for the browser: children in display order (kind order,
 * then Vietnamese alphabetical), ancestors, and diacritic-insensitive search ("do son" finds
 * "Đồ Sơn", "dang uy" finds "Đảng ủy"). Pure functions, linear in the number of units.
 */
import { compareVi, fold } from '../../../../src/core/text';
import type { OrgUnit } from '../../api/orgs';

export interface TreeIndex {
  byId: Map<number, OrgUnit>;
  /** Children of each unit in display order; key null holds the roots. */
  children: Map<number | null, OrgUnit[]>;
  /** fold(name, short name, code) of each unit. */
  folded: Map<number, string>;
  size: number;
}

export function buildTreeIndex(units: readonly OrgUnit[], kindOrder: ReadonlyMap<string, number> = new Map()): TreeIndex {
  const byId = new Map<number, OrgUnit>();
  const folded = new Map<number, string>();
  for (const unit of units) {
    byId.set(unit.id, unit);
    folded.set(unit.id, fold(`${unit.name} ${unit.shortName ?? ''} ${unit.code}`));
  }
  const children = new Map<number | null, OrgUnit[]>();
  for (const unit of units) {
    // A parent outside the list (e.g. a subtree was asked for) makes the unit a root here.
    const parent = unit.parentId !== null && byId.has(unit.parentId) ? unit.parentId : null;
    const list = children.get(parent);
    if (list) list.push(unit);
    else children.set(parent, [unit]);
  }
  const rank = (kind: string) => kindOrder.get(kind) ?? Number.MAX_SAFE_INTEGER;
  for (const list of children.values()) {
    list.sort((a, b) => rank(a.kind) - rank(b.kind) || compareVi(a.name, b.name) || a.id - b.id);
  }
  return { byId, children, folded, size: units.length };
}

/** Ancestor ids from the root down to the unit's parent. */
export function ancestorsOf(index: TreeIndex, unitId: number): number[] {
  const path: number[] = [];
  const seen = new Set<number>();
  let current = index.byId.get(unitId);
  while (current && current.parentId !== null && index.byId.has(current.parentId) && !seen.has(current.parentId)) {
    seen.add(current.parentId);
    path.unshift(current.parentId);
    current = index.byId.get(current.parentId);
  }
  return path;
}

export function queryWords(query: string): string[] {
  return fold(query).split(' ').filter(Boolean);
}

export interface SearchResult {
  matches: Set<number>;
  /** Matches and every ancestor of a match: what a filtered tree shows. */
  visible: Set<number>;
  /** Units to expand so every match shows (ancestors of matches). */
  expand: Set<number>;
}

export function searchTree(index: TreeIndex, query: string): SearchResult | null {
  const words = queryWords(query);
  if (words.length === 0) return null;
  const matches = new Set<number>();
  for (const [id, text] of index.folded) {
    if (words.every((w) => text.includes(w))) matches.add(id);
  }
  const visible = new Set<number>(matches);
  const expand = new Set<number>();
  for (const id of matches) {
    for (const ancestor of ancestorsOf(index, id)) {
      visible.add(ancestor);
      expand.add(ancestor);
    }
  }
  return { matches, visible, expand };
}

/**
 * Ranges of `text` that match the query words, ignoring diacritics: each character is folded
 * on its own so positions in the folded text map back to the original.
 */
export function matchRanges(text: string, words: readonly string[]): Array<[number, number]> {
  if (words.length === 0) return [];
  const chars = Array.from(text.normalize('NFC'));
  const foldedChars = chars.map((c) => fold(c) || ' ');
  const starts: number[] = [];
  let folded = '';
  for (let i = 0; i < chars.length; i += 1) {
    starts.push(folded.length);
    folded += foldedChars[i].length === 1 ? foldedChars[i] : foldedChars[i][0];
  }
  const ranges: Array<[number, number]> = [];
  for (const word of words) {
    let at = folded.indexOf(word);
    while (at >= 0) {
      ranges.push([at, at + word.length]);
      at = folded.indexOf(word, at + word.length);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  // Overlapping ranges merge, and so do ranges only a space apart ("do son" marks "Đồ Sơn" whole).
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && (r[0] <= last[1] || folded.slice(last[1], r[0]).trim() === '')) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  // Folded positions equal character positions (one folded char per original char).
  return merged.map(([from, to]) => [charOffset(chars, from), charOffset(chars, to)]);
}

function charOffset(chars: string[], index: number): number {
  let offset = 0;
  for (let i = 0; i < index && i < chars.length; i += 1) offset += chars[i].length;
  return offset;
}
