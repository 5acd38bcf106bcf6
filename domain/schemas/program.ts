import { z } from 'zod';
import { Code, Id, Name, PageQuery, Version } from './common.js';
import { LongText, Year } from './work.js';

/** A year's goal of the program; year one's is 首战告捷. */
export const YearGoal = z.strictObject({ year: Year, title: Name, description: LongText.default('') });

type YearsInput = { startYear?: number | undefined; endYear?: number | undefined; yearGoals?: { year: number }[] | undefined };

/** Years in order, at most ten of them, and one goal per year inside the program's years. */
function checkYears(p: YearsInput, ctx: z.RefinementCtx) {
  if (p.startYear !== undefined && p.endYear !== undefined && (p.endYear < p.startYear || p.endYear - p.startYear > 9)) {
    ctx.addIssue({ code: 'custom', path: ['endYear'], message: 'range' });
  }
  const seen = new Set<number>();
  (p.yearGoals ?? []).forEach((g, i) => {
    const outside = (p.startYear !== undefined && g.year < p.startYear) || (p.endYear !== undefined && g.year > p.endYear);
    if (outside || seen.has(g.year)) ctx.addIssue({ code: 'custom', path: ['yearGoals', i, 'year'], message: 'year' });
    seen.add(g.year);
  });
}

export const ProgramCreate = z
  .strictObject({ code: Code, name: Name, startYear: Year, endYear: Year, yearGoals: z.array(YearGoal).max(10).default([]), regionId: Id.optional() })
  .superRefine(checkYears);
export const ProgramUpdate = z
  .strictObject({ version: Version, code: Code.optional(), name: Name.optional(), startYear: Year.optional(), endYear: Year.optional(), yearGoals: z.array(YearGoal).max(10).optional() })
  .superRefine(checkYears);

export const Program = z.object({
  id: Id,
  regionId: Id,
  code: z.string(),
  name: z.string(),
  startYear: z.number(),
  endYear: z.number(),
  yearGoals: z.array(z.object({ year: z.number(), title: z.string(), description: z.string() })),
  version: z.number(),
  createdAt: z.string(),
});
export type Program = z.infer<typeof Program>;
export const ProgramListQuery = PageQuery;

/** 重点领域 */
export const AreaCreate = z.strictObject({ code: Code, name: Name, sort: z.number().int().min(0).max(100000).optional() });
export const Area = z.object({ id: Id, programId: Id, code: z.string(), name: z.string(), sort: z.number() });
export type Area = z.infer<typeof Area>;
