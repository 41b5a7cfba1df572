import { Fragment } from 'react';
import { matchRanges } from './tree-index';

/** The text with the parts matching the (folded) query words marked. */
export function Highlighted({ text, words }: { text: string; words: readonly string[] }) {
  const normalized = text.normalize('NFC');
  const ranges = matchRanges(normalized, words);
  if (ranges.length === 0) return <>{normalized}</>;
  const parts = [];
  let at = 0;
  for (const [from, to] of ranges) {
    if (from > at) parts.push(<Fragment key={`t${at}`}>{normalized.slice(at, from)}</Fragment>);
    parts.push(<mark key={`m${from}`} className="match">{normalized.slice(from, to)}</mark>);
    at = to;
  }
  if (at < normalized.length) parts.push(<Fragment key={`t${at}`}>{normalized.slice(at)}</Fragment>);
  return <>{parts}</>;
}
