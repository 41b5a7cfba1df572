/**
 * Vietnamese text helpers: folding for diacritic-insensitive search, slugs, and
 * alphabetical order as Vietnamese readers expect it (a < ă < â < b … d < đ).
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Lowercase, strip diacritics, fold đ→d and collapse whitespace: "Đồ Sơn" → "do son". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** ASCII slug from Vietnamese text: "Hội nghị sơ kết 5 năm" → "hoi-nghi-so-ket-5-nam". */
export function slugify(text: string, maxLength = 96): string {
  const slug = fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, maxLength).replace(/-+$/g, '');
}

/** True when every folded word of the query occurs in the folded text. */
export function matchesQuery(text: string, query: string): boolean {
  const haystack = fold(text);
  return fold(query)
    .split(' ')
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

const viCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

export function compareVi(a: string, b: string): number {
  return viCollator.compare(a, b);
}

export function sortByVi<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((x, y) => compareVi(key(x), key(y)));
}

/**
 * Unicode has two spellings for many Vietnamese names ("Thuỷ"/"Thủy", "Hoà"/"Hòa"):
 * old-style tone placement on the first vowel of "oa, oe, uy". Normalize to the
 * modern placement so the same name compares equal.
 */
export function normalizeToneMarks(text: string): string {
  const pairs: Array<[RegExp, string]> = [
    // "qu" is a consonant, so "quý"/"quỷ" keep their mark on the y already.
    [/(?<![qQ])uỷ/g, 'ủy'], [/(?<![qQ])uý/g, 'úy'], [/(?<![qQ])uỳ/g, 'ùy'], [/(?<![qQ])uỹ/g, 'ũy'], [/(?<![qQ])uỵ/g, 'ụy'],
    [/Uỷ/g, 'Ủy'], [/Uý/g, 'Úy'],
    [/oà/g, 'òa'], [/oá/g, 'óa'], [/oả/g, 'ỏa'], [/oã/g, 'õa'], [/oạ/g, 'ọa'],
    [/Oà/g, 'Òa'], [/Oá/g, 'Óa'], [/Oả/g, 'Ỏa'], [/Oã/g, 'Õa'], [/Oạ/g, 'Ọa'],
    [/oè/g, 'òe'], [/oé/g, 'óe'], [/oẻ/g, 'ỏe'], [/oẽ/g, 'õe'], [/oẹ/g, 'ọe'],
  ];
  let out = text.normalize('NFC');
  for (const [pattern, replacement] of pairs) out = out.replace(pattern, replacement);
  return out;
}
