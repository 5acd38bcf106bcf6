import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { docxText } from '../testing/docxText.js';
import { bulletinDocx, type BulletinDoc } from './bulletinDocx.js';
import { noticeDocx } from './noticeDocx.js';

const MM = 1440 / 25.4;
const twips = (mm: number) => Math.round(mm * MM);

const bulletin = (over: Partial<BulletinDoc> = {}): BulletinDoc => ({
  title: '关于2026年第四季度督查情况的通报',
  docNumber: '督通〔2026〕3号',
  issuer: '双台子区督查室',
  issueDate: '2026-12-08',
  sections: [
    { heading: '督查基本情况', paragraphs: ['共督查6个单位，发现问题9个。'], subsections: [] },
    { heading: '存在的问题', paragraphs: [], subsections: [{ heading: '整改逾期的单位', paragraphs: ['区住房城乡建设局：2个问题逾期。'] }] },
  ],
  cc: '区委办公室，区政府办公室',
  printer: '双台子区推进办',
  draft: false,
  ...over,
});

async function parts(buf: Buffer) {
  const zip = await JSZip.loadAsync(buf);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  return { document: await read('word/document.xml'), fonts: await read('word/fontTable.xml'), settings: await read('word/settings.xml'), footers: [await read('word/footer1.xml'), await read('word/footer2.xml')], rels: await read('word/_rels/document.xml.rels') };
}
const attr = (xml: string, el: string, name: string) => new RegExp(`<${el}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1];
/** The run properties of the run whose text is exactly `text`. */
const runOf = (xml: string, text: string) => [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => m[1]!).find((r) => r.includes(`>${text}</w:t>`)) ?? '';
const paragraphOf = (xml: string, text: string) => [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => m[1]!).find((p) => p.includes(`>${text}</w:t>`)) ?? '';

describe('the GB/T 9704 layout, read back from the .docx', () => {
  it('is A4 with margins top 37 mm, left 28 mm, right 26 mm, bottom 35 mm: a 156 × 225 mm text block', async () => {
    const { document } = await parts(await bulletinDocx(bulletin()));
    const w = Number(attr(document, 'w:pgSz', 'w:w'));
    const h = Number(attr(document, 'w:pgSz', 'w:h'));
    expect([w, h]).toEqual([twips(210), twips(297)]);
    const m = (side: string) => Number(attr(document, 'w:pgMar', `w:${side}`));
    expect([m('top'), m('left'), m('right'), m('bottom')]).toEqual([twips(37), twips(28), twips(26), twips(35)]);
    expect(Math.round((w - m('left') - m('right')) / MM)).toBe(156);
    expect(Math.round((h - m('top') - m('bottom')) / MM)).toBe(225);
  });

  it('sets a grid of 22 lines per page and 28 characters of 3号 per line', async () => {
    const { document } = await parts(await bulletinDocx(bulletin()));
    expect(attr(document, 'w:docGrid', 'w:type')).toBe('linesAndChars');
    const pitch = Number(attr(document, 'w:docGrid', 'w:linePitch'));
    expect(Math.floor((twips(297) - twips(37) - twips(35)) / pitch)).toBe(22);
    // Each character's pitch: 16 pt plus charSpace/4096 pt; 28 of them fill the 156 mm line.
    const charPitchPt = 16 + Number(attr(document, 'w:docGrid', 'w:charSpace')) / 4096;
    expect(Math.round((twips(156) / 20) / charPitchPt)).toBe(28);
    expect(Math.abs(28 * charPitchPt * 20 - (twips(210) - twips(28) - twips(26)))).toBeLessThan(5);
  });

  it('sets the title in 2号 方正小标宋简体, the body in 3号 仿宋_GB2312, 一、 in 黑体, （一） in 楷体, with fallbacks in the font table', async () => {
    const { document, fonts } = await parts(await bulletinDocx(bulletin()));
    const title = runOf(document, '关于2026年第四季度督查情况的通报');
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    expect(title).toContain('<w:sz w:val="44"/>');
    expect(paragraphOf(document, '关于2026年第四季度督查情况的通报')).toContain('<w:jc w:val="center"/>');
    const text = runOf(document, '共督查6个单位，发现问题9个。');
    expect(text).toContain('w:eastAsia="仿宋_GB2312"');
    expect(text).toContain('<w:sz w:val="32"/>');
    expect(runOf(document, '一、督查基本情况')).toContain('w:eastAsia="黑体"');
    expect(runOf(document, '二、存在的问题')).toContain('w:eastAsia="黑体"');
    expect(runOf(document, '（一）整改逾期的单位')).toContain('w:eastAsia="楷体_GB2312"');
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(fonts).toContain('<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>');
  });

  it('puts the issuer in red over the number and a red line, signs with the issuer and the date, and ends with 抄送 and 印发', async () => {
    const buf = await bulletinDocx(bulletin());
    const lines = (await docxText(buf)).split('\n').filter(Boolean);
    expect(lines.slice(0, 3)).toEqual(['双台子区督查室', '督通〔2026〕3号', '关于2026年第四季度督查情况的通报']);
    expect(lines).toContain('各有关单位：');
    expect(lines.slice(-4)).toEqual(['双台子区督查室', '2026年12月8日', '抄送：区委办公室，区政府办公室。', '双台子区推进办\t2026年12月8日印发']);
    expect(lines).not.toContain('（草稿，未签发）');
    const { document } = await parts(buf);
    expect(runOf(document, '双台子区督查室')).toContain('<w:color w:val="D40000"/>');
    expect(paragraphOf(document, '督通〔2026〕3号')).toMatch(/<w:bottom w:val="single" w:color="D40000"/);
    expect(paragraphOf(document, '2026年12月8日')).toContain('<w:jc w:val="right"/>');
    expect(paragraphOf(document, '抄送：区委办公室，区政府办公室。')).toContain('<w:top w:val="single"');
    // A draft's preview says it is one.
    expect((await docxText(await bulletinDocx(bulletin({ draft: true })))).split('\n')).toContain('（草稿，未签发）');
  });

  it('numbers pages "— 1 —" in 4号 宋体 with a PAGE field, odd pages on the right and even on the left', async () => {
    const { document, settings, footers, rels } = await parts(await bulletinDocx(bulletin()));
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    const ref = (type: string) => new RegExp(`<w:footerReference w:type="${type}" r:id="(\\w+)"`).exec(document)?.[1];
    const file = (id: string | undefined) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.slice(1).find(Boolean);
    const footer = (type: string) => footers[Number(/footer(\d)\.xml/.exec(file(ref(type)) ?? '')?.[1]) - 1] ?? '';
    for (const [type, side] of [['default', 'right'], ['even', 'left']] as const) {
      const f = footer(type);
      expect(f, type).toContain(`<w:jc w:val="${side}"/>`);
      expect(f).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
      expect(f).toMatch(/>— <\/w:t>[\s\S]*PAGE[\s\S]*> —<\/w:t>/);
      expect(f).toContain('w:eastAsia="宋体"');
      expect(f).toContain('<w:sz w:val="28"/>');
    }
  });

  it('titles a notice by its kind and marks its colour, addressed to the unit', async () => {
    const buf = await noticeDocx({ kind: 'supervise', colour: 'red', issuer: '双台子区督查室', docNumber: '督办〔2026〕12号', unitName: '区住房城乡建设局', content: '你单位……已逾期12个工作日。', note: '请高度重视。', issuedOn: '2026-12-08' });
    const lines = (await docxText(buf)).split('\n').filter(Boolean);
    expect(lines.slice(0, 5)).toEqual(['双台子区督查室', '督办〔2026〕12号', '督办单', '【红色督办单】', '区住房城乡建设局：']);
    expect(lines).toContain('请高度重视。');
    expect(runOf((await parts(buf)).document, '【红色督办单】')).toContain('<w:color w:val="CF1322"/>');
  });
});
