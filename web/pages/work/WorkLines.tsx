import { useState, type ReactNode } from 'react';
import { Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { Light } from '../../../domain/lights.js';
import type { ItemType } from '../../../domain/work.js';
import type { LightReasonView } from '../../api/workTypes.js';
import { LightTag } from '../../components/LightTag.js';
import { useI18n } from '../../i18n/useI18n.js';
import { useIsMobile } from '../../components/useIsMobile.js';
import { itemPath } from '../../../domain/itemPaths.js';

/** What every workbench line shows: the item, its light and the date that matters. */
export interface Line {
  key: string;
  itemType: ItemType;
  itemId: string;
  code: string;
  title: string;
  /** Absent for plain report lists (they carry no light). */
  light?: Light | undefined;
  lightReasons?: readonly LightReasonView[];
  /** Under the title: due date, period, unit, return reason… */
  meta?: ReactNode;
  /** Below the meta, in plain text: what a line to decide on carries (a report's figure, text and photos). */
  body?: ReactNode;
  /** Buttons on the right (they wrap below on a phone). */
  actions?: ReactNode;
}

/**
 * One workbench section: a titled card with its count and lines, or a helpful empty text. On a phone
 * the sections fold to their titles and counts (the HQ desk was 5,262 px tall), and a tap opens one;
 * `openOnPhone` keeps a section open there.
 */
export function WorkSection({ title, count, lines, empty, testId, openOnPhone = false }: { title: string; count: number; lines: Line[]; empty: string; testId: string; openOnPhone?: boolean }) {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const [open, setOpen] = useState<boolean | null>(null);
  const shown = !mobile || (open ?? openOnPhone);
  return (
    <Card
      size="small"
      data-testid={testId}
      data-open={shown}
      title={
        <Flex
          align="center"
          gap={8}
          role={mobile ? 'button' : undefined}
          aria-expanded={mobile ? shown : undefined}
          onClick={mobile ? () => setOpen(!shown) : undefined}
          style={mobile ? { cursor: 'pointer' } : undefined}
          data-testid={`${testId}-toggle`}
        >
          {mobile && <span aria-hidden>{shown ? '▾' : '▸'}</span>}
          <span>{title}</span>
          <Tag color={count ? 'processing' : 'default'} data-testid={`${testId}-count`}>
            {count}
          </Tag>
        </Flex>
      }
      styles={{ body: shown ? { paddingBlock: 4 } : { display: 'none' } }}
    >
      {!shown ? null : lines.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
      ) : (
        <List
          dataSource={lines}
          renderItem={(l) => (
            <List.Item key={l.key} data-testid={`${testId}-line`} data-item={l.itemId} data-key={l.key} style={{ flexWrap: 'wrap', gap: 8 }}>
              <Flex vertical gap={2} style={{ minWidth: 0, flex: '1 1 220px' }}>
                <Flex gap={6} align="center" wrap>
                  {l.light && <LightTag light={l.light} reasons={l.lightReasons ?? []} />}
                  <Tag style={{ marginInlineEnd: 0 }}>{t(`itemType.${l.itemType}`)}</Tag>
                  {/* elementtiming: the browser notes when each line's title is first painted (e2e/pwa.test.ts prints the first's). */}
                  <Link to={itemPath(l.itemType, l.itemId)} style={{ minWidth: 0, wordBreak: 'break-word' }} {...{ elementtiming: `${testId}-line` }}>
                    <Typography.Text type="secondary">{l.code}</Typography.Text> {l.title}
                  </Link>
                </Flex>
                {l.meta && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{l.meta}</Typography.Text>}
                {l.body}
              </Flex>
              {l.actions && <Flex gap={6} wrap>{l.actions}</Flex>}
            </List.Item>
          )}
        />
      )}
      {shown && count > lines.length && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('work.more', { n: count - lines.length })}
        </Typography.Text>
      )}
    </Card>
  );
}
