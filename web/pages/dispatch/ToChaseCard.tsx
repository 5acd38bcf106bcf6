import { useState } from 'react';
import { Card, List, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { listDispatches } from '../../api/dispatch.js';
import { qk } from '../../api/queryKeys.js';
import { LightTag } from '../../components/LightTag.js';
import { useIsMobile } from '../../components/useIsMobile.js';
import { formatDate } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';

/** The most the card asks for: every item out at once in a district is a few dozen. */
const OUT_AT_MOST = 200;

/**
 * 待催办: the tracked items still out (orders, 批示, 议定事项, 上级指示 points, field follow-ups) whose
 * replies are late (red) or due (yellow), red first then by deadline: what the office chases today.
 * Folded to its title and count on a phone, as the desk's other sections are (WorkSection).
 */
export function ToChaseCard() {
  const { t } = useI18n();
  const q = useQuery({ queryKey: qk.dispatches.list({ status: 'sent', perPage: OUT_AT_MOST }), queryFn: () => listDispatches({ status: 'sent', perPage: OUT_AT_MOST }) });
  const rank = (l: string) => (l === 'red' ? 0 : 1);
  const mobile = useIsMobile();
  const [open, setOpen] = useState(false);
  const shown = !mobile || open;
  const due = (q.data?.data ?? []).filter((d) => d.light === 'red' || d.light === 'yellow').sort((a, b) => rank(a.light) - rank(b.light) || a.deadline.localeCompare(b.deadline));
  return (
    <Card
      size="small"
      loading={q.isLoading}
      title={
        <span role={mobile ? 'button' : undefined} aria-expanded={mobile ? shown : undefined} onClick={mobile ? () => setOpen(!shown) : undefined} data-testid="hq-to-chase-toggle">
          {mobile && <span aria-hidden>{shown ? '▾ ' : '▸ '}</span>}
          {t('dispatch.toChase')}
        </span>
      }
      extra={<Typography.Text type="secondary">{due.length}</Typography.Text>}
      styles={{ body: shown ? {} : { display: 'none' } }}
      data-testid="hq-to-chase"
      data-open={shown}
    >
      <List
        size="small"
        dataSource={due.slice(0, 10)}
        locale={{ emptyText: t('dispatch.toChaseEmpty') }}
        renderItem={(d) => (
          <List.Item key={d.id} data-testid="hq-to-chase-line" style={{ flexWrap: 'wrap', gap: 6 }}>
            <Typography.Text ellipsis style={{ flex: '1 1 240px', minWidth: 0 }}>
              <Link to={`/dispatches/${d.id}`}>{d.subject ? d.content || d.title : d.title}</Link>
            </Typography.Text>
            <span>
              <Tag>{t(`dispatch.kind.${d.kind}`)}</Tag>
              <LightTag light={d.light} />
              <Typography.Text type="secondary">
                {t('dispatch.replied', { replied: d.repliedCount, total: d.unitCount })} · {t('dispatch.deadline')} {formatDate(d.deadline)}
              </Typography.Text>
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}
