import { Flex, Tag } from 'antd';
import { LIGHTS, type Light } from '../../domain/lights.js';
import type { LightCounts } from '../api/workTypes.js';
import { useI18n } from '../i18n/useI18n.js';
import { LIGHT_COLOR } from './LightTag.js';

/**
 * How many items have each light, as coloured tags. With `onSelect` each tag filters the list by
 * its light (a second click clears the filter); the selected one is outlined.
 */
export function LightCountTags({
  counts,
  selected,
  onSelect,
  testId = 'light-counts',
}: {
  counts: LightCounts | undefined;
  selected?: Light | undefined;
  onSelect?: (l: Light | undefined) => void;
  testId?: string;
}) {
  const { t } = useI18n();
  return (
    <Flex wrap gap={6} data-testid={testId}>
      {LIGHTS.map((l) => (
        <Tag
          key={l}
          color={LIGHT_COLOR[l]}
          onClick={onSelect ? () => onSelect(selected === l ? undefined : l) : undefined}
          style={{
            marginInlineEnd: 0,
            cursor: onSelect ? 'pointer' : 'default',
            outline: selected === l ? '2px solid #1a4fa0' : undefined,
            fontSize: 13,
            paddingInline: 8,
          }}
          data-testid={`${testId}-${l}`}
        >
          {/* While the counts load, a dash as the to-do counts show: a 0 would say there are none. */}
          {t(`light.${l}`)} <strong>{counts ? (counts[l] ?? 0) : '—'}</strong>
        </Tag>
      ))}
    </Flex>
  );
}
