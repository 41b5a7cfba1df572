/**
 * Differences between two texts for comparing report versions: paragraphs first (longest
 * common subsequence of lines), then words inside a paragraph that was rewritten, so a
 * reviewer sees exactly which figures and words changed.
 */
export interface DiffPart {
  op: 'same' | 'added' | 'removed';
  text: string;
}

/** LCS-based diff of two token lists; tables above `maxCells` fall back to remove-all/add-all. */
function diffTokens(a: string[], b: string[], maxCells = 4_000_000): DiffPart[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const out: DiffPart[] = [];
  const push = (op: DiffPart['op'], text: string) => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += text;
    else out.push({ op, text });
  };
  push('same', a.slice(0, start).join(''));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if ((midA.length + 1) * (midB.length + 1) > maxCells) {
    push('removed', midA.join(''));
    push('added', midB.join(''));
  } else {
    const n = midA.length;
    const m = midB.length;
    const table = new Uint32Array((n + 1) * (m + 1));
    const at = (i: number, j: number) => i * (m + 1) + j;
    for (let i = n - 1; i >= 0; i -= 1) {
      for (let j = m - 1; j >= 0; j -= 1) {
        table[at(i, j)] = midA[i] === midB[j] ? table[at(i + 1, j + 1)] + 1 : Math.max(table[at(i + 1, j)], table[at(i, j + 1)]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (midA[i] === midB[j]) {
        push('same', midA[i]);
        i += 1;
        j += 1;
      } else if (table[at(i + 1, j)] >= table[at(i, j + 1)]) {
        push('removed', midA[i]);
        i += 1;
      } else {
        push('added', midB[j]);
        j += 1;
      }
    }
    while (i < n) push('removed', midA[i++]);
    while (j < m) push('added', midB[j++]);
  }
  push('same', a.slice(endA).join(''));
  return out;
}

const lines = (text: string) => text.split(/(?<=\n)/);
const words = (text: string) => text.match(/\s+|[^\s]+/g) ?? [];

/** Paragraph diff, refined to words where one paragraph replaced another. */
export function diffText(before: string, after: string): DiffPart[] {
  if (before === after) return before ? [{ op: 'same', text: before }] : [];
  const coarse = diffTokens(lines(before), lines(after));
  const out: DiffPart[] = [];
  for (let k = 0; k < coarse.length; k += 1) {
    const part = coarse[k];
    const next = coarse[k + 1];
    if (part.op === 'removed' && next?.op === 'added') {
      for (const fine of diffTokens(words(part.text), words(next.text), 1_000_000)) {
        const last = out[out.length - 1];
        if (last && last.op === fine.op) last.text += fine.text;
        else out.push({ ...fine });
      }
      k += 1;
    } else {
      const last = out[out.length - 1];
      if (last && last.op === part.op) last.text += part.text;
      else out.push({ ...part });
    }
  }
  return out;
}

/** Paragraphs of a narrative section as reviewers mark them: blocks separated by line breaks. */
export function paragraphs(text: string): string[] {
  return text.split(/\n+/).map((p) => p.trim()).filter(Boolean);
}
