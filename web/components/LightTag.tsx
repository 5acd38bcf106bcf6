import { Flex, Tag, Tooltip, Typography } from 'antd';
import type { Light } from '../../domain/lights.js';
import type { LightReasonView } from '../api/workTypes.js';
import { useI18n } from '../i18n/useI18n.js';
import { useIsMobile } from './useIsMobile.js';

/** Tag colours per light; "done" is blue so it never reads as a green "on track". */
export const LIGHT_COLOR: Record<Light, string> = { green: 'green', yellow: 'gold', red: 'red', done: 'blue', not_started: 'default' };
/** Dot colours (solid) for the same lights. */
export const LIGHT_DOT: Record<Light, string> = { green: '#389e0d', yellow: '#d4b106', red: '#cf1322', done: '#1a4fa0', not_started: '#bfbfbf' };

/** The reasons of a light as short lines, each with its own colour dot. */
export function LightReasons({ reasons, testId }: { reasons: readonly LightReasonView[]; testId?: string }) {
  return (
    <Flex vertical gap={2} data-testid={testId}>
      {reasons.map((r, i) => (
        <span key={i}>
          <span style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 4, background: LIGHT_DOT[r.level], marginInlineEnd: 6 }} />
          {r.text}
        </span>
      ))}
    </Flex>
  );
}

/**
 * A light as a coloured tag; its reasons show on hover (and on tap, on a phone). With `inlineOnPhone`
 * (a list's card) a phone shows the reasons written out under the tag: it has no hover.
 */
export function LightTag({ light, reasons = [], testId, inlineOnPhone = false }: { light: Light; reasons?: readonly LightReasonView[]; testId?: string; inlineOnPhone?: boolean }) {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const tag = (
    <Tag color={LIGHT_COLOR[light]} style={{ marginInlineEnd: 0, cursor: reasons.length ? 'help' : undefined }} data-testid={testId} data-light={light}>
      <span style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 4, background: LIGHT_DOT[light], marginInlineEnd: 4 }} />
      {t(`light.${light}`)}
    </Tag>
  );
  if (!reasons.length) return tag;
  if (inlineOnPhone && mobile) {
    return (
      <Flex vertical align="flex-end" gap={2}>
        {tag}
        <Typography.Text type="secondary" style={{ fontSize: 12, textAlign: 'right' }} data-testid="light-reasons-inline">
          {reasons.map((r) => r.text).join('；')}
        </Typography.Text>
      </Flex>
    );
  }
  return (
    <Tooltip
      trigger={['hover', 'click']}
      title={
        <div>
          <Typography.Text strong style={{ color: 'inherit' }}>
            {t('light.reasons')}
          </Typography.Text>
          {reasons.map((r, i) => (
            <div key={i}>· {r.text}</div>
          ))}
        </div>
      }
    >
      {tag}
    </Tooltip>
  );
}
