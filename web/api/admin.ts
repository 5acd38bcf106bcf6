import type { AuditCategory } from '../../domain/auditCategories.js';
import type { SecurityPolicy } from '../../domain/securityPolicy.js';
import { api, type Query } from './client.js';
import type { AuditRecord, AuditVerify, List } from './types.js';

export interface PolicyAnswer {
  data: { policy: SecurityPolicy; version: number };
  policies?: Record<string, boolean>;
}
export const getSecurityPolicy = () => api<PolicyAnswer>('/security-policy');
export const putSecurityPolicy = (version: number, policy: SecurityPolicy) =>
  api<PolicyAnswer>('/security-policy', { method: 'PUT', body: { version, policy } });

export interface AuditFilter extends Query {
  page: number;
  perPage: number;
  actor?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  from?: string;
  to?: string;
  category?: AuditCategory;
}
export const listAudit = (f: AuditFilter) => api<List<AuditRecord>>('/audit', { query: f });
export const listAuditActors = () => api<{ data: { account: string; name: string | null }[] }>('/audit/actors');
export const verifyAudit = async () => (await api<{ data: AuditVerify }>('/audit/verify')).data;
