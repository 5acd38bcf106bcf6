import type { areas, programs } from '../../db/schema/index.js';

type YearGoal = { year: number; title: string; description: string };

export function presentProgram(p: typeof programs.$inferSelect) {
  return {
    id: p.id,
    regionId: p.regionId,
    code: p.code,
    name: p.name,
    startYear: p.startYear,
    endYear: p.endYear,
    yearGoals: (Array.isArray(p.yearGoals) ? (p.yearGoals as YearGoal[]) : []).map((g) => ({ year: g.year, title: g.title, description: g.description ?? '' })),
    version: p.version,
    createdAt: p.createdAt.toISOString(),
  };
}

export function presentArea(a: typeof areas.$inferSelect) {
  return { id: a.id, programId: a.programId, code: a.code, name: a.name, sort: a.sort };
}
