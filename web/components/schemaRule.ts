import type { FormRule } from 'antd';
import type { ZodType } from 'zod';

/**
 * An Ant Design form rule that runs the shared zod schema (domain/schemas), so the form refuses
 * what the server would; the message is ours, in the user's language. Empty values pass (use
 * `required` for those).
 */
export function schemaRule(schema: ZodType, message: string): FormRule {
  return {
    validator: async (_, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      if (!schema.safeParse(value).success) throw new Error(message);
    },
  };
}
