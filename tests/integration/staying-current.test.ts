// Staying current, on the real database: the dashboard's votes awaiting me (by deadline; a secret
// ballot's participation counts as voted) and my councils' recent results; the calendar feed, a
// private address per member listing the deadlines of votes they are in the electorate of, served
// as text/calendar; a new address revokes the old one; forged, malformed and revoked tokens get a
// 404, never a 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { makeCouncilWithMembers, makeOpenProposal, makeUser } from "../support/factories";
import { closeProposal, createProposal } from "@/lib/proposals/service";
import { castVote } from "@/lib/voting/service";
import { listRecentResults, listVotesAwaitingMe } from "@/lib/dashboard/queries";
import { resetCalendarFeed, revokeCalendarFeed, findCalendarFeedToken } from "@/lib/notifications/service";
import { formatUtc } from "@/lib/notifications/ical";
import { GET } from "@/app/api/calendar/[file]/route";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  (globalThis as { plenumDb?: Promise<unknown> }).plenumDb = Promise.resolve(t.db);
});
afterAll(async () => { await t?.dispose(); });

const fetchFeed = (file: string) => GET(new Request(`http://localhost/api/calendar/${file}`), { params: Promise.resolve({ file }) });

describe("the calendar feed", () => {
  it("lists the member's voting deadlines as valid iCalendar", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 1);
    const [a, b] = members as [string, string];
    const open = await makeOpenProposal(t.db, council.id, a, 48);
    const draft = await createProposal(t.db, { councilId: council.id, authorId: a, title: "Still in deliberation", body: "." });
    const other = await makeCouncilWithMembers(t.db, 0);
    const elsewhere = await makeOpenProposal(t.db, other.council.id, other.founderId);

    const token = await resetCalendarFeed(t.db, b);
    expect(await findCalendarFeedToken(t.db, b)).toBe(token);
    const res = await fetchFeed(`${token}.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const body = await res.text();
    expect(body.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(body.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = body.replace(/\r\n /g, "").split("\r\n");
    expect(lines).toContain(`UID:vote-${open.id}@plenum`);
    expect(lines).toContain(`DTSTART:${formatUtc(open.votingClosesAt!)}`);
    expect(body).not.toContain(draft.id);
    expect(body).not.toContain(elsewhere.id);
    expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(1);
  });

  it("stops answering an address once it is replaced or turned off, and refuses forged ones", async () => {
    const user = await makeUser(t.db);
    const first = await resetCalendarFeed(t.db, user.id);
    const second = await resetCalendarFeed(t.db, user.id);
    expect(second).not.toBe(first);
    expect((await fetchFeed(`${first}.ics`)).status).toBe(404);
    expect((await fetchFeed(`${second}.ics`)).status).toBe(200);
    const [id] = second.split(".");
    for (const bad of [`${id}.${"A".repeat(43)}.ics`, "nonsense.ics", "../../etc/passwd", `${second.slice(0, -2)}.ics`]) {
      expect((await fetchFeed(bad)).status).toBe(404);
    }
    await revokeCalendarFeed(t.db, user.id);
    expect((await fetchFeed(`${second}.ics`)).status).toBe(404);
    expect(await findCalendarFeedToken(t.db, user.id)).toBeNull();
  });
});

describe("the dashboard", () => {
  it("lists the votes awaiting me, soonest deadline first, and my councils' recent results", async () => {
    const { council, members } = await makeCouncilWithMembers(t.db, 1);
    const [a, b] = members as [string, string];
    const later = await makeOpenProposal(t.db, council.id, a, 72);
    const sooner = await makeOpenProposal(t.db, council.id, a, 30);
    const voted = await makeOpenProposal(t.db, council.id, a, 48);
    const secret = await makeOpenProposal(t.db, council.id, a, 48);
    await castVote(t.db, { proposalId: voted.id, userId: b, choice: "YES" });
    await t.db.participation.create({ data: { proposalId: secret.id, userId: b } });
    expect((await listVotesAwaitingMe(t.db, b)).map((p) => p.id)).toEqual([sooner.id, later.id]);

    await castVote(t.db, { proposalId: sooner.id, userId: a, choice: "YES" });
    await t.db.proposal.update({ where: { id: sooner.id }, data: { votingClosesAt: new Date(Date.now() - 1000) } });
    await closeProposal(t.db, sooner.id);
    const results = await listRecentResults(t.db, b);
    expect(results.map((p) => p.id)).toEqual([sooner.id]);
    expect(results[0]!.result).toMatchObject({ outcome: "PASSED", yes: 1 });
    const outsider = await makeUser(t.db);
    expect(await listRecentResults(t.db, outsider.id)).toEqual([]);
    expect(await listVotesAwaitingMe(t.db, outsider.id)).toEqual([]);
  });
});
