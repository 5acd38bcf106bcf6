import { Flex, Tag, Tooltip } from 'antd';
import { isAdminRole } from '../../domain/enums.js';
import { ROLE_LABELS } from '../../domain/labels.js';
import type { Me } from '../api/types.js';
import { useI18n } from '../i18n/useI18n.js';
import { labelOf } from '../i18n/translate.js';

/**
 * The user's roles as tags; the scope (a unit or a body) shows on hover. With `max`, the rest
 * collapse into a "+n" tag whose tooltip lists them (the header has room for a few).
 */
export function RoleTags({ roles, max, testId = 'role-tags' }: { roles: Me['roles']; max?: number; testId?: string }) {
  const { lang } = useI18n();
  const label = (r: Me['roles'][number]) => labelOf(ROLE_LABELS, r.role, lang);
  const shown = max && roles.length > max ? roles.slice(0, max - 1) : roles;
  const hidden = roles.slice(shown.length);
  return (
    <Flex gap={4} wrap data-testid={testId}>
      {shown.map((r, i) => (
        <Tooltip key={`${r.role}-${i}`} title={r.scopeName ?? undefined}>
          <Tag color={isAdminRole(r.role) ? 'volcano' : 'blue'} style={{ marginInlineEnd: 0 }}>
            {label(r)}
          </Tag>
        </Tooltip>
      ))}
      {hidden.length > 0 && (
        <Tooltip title={hidden.map(label).join('、')}>
          <Tag style={{ marginInlineEnd: 0 }}>+{hidden.length}</Tag>
        </Tooltip>
      )}
    </Flex>
  );
}
