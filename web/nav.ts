import type { Role } from '../domain/enums.js';
import type { MessageKey } from './i18n/translate.js';

export type NavId = 'home' | 'org' | 'regions' | 'units' | 'bodies' | 'users' | 'import' | 'calendar' | 'securityPolicy' | 'securityUsers' | 'audit';
export type NavGroup = 'admin' | 'security';

export interface NavItem {
  id: NavId;
  path: string;
  label: MessageKey;
  /** Who sees the entry and may open the page; absent means every signed-in user. */
  roles?: readonly Role[];
  group?: NavGroup;
}

/** The side menu and the pages behind it; the same list guards the routes. */
export const NAV: readonly NavItem[] = [
  { id: 'home', path: '/', label: 'menu.home' },
  { id: 'org', path: '/org', label: 'menu.org' },
  { id: 'regions', path: '/admin/regions', label: 'menu.regions', roles: ['sysadmin'], group: 'admin' },
  { id: 'units', path: '/admin/units', label: 'menu.units', roles: ['sysadmin'], group: 'admin' },
  { id: 'bodies', path: '/admin/bodies', label: 'menu.bodies', roles: ['sysadmin'], group: 'admin' },
  { id: 'users', path: '/admin/users', label: 'menu.users', roles: ['sysadmin'], group: 'admin' },
  { id: 'import', path: '/admin/import', label: 'menu.import', roles: ['sysadmin'], group: 'admin' },
  { id: 'calendar', path: '/admin/calendar', label: 'menu.calendar', roles: ['sysadmin'], group: 'admin' },
  { id: 'securityPolicy', path: '/security/policy', label: 'menu.securityPolicy', roles: ['secadmin'], group: 'security' },
  // The same users page: read-only for the secadmin, with unlock and reset 2FA (the server's policies decide).
  { id: 'securityUsers', path: '/security/users', label: 'menu.users', roles: ['secadmin'], group: 'security' },
  { id: 'audit', path: '/audit', label: 'menu.audit', roles: ['auditor'], group: 'security' },
];

export const GROUP_LABELS: Record<NavGroup, MessageKey> = { admin: 'menu.admin', security: 'menu.security' };

/** May a user holding these roles open the entry? */
export const allowed = (item: NavItem, roles: readonly Role[]): boolean => !item.roles || item.roles.some((r) => roles.includes(r));
