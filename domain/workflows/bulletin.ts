import type { BulletinStatus } from '../bulletin.js';
import type { Flow } from './flow.js';

export const BULLETIN_ACTIONS = ['issue'] as const;
export type BulletinAction = (typeof BULLETIN_ACTIONS)[number];

/** 督查通报: a draft the inspector edits, issued (签发) once; an issued bulletin is frozen. */
export const bulletinFlow: Flow<BulletinStatus, BulletinAction> = {
  draft: { issue: { to: 'issued', by: ['inspector'] } },
};
