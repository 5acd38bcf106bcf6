/** What a field visit's finding became: a blocker held at the task force, or an item followed up to reply. */
export const FINDING_OUTCOMES = ['blocker', 'follow_up'] as const;
export type FindingOutcome = (typeof FINDING_OUTCOMES)[number];

/** Most findings one visit records, and photos it keeps. */
export const VISIT_MAX_FINDINGS = 30;
export const VISIT_MAX_PHOTOS = 30;
