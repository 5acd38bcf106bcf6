import type { DigestItem } from '../../domain/reminders/digest.js';
import type { SmtpSecurity } from '../../domain/schemas/smtpChannel.js';

/** One inbox message as read: the message, its notice when it is one, and the names of the units its lines name. */
export interface InboxRow {
  message: { id: string; userId: string; kind: string; sourceKey: string; day: string; items: DigestItem[]; noticeId: string | null; createdAt: Date; readAt: Date | null };
  notice: { id: string; kind: string; colour: string; docNumber: string; subjectType: string; subjectId: string; subjectTitle: string; replyBy: string; status: string } | null;
  unitNames: ReadonlyMap<string, string>;
}

/** One line of the delivery log. */
export interface DeliveryRow {
  delivery: { id: string; notificationId: string; channel: string; recipient: string | null; status: string; attempts: number; lastError: string | null; createdAt: Date; sentAt: Date | null };
  message: { id: string; kind: string; day: string; userId: string; items: DigestItem[]; readAt: Date | null };
  userName: string;
  unitName: string | null;
}

/** The mail server as stored, password included: the sender and the settings command read it; it is presented without the password. */
export interface StoredSmtp {
  enabled: boolean;
  host: string;
  port: number;
  security: SmtpSecurity;
  username: string | null;
  password: string | null;
  fromAddress: string;
}
