// Access-matrix rows for deliberation and staying informed (issue 5): comments, amendments, charter
// changes, notifications, settings, the calendar address and unsubscribing. Spread into ACTIONS and
// ROUTES in matrix-world.ts; the helpers they use live there.
import { signToken } from "@/lib/notifications/tokens";
import { BASE } from "./http-actions";
// matrix-world.ts imports this file: only use its values inside functions (they are not set yet
// while this module is evaluated), and spell out persona lists here.
import { must, newProposal, shared, unique, world, type ActionRow, type Persona, type RouteRow } from "./matrix-world";

const SIGNED_IN: readonly Persona[] = ["nonMember", "pending", "removed", "member", "otherFacilitator", "facilitator"];
const EVERYONE: readonly Persona[] = ["signedOut", ...SIGNED_IN];

/** The secret scripts/e2e-server.ts gives the server: unsubscribe links are signed with it. */
const E2E_SECRET = "e2e-secret-that-is-long-enough-0123456789";

async function state<T>(query: string): Promise<T> {
  return (await (await fetch(`${BASE}/api/e2e/state?${query}`)).json()) as T;
}

/** A comment the member just posted on a motion in deliberation: only they may edit it. */
async function membersComment(): Promise<string> {
  const proposalId = (shared.deliberation ??= await newProposal(false));
  await must("member", "lib/comments/actions.ts#postCommentAction", { proposalId, parentId: "", body: `A comment by the matrix ${unique()}.` });
  const comments = await state<{ id: string; authorId: string }[]>(`comments=${proposalId}`);
  return comments.filter((c) => c.authorId === world().people.member!.id).at(-1)!.id;
}

/** The facilitator's notifications and emails: the pending member's request to join is one. */
async function facilitatorsMail(): Promise<{ notifications: string[]; emails: string[] }> {
  expect200(await fetch(`${BASE}/api/e2e/notify`, { method: "POST" }));
  return state(`user=${world().people.facilitator!.id}`);
}

function expect200(res: Response) {
  if (!res.ok) throw new Error(`setup: ${res.url} answered ${res.status}`);
}

export const DELIBERATION_ACTIONS: Record<string, ActionRow> = {
  "lib/comments/actions.ts#postCommentAction": {
    allow: ["member", "facilitator"],
    fields: async () => ({ proposalId: (shared.deliberation ??= await newProposal(false)), parentId: "", body: "What does the matrix think?" }),
  },
  "lib/comments/actions.ts#editCommentAction": {
    allow: ["member"], // the author, within the edit window
    fields: async () => ({ commentId: await membersComment(), body: "The matrix changed its mind." }),
  },
  "lib/comments/actions.ts#hideCommentAction": {
    allow: ["facilitator"], // a facilitator of the council, with a reason
    fields: async () => ({ commentId: await membersComment(), reason: "Off topic for this motion." }),
  },
  "lib/amendments/actions.ts#proposeAmendmentAction": {
    allow: ["member", "facilitator"],
    fields: async () => ({ proposalId: await newProposal(false), summary: "Say it differently", body: "A motion made by the access matrix, amended." }),
  },
  "lib/charters/actions.ts#proposeCharterChangeAction": {
    allow: ["member", "facilitator"],
    fields: async () => ({ councilId: world().council.id, title: `Charter change ${unique()}`, body: "A lower quorum, proposed by the matrix.", quorumPercent: "10" }),
  },
  "lib/notifications/actions.ts#markReadAction": {
    allow: ["facilitator"], // only one's own notifications
    fields: async () => ({ id: (await facilitatorsMail()).notifications[0]! }),
  },
  "lib/notifications/actions.ts#markAllReadAction": { allow: SIGNED_IN, fields: async () => ({}) },
  "lib/notifications/actions.ts#saveSettingsAction": { allow: SIGNED_IN, fields: async () => ({ digest: "on" }) },
  "lib/notifications/actions.ts#resetCalendarAction": { allow: SIGNED_IN, fields: async () => ({}) },
  "lib/notifications/actions.ts#revokeCalendarAction": { allow: SIGNED_IN, fields: async () => ({}) },
  "lib/notifications/actions.ts#unsubscribeAction": {
    allow: EVERYONE, // whoever holds the signed link: no sign-in, the token is the authority
    fields: async () => ({ token: signToken("unsubscribe", (await facilitatorsMail()).emails[0]!, E2E_SECRET) }),
  },
};

export const DELIBERATION_ROUTES: Record<string, RouteRow> = {
  "/api/proposals/[id]/live GET": { allow: ["member", "facilitator"], path: async () => `/api/proposals/${(shared.openProposal ??= await newProposal(true))}/live` },
  "/api/calendar/[file] GET": { allow: null, note: "no sign-in: the signed, revocable token in the address is the authority (tests/integration/staying-current.test.ts)" },
  "/api/unsubscribe/[token] GET": { allow: null, note: "changes nothing: leads to the unsubscribe page" },
  "/api/unsubscribe/[token] POST": { allow: null, note: "one-click unsubscribe (RFC 8058): the signed token is the authority (tests/integration/notifications.test.ts)" },
  "/api/e2e/notify POST": { allow: null, note: "test hook: answers 404 unless the server runs with PLENUM_E2E_HOOKS=1" },
};
