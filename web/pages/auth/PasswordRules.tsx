import { Flex, Typography } from 'antd';
import { CheckCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { passwordProblems, type PasswordProblem } from '../../../domain/password.js';
import { DEFAULT_SECURITY_POLICY } from '../../../domain/securityPolicy.js';
import { useI18n } from '../../i18n/useI18n.js';
import type { MessageKey } from '../../i18n/translate.js';

const RULES: { key: MessageKey; problem: PasswordProblem }[] = [
  { key: 'password.ruleLength', problem: 'too_short' },
  { key: 'password.ruleClasses', problem: 'too_few_classes' },
  { key: 'password.ruleAccount', problem: 'equals_account' },
];

function Rule({ ok, text }: { ok: boolean; text: string }) {
  return (
    <Flex gap={8} align="center">
      {ok ? <CheckCircleFilled style={{ color: '#2e9e4f' }} /> : <MinusCircleOutlined style={{ color: '#999' }} />}
      <Typography.Text type={ok ? 'success' : 'secondary'}>{text}</Typography.Text>
    </Flex>
  );
}

/**
 * The password rules as a live checklist: the server's own check, with the rules in force that
 * /api/me reports (the secadmin may have tightened them). The server still decides, per field.
 */
export function PasswordRules({ password, account, current, rules }: { password: string; account: string; current: string; rules: { minLength: number; minClasses: number } }) {
  const { t } = useI18n();
  const policy = { ...DEFAULT_SECURITY_POLICY, passwordMinLength: rules.minLength, passwordMinClasses: rules.minClasses };
  const problems = passwordProblems(password, account, policy);
  const n: Partial<Record<MessageKey, number>> = { 'password.ruleLength': rules.minLength, 'password.ruleClasses': rules.minClasses };
  return (
    <div data-testid="password-rules" style={{ background: '#f7f9fc', borderRadius: 6, padding: '8px 12px', marginBottom: 16 }}>
      <Typography.Text strong>{t('password.rulesTitle')}</Typography.Text>
      {RULES.map((r) => {
        return <Rule key={r.key} ok={password.length > 0 && !problems.includes(r.problem)} text={t(r.key, { n: n[r.key] ?? '' })} />;
      })}
      <Rule ok={password.length > 0 && password !== current} text={t('password.ruleDiffer')} />
    </div>
  );
}
