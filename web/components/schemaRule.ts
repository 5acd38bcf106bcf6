import type { FormRule } from 'antd';
import type { ZodType } from 'zod';
import type { Lang } from '../../domain/enums.js';
import { ruleText } from '../../domain/schemas/ruleMessages.js';

/**
 * An Ant Design form rule that runs the shared zod schema (domain/schemas), so the form refuses
 * what the server would. When the schema names its rule (domain/schemas/ruleMessages.ts) and the
 * field's label is given, the message says what is allowed, as the server's does ("完成进度须在0到100
 * 之间…"); otherwise it is `message`. Empty values pass (use `required` for those).
 */
export function schemaRule(schema: ZodType, message: string, said?: { label: string; lang: Lang }): FormRule {
  return {
    validator: async (_, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      const r = schema.safeParse(value);
      if (r.success) return;
      const text = said && ruleText(r.error.issues[0]?.message, said.lang);
      throw new Error(text ? `${said.label}${said.lang === 'zh-CN' ? '' : ' '}${text}` : message);
    },
  };
}
