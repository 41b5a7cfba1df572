import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractCitations, type Citation } from './citations';
import { foldKeepingPositions } from './citation-patterns';

/** The seed article (a copy of shared/seed/000_3a1be4fe9941db40.txt, kept with the tests). */
const SEED = fs.readFileSync(fileURLToPath(new URL('../test/data/seed-article-05-ct-tw.txt', import.meta.url)), 'utf8');

function summary(c: Citation) {
  return { key: c.key, kind: c.kind, number: c.number?.text ?? null, issuedOn: c.issuedOn, issuer: c.issuer, term: c.term };
}

describe('citations in the seed article', () => {
  const citations = extractCitations(SEED);

  it('finds every cited document once, with date and issuer where the text gives them, and nothing else', () => {
    expect(citations.map(summary)).toEqual([
      { key: 'no:05-CT/TW', kind: 'chi_thi', number: '05-CT/TW', issuedOn: '2016-05-15', issuer: 'Bộ Chính trị', term: null },
      { key: 'no:03-KH/TW', kind: 'ke_hoach', number: '03-KH/TW', issuedOn: '2016-07-25', issuer: 'Ban Bí thư', term: null },
      { key: 'no:32-KH/TU', kind: 'ke_hoach', number: '32-KH/TU', issuedOn: '2016-09-26', issuer: 'Ban Thường vụ Thành ủy', term: null },
      { key: 'tw:4:XII', kind: 'nghi_quyet', number: null, issuedOn: null, issuer: 'Ban Chấp hành Trung ương Đảng', term: 'XII' },
      { key: 'dh:toan-quoc:XIII', kind: 'nghi_quyet', number: null, issuedOn: null, issuer: 'Đại hội đại biểu toàn quốc lần thứ XIII của Đảng', term: 'XIII' },
      { key: 'dh:thanh-pho:XVI', kind: 'nghi_quyet', number: null, issuedOn: null, issuer: 'Đại hội đại biểu Đảng bộ thành phố lần thứ XVI', term: 'XVI' },
      { key: 'no:45-NQ/TW', kind: 'nghi_quyet', number: '45-NQ/TW', issuedOn: null, issuer: 'Bộ Chính trị', term: 'XII' },
      { key: 'no:27/CT-TTg', kind: 'chi_thi', number: '27/CT-TTg', issuedOn: '2016-09-08', issuer: 'Thủ tướng Chính phủ', term: null },
    ]);
  });

  it('merges the repeated mentions of 05-CT/TW and of the Central Committee 4 resolution (typo "Trung ưong" included)', () => {
    const directive = citations.find((c) => c.key === 'no:05-CT/TW')!;
    expect(directive.mentions).toHaveLength(6);
    expect(directive.subject).toBe('Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh');
    const plenum = citations.find((c) => c.key === 'tw:4:XII')!;
    expect(plenum.mentions.map((m) => m.text)).toEqual([
      expect.stringContaining('Nghị quyết Trung ương 4 (khóa XII)'),
      'Nghị quyết Trung ưong 4 (khóa XII)',
    ]);
    expect(plenum.label).toBe('Nghị quyết Trung ương 4 (khóa XII)');
  });

  it('gives positions into the text and the sentence around the first mention', () => {
    const text = SEED.normalize('NFC');
    for (const c of citations) {
      for (const m of c.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
      expect(c.excerpt).toContain(c.mentions[0].text.slice(0, 20));
    }
    const nq45 = citations.find((c) => c.key === 'no:45-NQ/TW')!;
    expect(nq45.mentions[0].text).toBe('Nghị quyết số 45-NQ/TW của Bộ Chính trị khóa XII về xây dựng và phát triển thành phố Hải Phòng đến năm 2030, tầm nhìn đến năm 2045');
    expect(nq45.subject).toBe('xây dựng và phát triển thành phố Hải Phòng đến năm 2030, tầm nhìn đến năm 2045');
  });
});

describe('citations in other real-style texts', () => {
  it('reads State documents with their issuers, typed without Vietnamese marks or not', () => {
    const text = 'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư; '
      + 'Thực hiện Quyết định số 1234/QĐ-UBND ngày 12/4/2021 của UBND thành phố Hải Phòng về việc ban hành Kế hoạch tuyên truyền; '
      + 'Công văn số 456/UBND-VX ngày 20/5/2021 của Ủy ban nhân dân thành phố; '
      + 'Thông tư số 01/2021/TT-BGDĐT ngày 10 tháng 01 năm 2021 của Bộ Giáo dục và Đào tạo; '
      + 'theo Nghị định 09/2019/ND-CP của Chính phủ quy định chế độ báo cáo.';
    expect(extractCitations(text).map(summary)).toEqual([
      { key: 'no:30/2020/NĐ-CP', kind: 'nghi_dinh', number: '30/2020/NĐ-CP', issuedOn: '2020-03-05', issuer: 'Chính phủ', term: null },
      { key: 'no:1234/QĐ-UBND', kind: 'quyet_dinh', number: '1234/QĐ-UBND', issuedOn: '2021-04-12', issuer: 'UBND thành phố Hải Phòng', term: null },
      { key: 'no:456/UBND-VX', kind: 'cong_van', number: '456/UBND-VX', issuedOn: '2021-05-20', issuer: 'Ủy ban nhân dân thành phố', term: null },
      { key: 'no:01/2021/TT-BGDĐT', kind: 'thong_tu', number: '01/2021/TT-BGDĐT', issuedOn: '2021-01-10', issuer: 'Bộ Giáo dục và Đào tạo', term: null },
      { key: 'no:09/2019/NĐ-CP', kind: 'nghi_dinh', number: '09/2019/NĐ-CP', issuedOn: null, issuer: 'Chính phủ', term: null },
    ]);
  });

  it('reads Party documents of many issuers, plenum resolutions written out, and local committees by name', () => {
    const text = 'Thực hiện Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW; '
      + 'Hướng dẫn số 49-HD/BTGTW ngày 10/6/2021 của Ban Tuyên giáo Trung ương; Kế hoạch số 49 - KH/BTGTU của Ban Tuyên giáo Thành ủy; '
      + 'Quy định số 205-QĐi/TW, ngày 23/9/2019 của Bộ Chính trị; Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII; '
      + 'Nghị quyết Đại hội đại biểu Đảng bộ thành phố Hải Phòng lần thứ XVI; gắn với Nghị quyết Trung ương 4 khoá XII. '
      + 'Ban Thường vụ Quận ủy ban hành Kế hoạch số 15-KH/QU ngày 3/3/2021 của Ban Thường vụ Quận ủy Lê Chân thực hiện Kết luận số 100 – KL/TW.';
    expect(extractCitations(text).map(summary)).toEqual([
      { key: 'no:01-KL/TW', kind: 'ket_luan', number: '01-KL/TW', issuedOn: '2021-05-18', issuer: 'Bộ Chính trị', term: null },
      { key: 'no:05-CT/TW', kind: 'chi_thi', number: '05-CT/TW', issuedOn: null, issuer: null, term: null },
      { key: 'no:49-HD/BTGTW', kind: 'huong_dan', number: '49-HD/BTGTW', issuedOn: '2021-06-10', issuer: 'Ban Tuyên giáo Trung ương', term: null },
      { key: 'no:49-KH/BTGTU', kind: 'ke_hoach', number: '49-KH/BTGTU', issuedOn: null, issuer: 'Ban Tuyên giáo Thành ủy', term: null },
      { key: 'no:205-QĐi/TW', kind: 'quy_dinh', number: '205-QĐi/TW', issuedOn: '2019-09-23', issuer: 'Bộ Chính trị', term: null },
      { key: 'tw:4:XII', kind: 'nghi_quyet', number: null, issuedOn: null, issuer: 'Ban Chấp hành Trung ương Đảng', term: 'XII' },
      { key: 'dh:thanh-pho-hai-phong:XVI', kind: 'nghi_quyet', number: null, issuedOn: null, issuer: 'Đại hội đại biểu Đảng bộ thành phố Hải Phòng lần thứ XVI', term: 'XVI' },
      { key: 'no:15-KH/QU', kind: 'ke_hoach', number: '15-KH/QU', issuedOn: '2021-03-03', issuer: 'Ban Thường vụ Quận ủy Lê Chân', term: null },
      { key: 'no:100-KL/TW', kind: 'ket_luan', number: '100-KL/TW', issuedOn: null, issuer: null, term: null },
    ]);
  });

  it('lets a later mention add the date and issuer, and notes mentions that disagree', () => {
    const [directive] = extractCitations('Theo Chỉ thị 05-CT/TW, các chi bộ … Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị. Chỉ thị số 05-CT/TW ngày 16/5/2016.');
    expect(directive).toMatchObject({ issuedOn: '2016-05-15', issuer: 'Bộ Chính trị' });
    expect(directive.mentions).toHaveLength(3);
    expect(directive.notes).toHaveLength(1);
    expect(directive.notes[0].vi).toContain('2016-05-16');
    const [plenum, ...rest] = extractCitations('Nghị quyết Trung ương 4 được quán triệt; Nghị quyết Trung ương 4 (khóa XII) về xây dựng Đảng.');
    expect(rest).toEqual([]);
    expect(plenum).toMatchObject({ term: 'XII', label: 'Nghị quyết Trung ương 4 (khóa XII)' });
    expect(plenum.mentions).toHaveLength(2);
  });

  it('finds nothing in generic words, self-references, meetings and dates', () => {
    const text = 'Các cấp ủy quán triệt các nghị quyết, chỉ thị của Đảng; Kế hoạch này được phổ biến đến chi bộ; tổ chức Hội nghị sơ kết; '
      + 'sinh hoạt chuyên đề; báo cáo kết quả về Ban Tuyên giáo; lãnh đạo thực hiện Chỉ thị của Bộ Chính trị; Nghị quyết đại hội đảng các cấp; '
      + 'Nghị quyết Trung ương năm 2021; định kỳ 6 tháng/lần, 24/7; kỷ niệm (20/10/1946 – 20/10/2021); Quyết định khen thưởng; Hướng dẫn biểu dương.';
    expect(extractCitations(text)).toEqual([]);
    expect(extractCitations('')).toEqual([]);
  });

  it('folds text without moving any character', () => {
    const text = 'Đảng bộ “Trung ưong” khoá XII';
    const folded = foldKeepingPositions(text);
    expect(folded).toHaveLength(text.length);
    expect(folded).toBe('dang bo “trung uong” khoa xii');
  });

  it('never throws on arbitrary text, and every mention is a slice of it', () => {
    const pieces = fc.constantFrom('Chỉ thị số ', 'Nghị quyết ', 'Trung ương 4 ', '(khóa XII)', 'Đại hội XIII ', 'Đảng bộ thành phố ', 'của Bộ Chính trị',
      ', ngày 15/5/2016', '05-CT/TW', '27/CT-TTg', ' về “', '”', 'ND-CP', '/', '-', ' ', '; ', 'của ', 'Kế hoạch này');
    fc.assert(fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 40 }), (parts) => {
      const text = parts.join('').normalize('NFC');
      for (const c of extractCitations(text)) {
        expect(c.mentions.length).toBeGreaterThan(0);
        for (const m of c.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
      }
    }), { numRuns: 300 });
  });
});
