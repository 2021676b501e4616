// The kinds of notification, in the order the settings page lists them, with the words people see.
// Pure: shared by the dispatcher, the settings form and the emails.
import type { NotificationKind } from "../generated/prisma/enums";

export const NOTIFICATION_KINDS = [
  "VOTING_OPENED", "VOTE_CLOSING", "RESULT_PUBLISHED", "JOIN_REQUEST", "MEMBERSHIP_ADMITTED", "NOMINATED", "RECALL_STARTED",
] as const satisfies readonly NotificationKind[];

export const KIND_LABEL: Record<NotificationKind, string> = {
  VOTING_OPENED: "Voting opened",
  VOTE_CLOSING: "A vote closes in 24 hours and you have not voted",
  RESULT_PUBLISHED: "A result was published",
  JOIN_REQUEST: "Someone asks to join a council you facilitate",
  MEMBERSHIP_ADMITTED: "You were admitted to a council",
  NOMINATED: "You were nominated in an election",
  RECALL_STARTED: "A recall was started against you",
};

/** What one member wants: no settings row means everything, in-app and by email, one email each. */
export interface Preferences {
  inAppOff: readonly NotificationKind[];
  emailOff: readonly NotificationKind[];
  digest: boolean;
}

export const DEFAULT_PREFERENCES: Preferences = { inAppOff: [], emailOff: [], digest: false };

/** How a notification of this kind reaches this member: in the app, by email now, in the digest. */
export function routeFor(kind: NotificationKind, p: Preferences) {
  const inApp = !p.inAppOff.includes(kind);
  const email = !p.emailOff.includes(kind);
  return { inApp, email: email && !p.digest, digest: email && p.digest, any: inApp || email };
}
