import { Card, Col, Flex, Row, Skeleton, Tabs, Tag, Typography } from 'antd';
import { BODY_KINDS, UNIT_KINDS } from '../../../domain/enums.js';
import { UNIT_KIND_LABELS } from '../../../domain/labels.js';
import { useBodies, useUnits } from '../../api/hooks.js';
import type { Body, Unit } from '../../api/types.js';
import { LoadError } from '../../components/LoadError.js';
import { useI18n } from '../../i18n/useI18n.js';
import { labelOf } from '../../i18n/translate.js';
import { BodyCard } from './BodyCard.js';

const byKindThenName = (a: Body, b: Body) => BODY_KINDS.indexOf(a.kind) - BODY_KINDS.indexOf(b.kind) || a.code.localeCompare(b.code);

function Bodies() {
  const bodies = useBodies();
  if (bodies.isPending) return <Skeleton active />;
  if (bodies.isError) return <LoadError error={bodies.error} onRetry={() => void bodies.refetch()} />;
  const sorted = [...bodies.data.data].sort(byKindThenName);
  return (
    <Row gutter={[16, 16]}>
      {sorted.map((b) => (
        <Col key={b.id} xs={24} xl={b.kind === 'leading_group' ? 24 : 12}>
          <BodyCard body={b} />
        </Col>
      ))}
    </Row>
  );
}

function Units() {
  const { t, lang } = useI18n();
  const units = useUnits();
  if (units.isPending) return <Skeleton active />;
  if (units.isError) return <LoadError error={units.error} onRetry={() => void units.refetch()} />;
  const active = units.data.data.filter((u) => !u.disabled);
  const groups = UNIT_KINDS.map((kind) => ({ kind, units: active.filter((u) => u.kind === kind).sort((a: Unit, b: Unit) => a.sort - b.sort) })).filter((g) => g.units.length);
  return (
    <Flex vertical gap={16}>
      {groups.map((g) => (
        <Card
          key={g.kind}
          size="small"
          data-testid={`units-${g.kind}`}
          title={
            <>
              {labelOf(UNIT_KIND_LABELS, g.kind, lang)} <Typography.Text type="secondary">{t('org.unitCount', { count: g.units.length })}</Typography.Text>
            </>
          }
        >
          <Flex wrap gap={8}>
            {g.units.map((u) => (
              <Tag key={u.id} style={{ marginInlineEnd: 0, padding: '2px 8px' }}>
                {u.name}
              </Tag>
            ))}
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}

/** 组织架构: the coordinating bodies with their members, and the units by kind (read-only, every role). */
export function OrgStructurePage() {
  const { t } = useI18n();
  return (
    <Card title={t('org.title')}>
      <Tabs
        items={[
          { key: 'bodies', label: t('org.bodies'), children: <Bodies /> },
          { key: 'units', label: t('org.units'), children: <Units /> },
        ]}
      />
    </Card>
  );
}
