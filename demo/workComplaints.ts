import { complaintCaseTitle, makeTrackingCode, type ComplaintEnvironment } from '../domain/complaints.js';
import type { CaseStatus } from '../domain/oversight.js';
import { storeEvidence } from '../server/commands/reporting/storeEvidence.js';
import { complaintFiles, complaints, oversightCaseNotes, oversightCases } from '../server/db/schema/index.js';
import { demoFiles, type DemoFileKey } from './evidenceFiles.js';
import type { DemoContext } from './index.js';
import type { DemoRandom } from './workRandom.js';
import { at, type DemoClock } from './workSchedule.js';

interface Filed {
  enterprise: string;
  contactPerson: string;
  contact: string;
  environment: ComplaintEnvironment;
  unitName: string;
  description: string;
  /** Workdays ago. */
  received: number;
  status: CaseStatus;
  /** 公开答复, given this many workdays after receipt. */
  reply?: { after: number; text: string };
  note?: string;
  /** A photo it came with: one of the demo's evidence files, under the name the complainant gave it. */
  photo?: { key: DemoFileKey; name: string };
}

const FILED: Filed[] = [
  {
    enterprise: '盘锦辽河新材料有限公司', contactPerson: '王经理', contact: '0427-5801234', environment: 'government_service', unitName: '区行政审批局',
    description: '施工许可申请材料齐全，窗口三次以“系统升级”为由不予受理，已超过承诺办结时限二十日。', received: 2, status: 'received',
    photo: { key: 'site', name: '停工待证的施工现场.png' },
  },
  {
    enterprise: '双台子区恒远物流有限公司', contactPerson: '李女士', contact: 'hengyuan@example.cn', environment: 'credit', unitName: '区市场监督管理局',
    description: '企业已完成整改并提交信用修复申请，一个多月仍未修复，影响参加政府采购投标。', received: 12, status: 'verifying',
    reply: { after: 6, text: '经核查，您单位信用修复申请已于受理后补正材料，现已完成修复并在“信用中国”同步更新。感谢您对营商环境的监督。' },
    note: '初核：调取信用修复办理记录，确认超时限原因为内部流转延误。',
  },
];

/**
 * 营商环境投诉 in the demo district: one just received with a photo, one being verified with a
 * public reply — each with its oversight case (source `complaint`), as the public form would have
 * made them (the photo in the evidence store, linked to the complaint). Their
 * tracking codes come from the demo's seeded random numbers, so a load is the same every time.
 */
export async function loadComplaints(ctx: DemoContext, c: DemoClock, rng: DemoRandom): Promise<string[]> {
  const { tx } = ctx;
  const officer = ctx.users.get('oversight') ?? null;
  const codes: string[] = [];
  for (const f of FILED) {
    const received = c.cal.addWorkdays(c.today, -f.received);
    const complaintId = rng.uuid();
    const caseId = rng.uuid();
    const trackingCode = makeTrackingCode((n) => rng.int(0, n - 1));
    codes.push(trackingCode);
    const verifiedAt = f.status === 'received' ? null : at(c.cal.addWorkdays(received, 1), 9);
    await tx.insert(complaints).values({
      id: complaintId, trackingCode, enterprise: f.enterprise, contactPerson: f.contactPerson, contact: f.contact, environment: f.environment,
      unitName: f.unitName, description: f.description, submitterIp: '192.0.2.10', createdAt: at(received, 10),
      ...(f.reply ? { reply: f.reply.text, repliedAt: at(c.cal.addWorkdays(received, f.reply.after), 16), repliedById: officer } : {}),
    });
    await tx.insert(oversightCases).values({
      id: caseId, category: 'business_environment', title: complaintCaseTitle(f.enterprise, f.environment), summary: f.description,
      sourceKind: 'complaint', sourceId: complaintId, status: f.status, createdAt: at(received, 10),
      verifiedById: verifiedAt ? officer : null, verifiedAt, version: verifiedAt ? 1 : 0,
    });
    if (f.photo) {
      const file = demoFiles().get(f.photo.key)!;
      await storeEvidence(tx, file, null);
      await tx.insert(complaintFiles).values({ complaintId, sha256: file.sha256, name: f.photo.name, position: 0 });
    }
    if (f.note) await tx.insert(oversightCaseNotes).values({ id: rng.uuid(), caseId, content: f.note, authorId: officer, createdAt: at(c.cal.addWorkdays(received, 1), 11) });
  }
  return codes;
}
