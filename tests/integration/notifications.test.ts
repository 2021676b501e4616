// Notifications on the real database: who is told what when the dispatcher reads the sealed audit
// log (facilitators only for join requests, never the actor about their own action), the 24-hour
// reminder, per-kind settings and the digest, and the email outbox's retries and recorded failures.
// Email goes through a real local SMTP server (smtp-server) and the test reads what arrived.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, onPostgres, type TestDatabase } from "../support/db";
import { expireVoting, makeCouncil, makeCouncilWithMembers, makeOpenProposal, makeUser } from "../support/factories";
import { startMailCatcher, type Catcher } from "../support/smtp";
import { appendAudit, sealAuditLog } from "@/lib/audit/log";
import { decideMembership, joinCouncil } from "@/lib/councils/service";
import { castRankedVote, createElection, nominate } from "@/lib/elections/service";
import { startRecall } from "@/lib/delegations/service";
import { closeProposal, openVoting } from "@/lib/proposals/service";
import { castVote } from "@/lib/voting/service";
import { dispatchNotifications, remindClosingVotes, sendDigests } from "@/lib/notifications/dispatch";
import { deliver } from "@/lib/notifications/deliver";
import { createTransport, MAX_ATTEMPTS, NOT_CONFIGURED, sendQueuedEmails } from "@/lib/notifications/mail";
import { countUnread, findNotificationExport, listNotifications, markAllRead, markRead, savePreferences } from "@/lib/notifications/service";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { POST as unsubscribePost } from "@/app/api/unsubscribe/[token]/route";

let t: TestDatabase;
let mail: Catcher;
beforeAll(async () => {
  t = await createTestDatabase();
  mail = await startMailCatcher();
  // Route handlers use the app's client: point it at this test's database.
  (globalThis as { plenumDb?: Promise<unknown> }).plenumDb = Promise.resolve(t.db);
});
afterAll(async () => {
  await mail?.close();
  await t?.dispose();
});

const FROM = "Plenum <plenum@test.plenum>";
const smtp = () => createTransport({ url: mail.url, from: FROM });

/** What each member was told, by kind, since the last call (everything is dispatched first). */
async function told(userIds: string[], kind: NotificationKind) {
  await dispatchNotifications(t.db);
  const rows = await t.db.notification.findMany({ where: { userId: { in: userIds }, kind }, select: { userId: true } });
  return rows.map((r) => r.userId);
}

/** Clear the outbox between tests so each sees only its own emails. */
beforeEach(async () => {
  await dispatchNotifications(t.db);
  await t.db.email.updateMany({ where: { status: "QUEUED" }, data: { status: "SKIPPED", lastError: "earlier test" } });
});

describe("fan-out", () => {
  it("tells the electorate that voting opened, except the member who opened it and later joiners", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 3);
    const [opener, ...others] = members as [string, ...string[]];
    const proposal = await makeOpenProposal(t.db, council.id, opener);
    const late = await makeUser(t.db);
    await joinCouncil(t.db, { councilId: council.id, userId: late.id });
    expect((await told([...members, late.id], "VOTING_OPENED")).sort()).toEqual([...others].sort());
    const [n] = (await listNotifications(t.db, { userId: others[0]! })).notifications;
    expect(n).toMatchObject({ kind: "VOTING_OPENED", url: `/proposals/${proposal.id}`, readAt: null });
    expect(n!.title).toContain(proposal.title);
  });

  it("tells the electorate that a result was published, the opener included", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 2);
    const proposal = await makeOpenProposal(t.db, council.id, members[0]!);
    for (const m of members) await castVote(t.db, { proposalId: proposal.id, userId: m, choice: "YES" });
    await t.db.proposal.update({ where: { id: proposal.id }, data: { votingClosesAt: new Date(Date.now() - 1000) } });
    await closeProposal(t.db, proposal.id);
    expect((await told(members, "RESULT_PUBLISHED")).sort()).toEqual([...members].sort());
    const n = await t.db.notification.findFirstOrThrow({ where: { userId: members[1]!, kind: "RESULT_PUBLISHED" } });
    expect(n.title).toMatch(/passed/);
  });

  it("tells only the council's facilitators of a join request, and the requester when admitted", async () => {
    const { council, founderId } = await makeCouncil(t.db, { joinPolicy: "OPEN" });
    const member = await makeUser(t.db);
    await joinCouncil(t.db, { councilId: council.id, userId: member.id });
    await t.db.charter.updateMany({ where: { councilId: council.id }, data: { joinPolicy: "APPROVAL" } }); // set-up: as if a charter change had passed
    const asker = await makeUser(t.db, "Asker Ashby");
    const request = await joinCouncil(t.db, { councilId: council.id, userId: asker.id });
    expect(await told([founderId, member.id, asker.id], "JOIN_REQUEST")).toEqual([founderId]);
    expect((await t.db.notification.findFirstOrThrow({ where: { userId: founderId, kind: "JOIN_REQUEST" } })).title).toBe(`Asker Ashby asks to join ${council.name}`);
    await decideMembership(t.db, { councilId: council.id, membershipId: request.id, actorId: founderId, decision: "admit" });
    expect(await told([founderId, member.id, asker.id], "MEMBERSHIP_ADMITTED")).toEqual([asker.id]);
  });

  it("tells a nominee nominated by someone else, not one who nominated themselves", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 2);
    const [a, b, c] = members as [string, string, string];
    const election = await createElection(t.db, { councilId: council.id, authorId: a, roleName: "Treasurer", seats: 1, termMonths: 6, body: "" });
    await nominate(t.db, { proposalId: election.id, nomineeId: b, actorId: a });
    await nominate(t.db, { proposalId: election.id, nomineeId: c, actorId: c });
    expect(await told(members, "NOMINATED")).toEqual([b]);
    expect((await t.db.notification.findFirstOrThrow({ where: { userId: b, kind: "NOMINATED" } })).title).toMatch(/“Treasurer”/);
  });

  it("tells the holder when a recall is started against them", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 2);
    const [a, b, c] = members as [string, string, string];
    const election = await createElection(t.db, { councilId: council.id, authorId: a, roleName: "Buyer", seats: 1, termMonths: 6, body: "" });
    await nominate(t.db, { proposalId: election.id, nomineeId: b, actorId: b });
    await openVoting(t.db, { proposalId: election.id, actorId: a });
    for (const m of members) await castRankedVote(t.db, { proposalId: election.id, userId: m, ranking: [b] });
    await t.db.proposal.update({ where: { id: election.id }, data: { votingClosesAt: new Date(Date.now() - 1000) } });
    await closeProposal(t.db, election.id);
    const seat = await t.db.delegation.findFirstOrThrow({ where: { roleId: election.roleId!, holderId: b } });
    await startRecall(t.db, { delegationId: seat.id, actorId: c, reason: "Missed every meeting." });
    expect(await told(members, "RECALL_STARTED")).toEqual([b]);
  });

  it("derives each entry once, however often it runs, and only from sealed entries", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 2);
    await makeOpenProposal(t.db, council.id, members[0]!);
    await dispatchNotifications(t.db);
    const count = await t.db.notification.count();
    expect(await dispatchNotifications(t.db)).toBe(0);
    expect(await t.db.notification.count()).toBe(count);
    // An entry not yet sealed (its transaction may still be running elsewhere) waits its turn.
    await t.db.$transaction((tx) => appendAudit(tx, { councilId: council.id, actorId: members[0]!, action: "member.admitted", subjectId: members[1]!, data: { userId: members[1]! } }));
    expect(await dispatchNotifications(t.db, { seal: false })).toBe(0);
    expect(await dispatchNotifications(t.db)).toBe(1);
  });

  it("passes over entries that notify nobody, and still finds the ones behind them", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 3);
    const proposal = await makeOpenProposal(t.db, council.id, members[0]!);
    await dispatchNotifications(t.db);
    // Votes tell nobody anything: more of them than a dispatch batch, then a join in the middle.
    for (let i = 0; i < 7; i++) await t.db.$transaction((tx) => appendAudit(tx, { councilId: council.id, actorId: members[1]!, action: "vote.cast", subjectId: proposal.id, data: { proposalId: proposal.id } }));
    await t.db.$transaction((tx) => appendAudit(tx, { councilId: council.id, actorId: members[0]!, action: "member.admitted", subjectId: members[2]!, data: { userId: members[2]! } }));
    for (let i = 0; i < 7; i++) await t.db.$transaction((tx) => appendAudit(tx, { councilId: council.id, actorId: members[1]!, action: "vote.cast", subjectId: proposal.id, data: { proposalId: proposal.id } }));
    expect(await dispatchNotifications(t.db, { batch: 3 })).toBe(1);
    expect(await t.db.notification.count({ where: { userId: members[2]!, kind: "MEMBERSHIP_ADMITTED" } })).toBe(1);
    // The cursor stands at the end of the log: the next run reads nothing and makes nothing.
    const [cursor, head] = await Promise.all([
      t.db.notificationCursor.findUniqueOrThrow({ where: { name: "audit" } }),
      t.db.auditEntry.aggregate({ _max: { chainIndex: true } }),
    ]);
    expect(cursor.chainIndex).toBe(head._max.chainIndex);
    expect(await dispatchNotifications(t.db, { batch: 3 })).toBe(0);
  });

  it("tells a large electorate over several transactions, each member once, resuming after the last one reached", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 8);
    await dispatchNotifications(t.db);
    const proposal = await makeOpenProposal(t.db, council.id, members[0]!);
    const others = members.slice(1).sort();
    // Two recipients a page, two a transaction: the cursor stops inside the fan-out four times.
    expect(await dispatchNotifications(t.db, { page: 2, budget: 2 })).toBe(others.length);
    const told = await t.db.notification.findMany({ where: { proposalId: proposal.id, kind: "VOTING_OPENED" }, select: { userId: true } });
    expect(told.map((n) => n.userId).sort()).toEqual(others);
    expect((await t.db.notificationCursor.findUniqueOrThrow({ where: { name: "audit" } })).afterUserId).toBeNull();

    // As if a dispatcher had committed the first three recipients of the result and then stopped.
    await expireVoting(t.db, proposal.id);
    await closeProposal(t.db, proposal.id);
    await sealAuditLog(t.db);
    const entry = await t.db.auditEntry.findFirstOrThrow({ where: { action: "result.published", subjectId: proposal.id } });
    await t.db.notificationCursor.update({ where: { name: "audit" }, data: { chainIndex: entry.chainIndex! - 1n, afterUserId: others[2]! } });
    const rest = members.filter((id) => id > others[2]!).sort(); // the whole electorate is told of a result
    expect(await dispatchNotifications(t.db, { page: 2, budget: 2 })).toBe(rest.length);
    const results = await t.db.notification.findMany({ where: { proposalId: proposal.id, kind: "RESULT_PUBLISHED" }, select: { userId: true } });
    expect(results.map((n) => n.userId).sort()).toEqual(rest);
  });

  it("delivers a large fan-out in chunks, each draft once", async () => {
    const user = await makeUser(t.db);
    const drafts = Array.from({ length: 2500 }, (_, i) => ({ userId: user.id, kind: "VOTING_OPENED" as const, key: `bulk:${i}`, title: `Bulk ${i}`, url: "/", councilId: null, proposalId: null }));
    expect(await t.db.$transaction((tx) => deliver(tx, drafts), { timeout: 60_000 })).toBe(2500);
    expect(await t.db.$transaction((tx) => deliver(tx, drafts), { timeout: 60_000 })).toBe(0);
    expect(await t.db.email.count({ where: { userId: user.id } })).toBe(2500);
  }, 120_000);

  it("shows the unread count and marks notifications read, only one's own", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 1);
    const [a, b] = members as [string, string];
    await makeOpenProposal(t.db, council.id, a);
    await makeOpenProposal(t.db, council.id, a);
    await dispatchNotifications(t.db);
    expect(await countUnread(t.db, b)).toBe(2);
    const [first] = (await listNotifications(t.db, { userId: b })).notifications;
    await expect(markRead(t.db, { userId: a, id: first!.id })).rejects.toThrow(/no such notification/);
    await markRead(t.db, { userId: b, id: first!.id });
    expect(await countUnread(t.db, b)).toBe(1);
    expect(await markAllRead(t.db, { userId: b })).toBe(1);
    expect(await countUnread(t.db, b)).toBe(0);
  });
});

describe("a member's own data", () => {
  it("exports their settings, notifications and emails, and nobody else's", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 1);
    const [a, b] = members as [string, string];
    await savePreferences(t.db, { userId: b, inAppOff: ["NOMINATED"], emailOff: [], digest: false });
    const p = await makeOpenProposal(t.db, council.id, a);
    await dispatchNotifications(t.db);
    const data = await findNotificationExport(t.db, b);
    expect(data.settings).toMatchObject({ inAppOff: ["NOMINATED"], digest: false });
    expect(data.notifications).toEqual([expect.objectContaining({ kind: "VOTING_OPENED", url: `/proposals/${p.id}` })]);
    expect(data.emails).toEqual([expect.objectContaining({ kind: "VOTING_OPENED", status: "QUEUED" })]);
    expect((await findNotificationExport(t.db, a)).notifications).toEqual([]);
  });
});

describe("the 24-hour reminder", () => {
  it("reminds electorate members who have not voted, once, and not for votes shorter than a day", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 3);
    const [a, b, c, d] = members as [string, string, string, string];
    const long = await makeOpenProposal(t.db, council.id, a, 72);
    const short = await makeOpenProposal(t.db, council.id, a, 24);
    await castVote(t.db, { proposalId: long.id, userId: b, choice: "NO" });
    await t.db.participation.create({ data: { proposalId: long.id, userId: c } }); // a secret ballot's trace
    const now = new Date(long.votingClosesAt!.getTime() - 10 * 3_600_000);
    expect(await remindClosingVotes(t.db, new Date(long.votingClosesAt!.getTime() - 30 * 3_600_000))).toBe(0);
    await remindClosingVotes(t.db, now);
    await remindClosingVotes(t.db, now);
    const reminded = await t.db.notification.findMany({ where: { kind: "VOTE_CLOSING", proposalId: { in: [long.id, short.id] } } });
    expect(reminded.map((n) => n.userId).sort()).toEqual([a, d].sort());
  });
});

describe("settings", () => {
  it("follows each member's per-kind choices: in-app only, email only, nothing", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 3);
    const [a, inAppOnly, emailOnly, neither] = members as [string, string, string, string];
    await savePreferences(t.db, { userId: inAppOnly, inAppOff: [], emailOff: ["VOTING_OPENED"], digest: false });
    await savePreferences(t.db, { userId: emailOnly, inAppOff: ["VOTING_OPENED"], emailOff: [], digest: false });
    await savePreferences(t.db, { userId: neither, inAppOff: ["VOTING_OPENED"], emailOff: ["VOTING_OPENED"], digest: false });
    await makeOpenProposal(t.db, council.id, a);
    await dispatchNotifications(t.db);
    const rows = await t.db.notification.findMany({ where: { userId: { in: members } }, select: { userId: true, inApp: true, emailId: true } });
    expect(rows.find((r) => r.userId === inAppOnly)).toMatchObject({ inApp: true, emailId: null });
    expect(rows.find((r) => r.userId === emailOnly)).toMatchObject({ inApp: false, emailId: expect.any(String) });
    expect(rows.find((r) => r.userId === neither)).toBeUndefined();
    expect(await countUnread(t.db, emailOnly)).toBe(0);
  });

  it("gathers a digest reader's notifications into one email a day", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 1);
    const [a, reader] = members as [string, string];
    await savePreferences(t.db, { userId: reader, inAppOff: [], emailOff: [], digest: true });
    const p1 = await makeOpenProposal(t.db, council.id, a);
    const p2 = await makeOpenProposal(t.db, council.id, a);
    await dispatchNotifications(t.db);
    expect(await t.db.email.count({ where: { userId: reader } })).toBe(0);
    const now = new Date();
    expect(await sendDigests(t.db, now)).toBe(1);
    const digest = await t.db.email.findFirstOrThrow({ where: { userId: reader } });
    expect(digest).toMatchObject({ kind: null, subject: "Your Plenum digest: 2 updates" });
    expect(digest.text).toContain(p1.title);
    expect(digest.text).toContain(p2.title);
    await makeOpenProposal(t.db, council.id, a);
    await dispatchNotifications(t.db);
    expect(await sendDigests(t.db, new Date(now.getTime() + 3_600_000))).toBe(0); // not twice a day
    expect(await sendDigests(t.db, new Date(now.getTime() + 25 * 3_600_000))).toBe(1);
  });
});

describe("email", () => {
  it("sends through SMTP with a one-click unsubscribe header and link that work", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 1);
    const [a, b] = members as [string, string];
    const proposal = await makeOpenProposal(t.db, council.id, a);
    await dispatchNotifications(t.db);
    const before = mail.messages.length;
    const report = await sendQueuedEmails(t.db, { transport: smtp(), from: FROM });
    expect(report).toMatchObject({ sent: 1, failed: 0, retrying: 0 });
    const message = mail.messages[before]!;
    const user = await t.db.user.findUniqueOrThrow({ where: { id: b } });
    expect(mail.recipients[before]).toEqual([user.email]);
    expect(message.subject).toContain(proposal.title);
    expect(message.text).toContain(`/proposals/${proposal.id}`);
    const header = (name: string) => message.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, "");
    expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    const unsubscribeUrl = /^<(https?:\/\/[^>]+\/api\/unsubscribe\/([^>]+))>$/.exec(header("list-unsubscribe") ?? "");
    expect(unsubscribeUrl).not.toBeNull();
    const token = unsubscribeUrl![2]!;
    expect(message.text).toContain(`/unsubscribe/${token}`); // the link in the body names the same email

    // A forged or mangled token changes nothing and is not a server error.
    for (const bad of [`${token.slice(0, -1)}x`, "nonsense", `${"a".repeat(30)}.${"b".repeat(43)}`]) {
      const res = await unsubscribePost(new Request(unsubscribeUrl![1]!, { method: "POST" }), { params: Promise.resolve({ token: bad }) });
      expect(res.status).toBe(404);
    }
    const res = await unsubscribePost(
      new Request(unsubscribeUrl![1]!, { method: "POST", body: "List-Unsubscribe=One-Click", headers: { "Content-Type": "application/x-www-form-urlencoded" } }),
      { params: Promise.resolve({ token }) },
    );
    expect(res.status).toBe(200);
    expect((await t.db.notificationSettings.findUniqueOrThrow({ where: { userId: b } })).emailOff).toEqual(["VOTING_OPENED"]);

    await makeOpenProposal(t.db, council.id, a);
    await dispatchNotifications(t.db);
    expect(await sendQueuedEmails(t.db, { transport: smtp(), from: FROM })).toMatchObject({ sent: 0 });
    expect(await countUnread(t.db, b)).toBe(2); // in-app notifications go on
  });

  it("retries a refused email with backoff and delivers it on a later sweep", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 1);
    await makeOpenProposal(t.db, council.id, members[0]!);
    await dispatchNotifications(t.db);
    mail.refuseNext(1);
    const now = new Date();
    expect(await sendQueuedEmails(t.db, { transport: smtp(), from: FROM, now })).toMatchObject({ sent: 0, retrying: 1 });
    const waiting = await t.db.email.findFirstOrThrow({ where: { userId: members[1]! } });
    expect(waiting).toMatchObject({ status: "QUEUED", attempts: 1 });
    expect(waiting.lastError).toMatch(/^Attempt 1: .*451/);
    expect(waiting.nextAttemptAt.getTime()).toBe(now.getTime() + 60_000);
    expect(await sendQueuedEmails(t.db, { transport: smtp(), from: FROM, now: new Date(now.getTime() + 30_000) })).toMatchObject({ sent: 0, retrying: 0 });
    expect(await sendQueuedEmails(t.db, { transport: smtp(), from: FROM, now: new Date(now.getTime() + 61_000) })).toMatchObject({ sent: 1 });
    expect(await t.db.email.findFirstOrThrow({ where: { userId: members[1]! } })).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
  });

  it("records an email that cannot be delivered as failed, with the reason, after the last retry", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 1);
    await makeOpenProposal(t.db, council.id, members[0]!);
    await dispatchNotifications(t.db);
    const nowhere = createTransport({ url: "smtp://127.0.0.1:9", from: FROM }); // nothing listens on port 9
    let now = new Date();
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await sendQueuedEmails(t.db, { transport: nowhere, from: FROM, now });
      now = new Date(now.getTime() + 3 * 3_600_000);
    }
    const email = await t.db.email.findFirstOrThrow({ where: { userId: members[1]! } });
    expect(email).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS });
    expect(email.lastError).toMatch(new RegExp(`^Attempt ${MAX_ATTEMPTS}: .*ECONNREFUSED`));
  });

  it("without a mail server, records the email as skipped with a note and carries on", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 1);
    await makeOpenProposal(t.db, council.id, members[0]!);
    await dispatchNotifications(t.db);
    expect(await sendQueuedEmails(t.db, { transport: null })).toMatchObject({ skipped: 1 });
    expect(await t.db.email.findFirstOrThrow({ where: { userId: members[1]! } })).toMatchObject({ status: "SKIPPED", lastError: NOT_CONFIGURED });
  });
});

// PGlite has one connection, so concurrency means something only on PostgreSQL.
describe.runIf(onPostgres)("under concurrency (PostgreSQL)", () => {
  it("never passes over an entry whose transaction commits after a later one's", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 2);
    const [a, early, late] = members as [string, string, string];
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    let appended!: () => void;
    const inserted = new Promise<void>((resolve) => { appended = resolve; });
    // This transaction takes its seq first but commits last.
    const slow = t.db.$transaction(async (tx) => {
      await appendAudit(tx, { councilId: council.id, actorId: a, action: "member.admitted", subjectId: early, data: { userId: early } });
      appended();
      await held;
    }, { timeout: 30_000 });
    await inserted;
    await t.db.$transaction((tx) => appendAudit(tx, { councilId: council.id, actorId: a, action: "member.admitted", subjectId: late, data: { userId: late } }));
    await dispatchNotifications(t.db);
    expect(await t.db.notification.count({ where: { userId: late, kind: "MEMBERSHIP_ADMITTED" } })).toBe(1);
    expect(await t.db.notification.count({ where: { userId: early, kind: "MEMBERSHIP_ADMITTED" } })).toBe(0);
    release();
    await slow;
    await dispatchNotifications(t.db);
    expect(await t.db.notification.count({ where: { userId: early, kind: "MEMBERSHIP_ADMITTED" } })).toBe(1);
  });

  it("makes each notification and email once when dispatchers and senders race", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 4);
    await makeOpenProposal(t.db, council.id, members[0]!);
    await Promise.all([dispatchNotifications(t.db), dispatchNotifications(t.db), dispatchNotifications(t.db)]);
    const rows = await t.db.notification.findMany({ where: { userId: { in: members }, kind: "VOTING_OPENED" } });
    expect(rows).toHaveLength(4);
    const before = mail.messages.length;
    const reports = await Promise.all([1, 2, 3].map(() => sendQueuedEmails(t.db, { transport: smtp(), from: FROM })));
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(4);
    expect(mail.messages.length - before).toBe(4);
  });
});
