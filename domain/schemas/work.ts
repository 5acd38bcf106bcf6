import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { LIGHTS } from '../lights.js';
import { PageInfo, Version } from './common.js';
import { rule, type RuleKey } from './ruleMessages.js';

/**
 * Exact decimals travel as strings: a JSON number would pass through floating point. Each accepts
 * what its column holds, e.g. money numeric(18,2) in 万元.
 */
const decimalString = (intDigits: number, scale: number, signed: boolean, says: RuleKey) =>
  z
    .string(rule(says))
    .trim()
    .regex(new RegExp(`^${signed ? '-?' : ''}\\d{1,${intDigits}}(\\.\\d{1,${scale}})?$`), rule(says));

/** 万元, two decimals, never negative. */
export const Money = decimalString(16, 2, false, 'money');
/** A target's baseline, goal, expected or actual value: four decimals, may be negative (a change rate). */
export const TargetValue = decimalString(16, 4, true, 'decimal');
/** A task's weight among its siblings: positive. */
export const Weight = decimalString(6, 4, false, 'weight').refine((s) => /[1-9]/.test(s), rule('weight'));

export const Year = z.number().int().min(2000).max(2100);
export const Title = z.string().trim().min(1).max(200);
export const LongText = z.string().trim().max(LIMITS.text);
export const Reason = z.string().trim().min(1).max(LIMITS.reason);
export const Policies = z.record(z.string(), z.boolean());

export const Light = z.enum(LIGHTS);
/** A light's reason: the raw code and parameters, and the sentence in the request's language. */
export const LightReason = z.object({
  code: z.string(),
  level: z.enum(['green', 'yellow', 'red']),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  text: z.string(),
});
export const LightCounts = z.object({ green: z.number(), yellow: z.number(), red: z.number(), done: z.number(), not_started: z.number() });

/** `{ data, page, counts, policies }`: a page of items and how many of the whole filtered set have each light. */
export const lightListResponse = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), page: PageInfo, counts: LightCounts, policies: Policies });

/** Every workflow step carries the version the client saw, so a step on a stale view is refused (409). */
export const StepBody = z.strictObject({ version: Version });
