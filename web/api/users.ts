import type { Role } from '../../domain/enums.js';
import type { UserCreateInput, UserUpdateInput } from '../../domain/schemas/users.js';
import { api } from './client.js';
import type { ImportCommit, ImportPreview, Item, List, RoleProposal, User } from './types.js';

export interface UserFilter {
  page: number;
  perPage: number;
  q?: string | undefined;
  unitId?: string | undefined;
  role?: Role | undefined;
}

export const listUsers = (f: UserFilter) => api<List<User>>('/users', { query: { ...f } });
export const getUser = (id: string) => api<Item<User>>(`/users/${id}`);
export const createUser = (input: UserCreateInput) => api<Item<User> & { initialPassword: string }>('/users', { method: 'POST', body: input });
export const updateUser = (id: string, input: UserUpdateInput) => api<Item<User>>(`/users/${id}`, { method: 'PATCH', body: input });
export const disableUser = (id: string, version: number) => api<Item<User>>(`/users/${id}/disable`, { method: 'POST', body: { version } });
export const enableUser = (id: string, version: number) => api<Item<User>>(`/users/${id}/enable`, { method: 'POST', body: { version } });
export const resetPassword = async (id: string, version: number) =>
  (await api<{ data: { initialPassword: string } }>(`/users/${id}/reset-password`, { method: 'POST', body: { version } })).data.initialPassword;
export const unlockUser = (id: string) => api<unknown>(`/users/${id}/unlock`, { method: 'POST' });
export const resetTotp = (id: string) => api<unknown>(`/users/${id}/reset-totp`, { method: 'POST' });

/** Proposed changes of admin roles (三员分立), pending by default. */
export const listRoleProposals = () => api<List<RoleProposal>>('/role-proposals', { query: { status: 'pending', perPage: 100 } });
export const approveRoleProposal = (id: string) =>
  api<{ data: RoleProposal; initialPassword: string | null }>(`/role-proposals/${id}/approve`, { method: 'POST' });
export const rejectRoleProposal = (id: string, reason: string) =>
  api<{ data: RoleProposal; initialPassword: null }>(`/role-proposals/${id}/reject`, { method: 'POST', body: { reason } });

const fileForm = (file: File) => {
  const form = new FormData();
  form.append('file', file);
  return form;
};
export const previewImport = async (file: File) => (await api<{ data: ImportPreview }>('/users/import/preview', { method: 'POST', body: fileForm(file) })).data;
export const commitImport = async (file: File) => (await api<{ data: ImportCommit }>('/users/import', { method: 'POST', body: fileForm(file) })).data;
export const IMPORT_TEMPLATE_URL = '/api/users/import/template';
