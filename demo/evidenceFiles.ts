import { createHash } from 'node:crypto';
import { EVIDENCE_TYPES } from '../domain/schemas/evidence.js';
import { onePagePdf, type PdfPage } from './pdf.js';
import { Raster } from './raster.js';

/** One of the demo's evidence files: real bytes, stored once by SHA-256 and reused by many reports. */
export interface DemoFile {
  key: DemoFileKey;
  /** What people call it; a report's copy is named `title（period）.ext`. */
  title: string;
  ext: 'png' | 'pdf';
  mime: string;
  bytes: Buffer;
  sha256: string;
}

export type DemoFileKey = 'site' | 'factory' | 'fields' | 'meeting' | 'river' | 'note' | 'ledger' | 'stats';

const W = 320;
const H = 240;

function constructionSite(): Buffer {
  const r = new Raster(W, H);
  r.gradient(0, 150, [118, 168, 224], [206, 226, 240]);
  r.polygon([[0, 140], [60, 118], [130, 134], [200, 112], [270, 130], [320, 120], [320, 152], [0, 152]], [138, 163, 150]);
  r.gradient(150, H, [176, 146, 104], [138, 108, 74]);
  // A frame going up: finished floors closed in, the top ones bare columns and slabs.
  for (let f = 0; f < 6; f++) {
    const y = 150 - (f + 1) * 15;
    if (f < 3) r.rect(60, y, 130, 15, [112, 106, 100]);
    for (let x = 60; x < 190; x += 14) if (f < 3) r.rect(x + 4, y + 4, 7, 7, [150, 176, 196]);
    r.rect(58, y, 134, 3, [182, 182, 176]);
    for (let x = 58; x <= 188; x += 26) r.rect(x, y, 4, 15, [176, 176, 170]);
  }
  r.rect(58, 60, 36, 90, [58, 128, 80]); // green safety net
  for (let y = 62; y < 150; y += 6) r.line(58, y, 93, y, [88, 156, 106]);
  // Tower crane: lattice mast, jib, counter-jib, cable and load.
  r.rect(228, 30, 8, 120, [236, 186, 40]);
  for (let y = 34; y < 150; y += 10) r.line(228, y, 235, y + 10, [180, 130, 20]);
  r.rect(140, 28, 176, 5, [236, 186, 40]);
  r.rect(236, 33, 40, 6, [120, 120, 120]);
  r.line(232, 12, 150, 28, [90, 90, 90]);
  r.line(232, 12, 300, 28, [90, 90, 90]);
  r.line(168, 33, 168, 96, [60, 60, 60]);
  r.rect(156, 96, 26, 8, [150, 60, 40]);
  // Blue site hoarding with its white band.
  r.rect(0, 176, W, 16, [36, 88, 168]);
  r.rect(0, 181, W, 4, [236, 240, 244]);
  return r.png();
}

function factory(): Buffer {
  const r = new Raster(W, H);
  r.gradient(0, 175, [140, 180, 222], [216, 230, 240]);
  r.gradient(175, H, [108, 160, 88], [78, 128, 68]);
  r.polygon([[0, 200], [W, 188], [W, 204], [0, 218]], [150, 150, 146]);
  r.rect(250, 40, 12, 70, [204, 204, 198]);
  for (let y = 44; y < 100; y += 16) r.rect(250, y, 12, 6, [196, 52, 44]);
  r.ellipse(262, 30, 16, 8, [228, 230, 232]);
  r.ellipse(280, 20, 20, 9, [236, 238, 240]);
  r.rect(30, 110, 260, 65, [226, 226, 220]);
  for (let x = 30; x < 290; x += 26) r.polygon([[x, 110], [x, 88], [x + 26, 110]], [58, 108, 170]);
  for (let x = 38; x < 284; x += 16) r.rect(x, 124, 9, 14, [92, 122, 152]);
  r.rect(120, 146, 42, 29, [120, 120, 126]); // loading door
  r.rect(180, 146, 80, 12, [196, 40, 40]); // company sign
  for (let x = 186; x < 254; x += 12) r.rect(x, 149, 8, 6, [246, 240, 230]);
  return r.png();
}

function fields(): Buffer {
  const r = new Raster(W, H);
  r.gradient(0, 100, [150, 196, 236], [226, 236, 246]);
  r.gradient(100, H, [126, 178, 84], [104, 160, 70]);
  for (let x = 0; x < W; x += 18) r.ellipse(x + 9, 98, 12, 8, [64, 110, 60]);
  const greens: [number, number, number][] = [[110, 170, 70], [142, 192, 92], [202, 190, 110]];
  // Strips of crops running to the horizon: each row, sixteen runs widening towards the viewer.
  for (let y = 100; y < H; y++) {
    const step = 6 + (64 * (y - 100)) / 140;
    for (let i = -8; i < 8; i++) r.rect(160 + i * step, y, step + 1, 1, greens[(i + 8) % 3]!);
  }
  r.polygon([[154, 100], [166, 100], [226, 240], [94, 240]], [152, 150, 144]);
  for (const cx of [40, 280]) {
    r.ellipse(cx, 190, 40, 26, [234, 240, 240], true);
    for (let d = -30; d <= 30; d += 10) r.line(cx + d, 190, cx + d, 190 - Math.sqrt(1 - (d / 40) ** 2) * 26, [196, 204, 210]);
  }
  return r.png();
}

function meeting(): Buffer {
  const r = new Raster(W, H);
  r.gradient(0, 150, [228, 218, 198], [210, 200, 180]);
  r.rect(0, 150, W, 90, [150, 120, 96]);
  r.rect(40, 16, 240, 30, [190, 30, 36]); // banner
  for (let x = 52; x < 270; x += 18) r.rect(x, 24, 13, 14, [246, 214, 92]);
  r.rect(108, 58, 104, 58, [40, 40, 44]);
  r.rect(112, 62, 96, 50, [172, 202, 232]); // screen
  r.polygon([[100, 150], [220, 150], [290, 240], [30, 240]], [116, 78, 50]);
  r.polygon([[104, 152], [216, 152], [220, 158], [100, 158]], [150, 106, 72]);
  for (let k = 0; k < 4; k++) {
    const y = 162 + k * 20;
    for (const side of [-1, 1]) {
      const x = 160 + side * (70 + k * 16);
      r.ellipse(x, y + 12, 13, 10, [42, 52, 74]);
      r.ellipse(x, y - 2, 7, 8, [36, 32, 32]);
    }
  }
  return r.png();
}

function river(): Buffer {
  const r = new Raster(W, H);
  r.gradient(0, 110, [132, 184, 232], [220, 234, 244]);
  r.polygon([[0, 110], [70, 70], [140, 104], [220, 64], [320, 100], [320, 120], [0, 120]], [108, 138, 120]);
  r.gradient(110, H, [112, 168, 92], [84, 140, 72]);
  r.polygon([[150, 112], [176, 112], [210, 160], [190, 200], [250, 240], [120, 240], [140, 196], [120, 156]], [88, 150, 204]);
  for (const [x, y] of [[40, 150], [80, 180], [60, 214], [240, 140], [280, 170], [300, 214]] as const) {
    r.rect(x - 2, y, 4, 14, [96, 70, 44]);
    r.ellipse(x, y - 4, 13, 15, [52, 112, 56]);
  }
  return r.png();
}

/** A document page: title, dated body paragraphs, optionally a table, a footer saying it is demo data. */
function document(title: string, body: string[], table?: { widths: number[]; rows: string[][] }): Buffer {
  return onePagePdf(title, (p: PdfPage) => {
    p.text(297 - title.length * 11, 770, 22, title);
    p.line(72, 752, 523, 752, 1.2);
    let y = 720;
    for (const para of body) {
      for (let i = 0; i < para.length; i += 30) {
        p.text(i === 0 ? 96 : 72, y, 14, para.slice(i, i + 30));
        y -= 24;
      }
      y -= 6;
    }
    if (table) {
      const rowH = 26;
      const x0 = 72;
      const width = table.widths.reduce((a, b) => a + b, 0);
      p.fill(x0, y - rowH, width, rowH, 0.9);
      table.rows.forEach((row, i) => {
        let x = x0;
        row.forEach((cell, j) => {
          p.text(x + 6, y - (i + 1) * rowH + 8, 11, cell);
          x += table.widths[j]!;
        });
      });
      for (let i = 0; i <= table.rows.length; i++) p.line(x0, y - i * rowH, x0 + width, y - i * rowH);
      let x = x0;
      for (const w of [0, ...table.widths]) p.line((x += w), y, x, y - table.rows.length * rowH);
    }
    p.text(72, 60, 9, '本文件为推进平台演示数据，内容系虚构。');
  });
}

const DOCS = {
  note: () =>
    document('工作推进情况说明', [
      '按照全面振兴新突破三年行动部署，本单位对照任务清单和时间节点逐项推进，本期工作进展如下。',
      '一、工作进展：主要节点按计划完成，相关台账和现场照片已同步报送。',
      '二、存在问题：部分事项涉及跨部门协调，审批环节用时较长。',
      '三、下步打算：加强与牵头单位沟通对接，确保下期节点按时完成。',
    ]),
  ledger: () =>
    document('重点任务推进工作台账', ['本台账按月更新，记录各项工作内容、完成时限和完成情况。'], {
      widths: [40, 180, 80, 80, 71],
      rows: [
        ['序号', '工作内容', '完成时限', '完成情况', '责任科室'],
        ['1', '制定年度工作方案', '3月底', '已完成', '综合科'],
        ['2', '召开专题推进会议', '每季度', '已完成', '办公室'],
        ['3', '开展现场督导检查', '每月', '推进中', '督查科'],
        ['4', '建立问题整改清单', '6月底', '推进中', '综合科'],
      ],
    }),
  stats: () =>
    document('主要指标统计报表', ['数据来源：区统计局月度快报。单位：亿元、%。'], {
      widths: [171, 100, 100, 80],
      rows: [
        ['指标名称', '本期值', '累计值', '同比增长'],
        ['地区生产总值', '—', '—', '5.6'],
        ['规模以上工业增加值', '—', '—', '6.8'],
        ['固定资产投资', '—', '—', '7.2'],
        ['社会消费品零售总额', '—', '—', '4.9'],
      ],
    }),
};

const MADE: Record<DemoFileKey, [string, 'png' | 'pdf', () => Buffer]> = {
  site: ['施工现场照片', 'png', constructionSite],
  factory: ['企业生产现场照片', 'png', factory],
  fields: ['田间现场照片', 'png', fields],
  meeting: ['专题推进会照片', 'png', meeting],
  river: ['河道整治现场照片', 'png', river],
  note: ['工作推进情况说明', 'pdf', DOCS.note],
  ledger: ['工作台账', 'pdf', DOCS.ledger],
  stats: ['统计报表', 'pdf', DOCS.stats],
};

let made: Map<DemoFileKey, DemoFile> | undefined;

/** The demo's evidence files, drawn once per process (a few milliseconds) and the same on every machine. */
export function demoFiles(): Map<DemoFileKey, DemoFile> {
  made ??= new Map(
    Object.entries(MADE).map(([key, [title, ext, make]]) => {
      const bytes = make();
      return [key as DemoFileKey, { key: key as DemoFileKey, title, ext, mime: EVIDENCE_TYPES[ext], bytes, sha256: createHash('sha256').update(bytes).digest('hex') }];
    }),
  );
  return made;
}
