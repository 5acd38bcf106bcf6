import { hasRole } from './actor.js';
import { definePolicy } from './policy.js';

/**
 * The inbox: everyone signed in reads and marks their own messages (the scope keeps them to
 * their own: queries/reminders/inbox.ts inboxScope); there is nothing to allow per row.
 */
export const inboxPolicy = definePolicy({
  route: {
    read: (a) => a !== null,
    markRead: (a) => a !== null,
  },
});

/** The ladder, the channels and the delivery log are the HQ office's: it runs the program's chasing. */
export const notificationSettingsPolicy = definePolicy({
  route: {
    read: (a) => hasRole(a, 'hq_office'),
    update: (a) => hasRole(a, 'hq_office'),
    readLog: (a) => hasRole(a, 'hq_office'),
  },
});
