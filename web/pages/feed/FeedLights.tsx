import { Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { lightsChanged } from '../../../domain/feedLights.js';
import type { Light } from '../../../domain/lights.js';
import type { FeedEvent } from '../../../domain/schemas/feed.js';
import { LIGHT_DOT } from '../../components/LightTag.js';
import type { I18n } from '../../i18n/I18nProvider.js';
import { useI18n } from '../../i18n/useI18n.js';

type Lights = NonNullable<FeedEvent['lights']>;

const COUNTED = ['red', 'yellow', 'recovered', 'done', 'other'] as const;

/** "灯色：3 项转红 · 1 项恢复": the counts that are not zero, worst first (the big screen shows this line alone). */
export function lightsText(t: I18n['t'], lights: Lights): string {
  const parts = COUNTED.filter((k) => lights[k] > 0).map((k) => t(`feed.lights.${k}`, { n: lights[k] }));
  return t('feed.lights', { changes: parts.length ? parts.join(' · ') : t('feed.lights.none') });
}

const Dot = ({ light }: { light: Light }) => <span style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 4, background: LIGHT_DOT[light] }} />;

/**
 * The lights an event's step changed: the counts, then (unless compact) the worst few items as links
 * to their pages, each with its light before and after.
 */
export function FeedLights({ lights, compact = false }: { lights: Lights; compact?: boolean }) {
  const { t } = useI18n();
  const total = lightsChanged(lights);
  return (
    <Flex vertical gap={2} data-testid="feed-lights" data-red={lights.red} data-yellow={lights.yellow} data-recovered={lights.recovered} data-done={lights.done}>
      <Typography.Text type="secondary">{lightsText(t, lights)}</Typography.Text>
      {!compact && lights.items.length > 0 && (
        <Flex wrap gap={12} align="center">
          {lights.items.map((i) => (
            <Link key={`${i.itemType}-${i.itemId}`} to={`/${i.itemType}s/${i.itemId}`} data-testid="feed-light-item" data-move={i.move}>
              <Flex gap={4} align="center" component="span">
                <Dot light={i.from} />→<Dot light={i.to} />
                <span>{[i.code, i.title].filter(Boolean).join(' ')}</span>
              </Flex>
            </Link>
          ))}
          {total > lights.items.length && <Typography.Text type="secondary">{t('feed.lights.all', { n: total })}</Typography.Text>}
        </Flex>
      )}
    </Flex>
  );
}
