import type { BodyKind, BodyPost, Lang, Role, UnitKind } from './enums.js';
import type { RegionKind } from './regions.js';

type Labels<K extends string> = Record<K, Record<Lang, string>>;

export const ROLE_LABELS: Labels<Role> = {
  leader: { 'zh-CN': '领导小组', 'en-US': 'Leading group' },
  hq_office: { 'zh-CN': '指挥部办公室', 'en-US': 'HQ office' },
  task_force: { 'zh-CN': '专项推进组', 'en-US': 'Task force' },
  unit_head: { 'zh-CN': '单位一把手', 'en-US': 'Unit head' },
  liaison: { 'zh-CN': '联络员', 'en-US': 'Liaison' },
  inspector: { 'zh-CN': '督查室', 'en-US': 'Inspector' },
  oversight: { 'zh-CN': '纪委监委', 'en-US': 'Discipline oversight' },
  assessor: { 'zh-CN': '考核办', 'en-US': 'Assessor' },
  publicist: { 'zh-CN': '宣传部', 'en-US': 'Publicity' },
  sysadmin: { 'zh-CN': '系统管理员', 'en-US': 'System administrator' },
  secadmin: { 'zh-CN': '安全管理员', 'en-US': 'Security administrator' },
  auditor: { 'zh-CN': '审计管理员', 'en-US': 'Audit administrator' },
};

export const REGION_KIND_LABELS: Labels<RegionKind> = {
  province: { 'zh-CN': '省', 'en-US': 'Province' },
  city: { 'zh-CN': '市', 'en-US': 'City' },
  district: { 'zh-CN': '区（县）', 'en-US': 'District' },
};

export const UNIT_KIND_LABELS: Labels<UnitKind> = {
  committee: { 'zh-CN': '委员会/机关', 'en-US': 'Committee' },
  department: { 'zh-CN': '部门', 'en-US': 'Department' },
  subdistrict: { 'zh-CN': '街道', 'en-US': 'Subdistrict' },
  town: { 'zh-CN': '镇', 'en-US': 'Town' },
  park: { 'zh-CN': '园区', 'en-US': 'Industrial park' },
  enterprise: { 'zh-CN': '企业', 'en-US': 'Enterprise' },
  other: { 'zh-CN': '其他', 'en-US': 'Other' },
};

export const BODY_KIND_LABELS: Labels<BodyKind> = {
  leading_group: { 'zh-CN': '领导小组', 'en-US': 'Leading group' },
  command_hq: { 'zh-CN': '指挥部', 'en-US': 'Command HQ' },
  hq_office: { 'zh-CN': '指挥部办公室', 'en-US': 'HQ office' },
  task_force: { 'zh-CN': '专项推进组', 'en-US': 'Task force' },
};

export const BODY_POST_LABELS: Labels<BodyPost> = {
  leader: { 'zh-CN': '组长', 'en-US': 'Leader' },
  deputy_leader: { 'zh-CN': '副组长', 'en-US': 'Deputy leader' },
  member: { 'zh-CN': '成员', 'en-US': 'Member' },
  director: { 'zh-CN': '主任', 'en-US': 'Director' },
  deputy_director: { 'zh-CN': '副主任', 'en-US': 'Deputy director' },
  liaison: { 'zh-CN': '联络员', 'en-US': 'Liaison' },
};

/** Finds the code whose label (in any language) or code equals the text; used by imports. */
export function codeFromLabel<K extends string>(labels: Labels<K>, text: string): K | undefined {
  const t = text.trim();
  for (const [code, byLang] of Object.entries(labels) as [K, Record<Lang, string>][]) {
    if (code === t || byLang['zh-CN'] === t || byLang['en-US'].toLowerCase() === t.toLowerCase()) return code;
  }
  return undefined;
}
