// The scene the access matrix and the hostile-input tests share: six people plus the signed-out
// visitor, the council they are defined against, and one row per server action and route handler
// saying who may call it and how to make a valid call (see tests/e2e/access-matrix.spec.ts).
import { randomUUID } from "node:crypto";
import { expect } from "@playwright/test";
import { BASE, builtActions, Client, type ActionResult } from "./http-actions";
import { DELIBERATION_ACTIONS, DELIBERATION_ROUTES } from "./matrix-rows-deliberation";

export const PERSONAS = ["signedOut", "nonMember", "pending", "removed", "member", "otherFacilitator", "facilitator"] as const;
export type Persona = (typeof PERSONAS)[number];
export const SIGNED_IN = PERSONAS.filter((p) => p !== "signedOut");
export const FOREIGN_ORIGIN = "https://attacker.example";

export interface Person { client: Client; email: string; password: string; id: string }
export interface World {
  people: Record<Persona, Person | null>;
  /** The council the personas are defined against (approval to join, founded by the facilitator). */
  council: { id: string; slug: string };
  /** The other facilitator's own open council. */
  other: { id: string; slug: string };
}

export const unique = () => randomUUID().slice(0, 8);
let actionIds: Map<string, { id: string; pages: string[] }>;
let w: World;

// ————— calling things —————

function pagePath(pageModule: string, params: Record<string, string>): string {
  return pageModule.replace(/^app/, "").replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "").replace(/\[(\w+)\]/g, (_, p: string) => params[p] ?? "x") || "/";
}

export async function call(who: Persona | Client, action: string, fields: Record<string, string>, origin: string | null = BASE): Promise<ActionResult> {
  const entry = actionIds.get(action);
  if (!entry) throw new Error(`${action} is not in the build's server-reference manifest`);
  const client = who instanceof Client ? who : (w.people[who]?.client ?? anonymous());
  return client.action({ id: entry.id, page: pagePath(entry.pages[0]!, { slug: w?.council.slug || "x", id: "x", token: "x".repeat(32) }) }, fields, { origin });
}

let anon: Client | undefined;
export const anonymous = () => (anon ??= new Client("signed out", "198.51.100.200"));

/** Calls an action as its rightful user while building a scene; it must succeed. */
export async function must(who: Persona | Client, action: string, fields: Record<string, string>): Promise<ActionResult> {
  const r = await call(who, action, fields);
  if (!(r.redirect || r.state?.ok)) throw new Error(`setup: ${action} failed: ${r.status} ${JSON.stringify(r.state) ?? r.text.slice(0, 300)}`);
  return r;
}

export const idFrom = (redirect: string | undefined) => redirect!.split("/").pop()!;

export async function digest(): Promise<string> {
  return ((await (await fetch(`${BASE}/api/e2e/state`)).json()) as { digest: string }).digest;
}

export interface CouncilState {
  id: string;
  memberships: { id: string; userId: string; status: string; role: string; user: { email: string } }[];
  delegations: { id: string; holderId: string; endedAt: string | null; electedById: string | null }[];
}
export async function councilState(slug: string): Promise<CouncilState> {
  return (await (await fetch(`${BASE}/api/e2e/state?slug=${slug}`)).json()) as CouncilState;
}

// ————— scenes —————

export const CHARTER = { quorumPercent: "0", passThreshold: "SIMPLE_MAJORITY", votingPeriodHours: "24", ballotSecrecy: "OPEN" };

export async function foundCouncil(who: Persona, joinPolicy: string) {
  const slug = `matrix-${unique()}`;
  await must(who, "lib/councils/actions.ts#createCouncilAction", { name: `Matrix ${slug}`, slug, kind: "WORKERS", description: "", joinPolicy, ...CHARTER });
  return { id: (await councilState(slug)).id, slug };
}

/** A council founded by the facilitator; the member admitted, the pending member waiting, the removed member removed. */
export async function freshCouncil(): Promise<{ id: string; slug: string }> {
  const council = await foundCouncil("facilitator", "APPROVAL");
  for (const who of ["member", "pending", "removed"] as const) {
    await must(who, "lib/councils/actions.ts#joinCouncilAction", { councilId: council.id, slug: council.slug });
  }
  const membershipOf = async (who: Persona) => (await councilState(council.slug)).memberships.find((m) => m.user.email === w.people[who]!.email)!.id;
  const decide = async (who: Persona, decision: string) =>
    must("facilitator", "lib/councils/actions.ts#decideMembershipAction", { councilId: council.id, membershipId: await membershipOf(who), decision });
  await decide("member", "admit");
  await decide("removed", "admit");
  await decide("removed", "remove");
  return council;
}

export async function newProposal(open: boolean): Promise<string> {
  const r = await must("member", "lib/proposals/actions.ts#createProposalAction", { councilId: w.council.id, title: `Matrix motion ${unique()}`, body: "A motion made by the access matrix." });
  const id = idFrom(r.redirect);
  if (open) await must("member", "lib/proposals/actions.ts#openVotingAction", { proposalId: id, votingHours: "" });
  return id;
}

export async function newElection({ nominee, open }: { nominee?: Persona; open?: boolean } = {}): Promise<string> {
  const r = await must("member", "lib/elections/actions.ts#createElectionAction", { councilId: w.council.id, roleId: "", roleName: `Role ${unique()}`, seats: "1", termMonths: "6", body: "" });
  const id = idFrom(r.redirect);
  if (nominee) await must("member", "lib/elections/actions.ts#nominateAction", { proposalId: id, nomineeId: w.people[nominee]!.id });
  if (open) await must("member", "lib/proposals/actions.ts#openVotingAction", { proposalId: id, votingHours: "" });
  return id;
}

export async function expire(proposalId: string) {
  const res = await fetch(`${BASE}/api/e2e/expire-voting`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ proposalId }) });
  expect(res.ok).toBe(true);
}

/** A closed vote in the council, counted (the first read of its board counts it). */
export async function closedProposal(): Promise<string> {
  const id = await newProposal(true);
  await must("member", "lib/proposals/actions.ts#castVoteAction", { proposalId: id, choice: "YES" });
  await expire(id);
  expect((await w.people.member!.client.fetch(`/api/proposals/${id}/board.json`)).status).toBe(200);
  return id;
}

/** A delegation held by the member, elected unopposed. */
export async function newDelegation(): Promise<string> {
  const election = await newElection({ nominee: "member", open: true });
  await must("member", "lib/elections/actions.ts#castRankedVoteAction", { proposalId: election, [`rank_${w.people.member!.id}`]: "1" });
  await expire(election);
  expect((await w.people.member!.client.fetch(`/api/proposals/${election}/board.json`)).status).toBe(200);
  const d = (await councilState(w.council.slug)).delegations.find((x) => x.electedById === election);
  return d!.id;
}

let federationId: string | undefined;
export async function federation(): Promise<string> {
  if (federationId) return federationId;
  const slug = `matrix-fed-${unique()}`;
  await must("facilitator", "lib/federations/actions.ts#createFederationAction", { foundingCouncilId: w.council.id, name: `Federation ${slug}`, slug, description: "", weighting: "EQUAL", ...CHARTER });
  return (federationId = (await councilState(slug)).id);
}

// ————— the table —————

export interface ActionRow {
  allow: readonly Persona[];
  fields: (who: Persona) => Promise<Record<string, string>>;
  /** Allowed calls use the council up: give the row a council of its own. */
  fresh?: boolean;
  /** After an allowed call (e.g. sign in again with the new password). */
  after?: (who: Persona, fields: Record<string, string>) => Promise<void>;
}

export const newPassword = () => `matrix passphrase ${unique()}`;
/** Made once, on first use, and shared by the calls of a row. */
export const shared: { openProposal?: string; openElection?: string; closed?: string; deliberation?: string } = {};

export const ACTIONS: Record<string, ActionRow> = {
  "lib/auth/actions.ts#signUpAction": {
    allow: PERSONAS,
    fields: async () => ({ name: "Matrix Newcomer", email: `new-${unique()}@matrix.plenum`, password: newPassword() }),
  },
  "lib/auth/actions.ts#changePasswordAction": {
    allow: SIGNED_IN,
    fields: async (who) => {
      const next = newPassword();
      return { currentPassword: w.people[who]?.password ?? "whatever it was", newPassword: next, confirmPassword: next };
    },
    after: async (who, fields) => {
      const person = w.people[who]!;
      person.password = fields.newPassword!;
      await person.client.signIn(person.email, person.password); // every session ended: sign in again
    },
  },
  "lib/councils/actions.ts#createCouncilAction": {
    allow: SIGNED_IN,
    fields: async () => {
      const slug = `matrix-new-${unique()}`;
      return { name: `New ${slug}`, slug, kind: "ASSEMBLY", description: "", joinPolicy: "OPEN", ...CHARTER };
    },
  },
  "lib/councils/actions.ts#joinCouncilAction": {
    allow: ["nonMember", "otherFacilitator"], // a request to join; the pending, removed and members are refused
    fresh: true,
    fields: async () => ({ councilId: w.council.id, slug: w.council.slug }),
  },
  "lib/councils/actions.ts#leaveCouncilAction": {
    allow: ["pending", "member", "facilitator"], // the pending member withdraws the request
    fresh: true,
    fields: async () => ({ councilId: w.council.id, slug: w.council.slug }),
  },
  "lib/councils/actions.ts#decideMembershipAction": {
    allow: ["facilitator"],
    fresh: true,
    fields: async () => {
      const pending = (await councilState(w.council.slug)).memberships.find((m) => m.userId === w.people.pending!.id)!;
      return { councilId: w.council.id, membershipId: pending.id, decision: "admit" };
    },
  },
  "lib/councils/actions.ts#createInviteAction": {
    allow: ["facilitator"],
    fields: async () => ({ councilId: w.council.id }),
  },
  "lib/councils/actions.ts#acceptInviteAction": {
    // Anyone holding a link may use it, even someone removed (that is what invitations are for).
    allow: ["nonMember", "pending", "removed", "otherFacilitator"],
    fresh: true,
    fields: async () => {
      const r = await must("facilitator", "lib/councils/actions.ts#createInviteAction", { councilId: w.council.id });
      return { token: r.state!.values!.invitePath!.split("/").pop()! };
    },
  },
  "lib/proposals/actions.ts#createProposalAction": {
    allow: ["member", "facilitator"],
    fields: async () => ({ councilId: w.council.id, title: `Proposal ${unique()}`, body: "Shall the matrix pass?" }),
  },
  "lib/proposals/actions.ts#openVotingAction": {
    allow: ["member", "facilitator"], // the author and a facilitator
    fields: async () => ({ proposalId: await newProposal(false), votingHours: "" }),
  },
  "lib/proposals/actions.ts#withdrawProposalAction": {
    allow: ["member"], // the author only
    fields: async () => ({ proposalId: await newProposal(false) }),
  },
  "lib/proposals/actions.ts#castVoteAction": {
    allow: ["member", "facilitator"], // the electorate
    fields: async () => ({ proposalId: (shared.openProposal ??= await newProposal(true)), choice: "NO" }),
  },
  "lib/elections/actions.ts#createElectionAction": {
    allow: ["member", "facilitator"],
    fields: async () => ({ councilId: w.council.id, roleId: "", roleName: `Role ${unique()}`, seats: "1", termMonths: "12", body: "" }),
  },
  "lib/elections/actions.ts#nominateAction": {
    allow: ["member", "facilitator"],
    fields: async () => ({ proposalId: await newElection(), nomineeId: w.people.member!.id }),
  },
  "lib/elections/actions.ts#respondToNominationAction": {
    allow: ["facilitator"], // only the nominee answers
    fields: async () => ({ proposalId: await newElection({ nominee: "facilitator" }), accept: "yes" }),
  },
  "lib/elections/actions.ts#castRankedVoteAction": {
    allow: ["member", "facilitator"],
    fields: async () => {
      shared.openElection ??= await newElection({ nominee: "member", open: true });
      return { proposalId: shared.openElection, [`rank_${w.people.member!.id}`]: "1" };
    },
  },
  "lib/delegations/actions.ts#startRecallAction": {
    allow: ["member", "facilitator"],
    fields: async () => ({ delegationId: await newDelegation(), reason: "The matrix asks for a recall." }),
  },
  "lib/federations/actions.ts#createFederationAction": {
    allow: ["facilitator"], // a facilitator of the founding council
    fields: async () => {
      const slug = `matrix-fed-${unique()}`;
      return { foundingCouncilId: w.council.id, name: `Federation ${slug}`, slug, description: "", weighting: "EQUAL", ...CHARTER };
    },
  },
  "lib/federations/actions.ts#requestToJoinFederationAction": {
    allow: ["otherFacilitator"], // a facilitator of the council asking
    fields: async () => ({ federationId: await federation(), councilId: w.other.id }),
  },
  "lib/federations/actions.ts#createFederationMotionAction": {
    allow: ["member", "facilitator"], // members of the federation's member councils
    fields: async () => ({ federationId: await federation(), title: `Federation motion ${unique()}`, body: "A motion for every member council." }),
  },
  ...DELIBERATION_ACTIONS,
};

export interface RouteRow {
  /** Who gets a 200; everyone else a 401 (signed out) or 403/404. Null: not access-controlled here. */
  allow: readonly Persona[] | null;
  path?: () => Promise<string>;
  note?: string;
}

export const ROUTES: Record<string, RouteRow> = {
  "/api/me/export.json GET": { allow: SIGNED_IN, path: async () => "/api/me/export.json" },
  "/api/councils/[slug]/decisions.csv GET": { allow: ["member", "facilitator"], path: async () => `/api/councils/${w.council.slug}/decisions.csv` },
  "/api/proposals/[id]/board.json GET": { allow: ["member", "facilitator"], path: async () => `/api/proposals/${(shared.closed ??= await closedProposal())}/board.json` },
  "/api/proposals/[id]/board.csv GET": { allow: ["member", "facilitator"], path: async () => `/api/proposals/${(shared.closed ??= await closedProposal())}/board.csv` },
  "/api/auth/[...nextauth] GET": { allow: null, note: "next-auth's own endpoints: public by design; their POSTs need next-auth's CSRF token (tested below)" },
  "/api/auth/[...nextauth] POST": { allow: null, note: "as above" },
  "/api/e2e/expire-voting POST": { allow: null, note: "test hook: answers 404 unless the server runs with PLENUM_E2E_HOOKS=1 (scripts/e2e-server.ts)" },
  "/api/e2e/state GET": { allow: null, note: "test hook: as above" },
  ...DELIBERATION_ROUTES,
};


/** The people and councils every row is defined against; made once per test file. */
export function world(): World {
  return w;
}

/** Signs up and signs in the six people, founds the councils, and sets up the memberships. */
export async function buildWorld(): Promise<World> {
  actionIds = builtActions();
  // Spec files may share this module (one worker): what the last world made belongs to its councils.
  for (const key of Object.keys(shared) as (keyof typeof shared)[]) delete shared[key];
  const people = {} as Record<Persona, Person | null>;
  people.signedOut = null;
  let n = 0;
  for (const who of SIGNED_IN) {
    const client = new Client(who, `198.51.100.${++n}`);
    const email = `${who.toLowerCase()}-${unique()}@matrix.plenum`;
    const password = newPassword();
    const r = await client.action({ id: actionIds.get("lib/auth/actions.ts#signUpAction")!.id, page: "/signup" }, { name: `Matrix ${who}`, email, password });
    expect(r.state?.ok, `signing up ${who}: ${JSON.stringify(r.state)}`).toBe(true);
    await client.signIn(email, password);
    people[who] = { client, email, password, id: "" };
  }
  w = { people, council: { id: "", slug: "" }, other: { id: "", slug: "" } };
  w.other = await foundCouncil("otherFacilitator", "OPEN");
  w.council = await freshCouncil();
  for (const who of SIGNED_IN) {
    // Ids from the council's member list, or from a council each founds for the purpose.
    const m = (await councilState(w.council.slug)).memberships.find((x) => x.user.email === people[who]!.email);
    people[who]!.id = m?.userId ?? "";
  }
  for (const who of SIGNED_IN.filter((p) => !people[p]!.id)) {
    const own = await foundCouncil(who, "OPEN");
    people[who]!.id = (await councilState(own.slug)).memberships[0]!.userId;
  }
  return w;
}

/** The council rows act in; a row with `fresh` swaps in a council of its own while it runs. */
export function useCouncil(council: World["council"]) {
  const saved = w.council;
  w.council = council;
  return () => { w.council = saved; };
}
