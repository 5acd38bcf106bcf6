import { useState } from 'react';
import { Button, Tag } from 'antd';
import { BODY_KINDS, type BodyKind } from '../../../domain/enums.js';
import { BODY_KIND_LABELS } from '../../../domain/labels.js';
import { useBodies } from '../../api/hooks.js';
import { can } from '../../api/types.js';
import { useIsMobile } from '../../components/useIsMobile.js';
import { labelOf } from '../../i18n/translate.js';
import { useI18n } from '../../i18n/useI18n.js';
import { BodyFormModal } from './BodyFormModal.js';
import { BodyMembersDrawer } from './BodyMembersDrawer.js';
import { OrgPage } from './OrgPage.js';

/** 机构: leading group, command HQ, its office and the task forces; create, edit, members (sysadmin). */
export function BodiesPage() {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const bodies = useBodies();
  const [membersOf, setMembersOf] = useState<string | null>(null);
  const list = [...(bodies.data?.data ?? [])].sort((a, b) => BODY_KINDS.indexOf(a.kind) - BODY_KINDS.indexOf(b.kind) || a.code.localeCompare(b.code));
  // The drawer follows the live list entry, so added or removed members show at once.
  const membersBody = list.find((b) => b.id === membersOf);

  return (
    <OrgPage
      kind="body"
      testId="bodies-page"
      query={bodies}
      rows={list}
      Form={BodyFormModal}
      columns={(c, parent) => [
        { title: c.t('body.kind'), dataIndex: 'kind', render: (k: BodyKind) => <Tag color="geekblue">{labelOf(BODY_KIND_LABELS, k, c.lang)}</Tag> },
        parent,
        { title: c.t('body.leadUnit'), dataIndex: 'leadUnitName', render: (v: string | null) => v ?? '—' },
        { title: c.t('body.members'), key: 'members', render: (_, b) => c.t('body.memberCount', { count: b.members.length }) },
      ]}
      actions={(b) => (
        <Button type="link" size="small" onClick={() => setMembersOf(b.id)}>
          {t('body.manageMembers')}
        </Button>
      )}
    >
      {membersBody && <BodyMembersDrawer body={membersBody} editable={can(bodies.data?.policies, 'update')} mobile={mobile} onClose={() => setMembersOf(null)} />}
    </OrgPage>
  );
}
