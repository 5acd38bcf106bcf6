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
 * The password rules as a live checklist (same check as the server, with the default policy). It
 * guides only: the server applies the security policy in force and answers per field.
 */
export function PasswordRules({ password, account, current }: { password: string; account: string; current: string }) {
  const { t } = useI18n();
  const problems = passwordProblems(password, account, DEFAULT_SECURITY_POLICY);
  return (
    <div data-testid="password-rules" style={{ background: '#f7f9fc', borderRadius: 6, padding: '8px 12px', marginBottom: 16 }}>
      <Typography.Text strong>{t('password.rulesTitle')}</Typography.Text>
      {RULES.map((r) => {
        return <Rule key={r.key} ok={password.length > 0 && !problems.includes(r.problem)} text={t(r.key)} />;
      })}
      <Rule ok={password.length > 0 && password !== current} text={t('password.ruleDiffer')} />
    </div>
  );
}
