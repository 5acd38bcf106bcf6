import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { ROLE_LABELS } from '../../../domain/labels.js';
import { roleCodes, useCurrentUser } from '../../auth/CurrentUser.js';
import { RoleTags } from '../../components/RoleTags.js';
import { useI18n } from '../../i18n/useI18n.js';
import { labelOf } from '../../i18n/translate.js';
import { WORK_ROLES } from '../../nav.js';
import { LightTotals } from '../overview/LightTotals.js';
import { FeedCard } from '../feed/FeedCard.js';
import { HomeTodo } from './HomeTodo.js';
import { LeaderDesk } from './LeaderDesk.js';
import { SystemStatusCard } from './SystemStatusCard.js';
import { OversightHomeCard } from '../oversight/OversightHomeCard.js';
import { PromiseSummaryCard } from '../promises/PromiseSummaryCard.js';
import { ResponseRequestsHomeCard } from '../promises/ResponseRequestsHomeCard.js';

/** 工作台: what waits for the user, how the work stands (program roles), who they are here and what each of their roles does. */
export function HomePage() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const roles = roleCodes(me);
  const inProgram = roles.some((r) => WORK_ROLES.includes(r));
  return (
    <Flex vertical gap={16}>
      <HomeTodo />
      {roles.includes('sysadmin') && <SystemStatusCard />}
      {(roles.includes('leader') || roles.includes('hq_office')) && <LeaderDesk />}
      {(roles.includes('leader') || roles.includes('hq_office')) && <FeedCard />}
      {roles.includes('oversight') && <OversightHomeCard />}
      {(roles.includes('liaison') || roles.includes('unit_head')) && <ResponseRequestsHomeCard />}
      {(roles.includes('leader') || roles.includes('hq_office') || roles.includes('oversight')) && <PromiseSummaryCard />}
      {inProgram && (
        <Flex vertical gap={8} data-testid="home-standing">
          <Flex justify="space-between" align="baseline">
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('home.standing')}
            </Typography.Title>
            <Link to="/overview">{t('menu.overview')}</Link>
          </Flex>
          <LightTotals />
        </Flex>
      )}
      <WelcomeCard />
    </Flex>
  );
}

/** Who the user is here and what each of their roles does. */
function WelcomeCard() {
  const { t, lang } = useI18n();
  const me = useCurrentUser();
  const scopes = me.roles.filter((r) => r.scopeName);
  return (
    <Card data-testid="welcome-card" title={t('home.welcome', { name: me.displayName })}>
      <Descriptions column={{ xs: 1, sm: 1, md: 2 }} size="small" bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('home.post')}>{me.displayName}</Descriptions.Item>
        <Descriptions.Item label={t('home.unit')}>{me.unit?.name ?? t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('home.account')}>
          {me.account}
          {me.totpEnabled && (
            <Tag icon={<SafetyCertificateOutlined />} color="green" style={{ marginInlineStart: 8 }}>
              {t('home.totpOn')}
            </Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('home.roles')}>
          <RoleTags roles={me.roles} />
          {scopes.map((r, i) => (
            <Typography.Text key={i} type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {labelOf(ROLE_LABELS, r.role, lang)} · {t('home.scope', { scope: r.scopeName ?? '' })}
            </Typography.Text>
          ))}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('home.duties')}
      </Typography.Title>
      <Flex vertical data-testid="role-duties">
        {roleCodes(me).map((role) => (
          <div key={role} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
            <Typography.Text strong>{labelOf(ROLE_LABELS, role, lang)}</Typography.Text>
            {lang === 'zh-CN' ? '：' : ': '}
            {t(`duty.${role}`)}
          </div>
        ))}
      </Flex>
    </Card>
  );
}
