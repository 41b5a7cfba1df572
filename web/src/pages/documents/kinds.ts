/** Document kinds for selects and labels, in the current language (the table lives in src/core). */
import { DOCUMENT_KINDS, documentKindInfo, type DocumentKind } from '../../../../src/core/document-kinds';
import { currentLang } from '../../i18n';

export function kindLabel(kind: string): string {
  const info = DOCUMENT_KINDS.find((k) => k.code === kind) ? documentKindInfo(kind as DocumentKind) : null;
  if (!info) return kind;
  return currentLang() === 'en' ? info.en : info.vi;
}

export function kindOptions(): Array<{ value: DocumentKind; label: string }> {
  return DOCUMENT_KINDS.map((k) => ({ value: k.code, label: currentLang() === 'en' ? k.en : k.vi }));
}

/** "05-CT/TW" or, for a document without a number, its kind. */
export function documentLabel(doc: { number: string | null; kind: string; title: string }): string {
  return doc.number ? `${kindLabel(doc.kind)} ${doc.number}` : doc.title;
}
