import type { articles } from '../db/schema/index.js';

export type ArticleRow = typeof articles.$inferSelect;

/** An article as its readers see it: the row and its author's name. */
export interface ArticleView {
  article: ArticleRow;
  authorName: string | null;
}

/** One area's items counted by stored light (the dashboard's roll-up, the whole district). */
export interface AreaLights {
  name: string;
  lights: { light: string; n: number }[];
}
