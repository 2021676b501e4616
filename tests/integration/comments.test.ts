// A proposal's discussion against a real database: threads two levels deep, the author's edit window,
// transparent hiding with a reason, and who may read and write (nothing written on a refusal).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { makeCouncilWithMembers, makeUser } from "../support/factories";
import { refusal } from "../support/refusal";
import { createProposal } from "@/lib/proposals/service";
import { editComment, hideComment, listComments, postComment } from "@/lib/comments/service";
import { joinCouncil, leaveCouncil } from "@/lib/councils/service";
import { EDIT_WINDOW_MINUTES } from "@/lib/comments/rules";
import { findMemberExport } from "@/lib/exports/queries";

let t: TestDatabase;
beforeAll(async () => { t = await createTestDatabase(); });
afterAll(async () => { await t?.dispose(); });

async function setup() {
  const c = await makeCouncilWithMembers(t.db, 2); // members[0] founded it and facilitates
  const proposal = await createProposal(t.db, { councilId: c.council.id, authorId: c.members[1]!, title: "Open on Sundays", body: "We open the shop on Sundays from 10 to 14." });
  return { ...c, proposal };
}

describe("discussion", () => {
  it("threads replies two levels deep: a reply to a reply joins its thread", async () => {
    const { members, proposal } = await setup();
    const root = await postComment(t.db, { proposalId: proposal.id, authorId: members[1]!, body: "Who would staff it?" });
    const reply = await postComment(t.db, { proposalId: proposal.id, authorId: members[2]!, parentId: root.id, body: "I can, **every other week**." });
    const deeper = await postComment(t.db, { proposalId: proposal.id, authorId: members[0]!, parentId: reply.id, body: "Then I take the others." });
    expect(deeper.parentId).toBe(root.id);
    const page = await listComments(t.db, { proposalId: proposal.id, viewerId: members[2]! });
    expect(page.commentCount).toBe(3);
    expect(page.threads).toHaveLength(1);
    expect(page.threads[0]!.replies.map((r) => r.body)).toEqual(["I can, **every other week**.", "Then I take the others."]);
  });

  it("the author may edit for a short while, and the comment then shows it was edited", async () => {
    const { members, proposal } = await setup();
    const c = await postComment(t.db, { proposalId: proposal.id, authorId: members[2]!, body: "I agre." });
    const edited = await editComment(t.db, { commentId: c.id, actorId: members[2]!, body: "I agree." });
    expect(edited.body).toBe("I agree.");
    expect(edited.editedAt).not.toBeNull();
    expect((await refusal(editComment(t.db, { commentId: c.id, actorId: members[1]!, body: "They disagree." }))).message).toMatch(/Only its author/);
    const late = new Date(c.createdAt.getTime() + EDIT_WINDOW_MINUTES * 60_000);
    const e = await refusal(editComment(t.db, { commentId: c.id, actorId: members[2]!, body: "I changed my mind.", now: late }));
    expect(e.message).toMatch(/15 minutes after posting/);
    const [thread] = (await listComments(t.db, { proposalId: proposal.id, viewerId: members[0]! })).threads;
    expect(thread).toMatchObject({ body: "I agree.", editedAt: edited.editedAt });
  });

  it("a facilitator hides a comment with a reason that stays in its place; members cannot hide", async () => {
    const { members, proposal } = await setup();
    const c = await postComment(t.db, { proposalId: proposal.id, authorId: members[2]!, body: "Personal attack on someone." });
    const e = await refusal(hideComment(t.db, { commentId: c.id, actorId: members[1]!, reason: "I do not like it" }));
    expect(e.message).toMatch(/Only a facilitator/);
    await hideComment(t.db, { commentId: c.id, actorId: members[0]!, reason: "Personal attack: please discuss the proposal." });
    const [thread] = (await listComments(t.db, { proposalId: proposal.id, viewerId: members[1]! })).threads;
    expect(thread).toMatchObject({ id: c.id, body: "", hiddenReason: "Personal attack: please discuss the proposal." });
    expect(thread!.hiddenAt).not.toBeNull();
    expect(thread!.hiddenBy?.name).toBeTruthy();
    // Never deleted: the text stays in the database (the author's data export), only hidden from the page.
    const exported = (await findMemberExport(t.db, members[2]!))!;
    expect(exported.comments).toEqual([expect.objectContaining({ id: c.id, body: "Personal attack on someone.", hiddenReason: "Personal attack: please discuss the proposal." })]);
    expect((await refusal(editComment(t.db, { commentId: c.id, actorId: members[2]!, body: "Sorry." }))).message).toMatch(/hidden comment/);
    const audit = await t.db.auditEntry.findFirstOrThrow({ where: { action: "comment.hidden", subjectId: c.id } });
    expect(audit).toMatchObject({ actorId: members[0], data: { reason: "Personal attack: please discuss the proposal." } });
  });

  it("non-members, pending and former members neither read nor post, and nothing is written", async () => {
    const { council, members, proposal } = await setup();
    const outsider = await makeUser(t.db);
    await t.db.charter.updateMany({ where: { councilId: council.id }, data: { joinPolicy: "APPROVAL" } }); // set-up: as if a charter change had passed
    const pending = await makeUser(t.db);
    await joinCouncil(t.db, { councilId: council.id, userId: pending.id });
    await leaveCouncil(t.db, { councilId: council.id, userId: members[2]! });
    const existing = await postComment(t.db, { proposalId: proposal.id, authorId: members[1]!, body: "First!" });
    for (const who of [outsider.id, pending.id, members[2]!]) {
      expect((await refusal(postComment(t.db, { proposalId: proposal.id, authorId: who, body: "Let me in" }))).code).toBe("FORBIDDEN");
      expect((await refusal(postComment(t.db, { proposalId: proposal.id, authorId: who, parentId: existing.id, body: "Let me in" }))).code).toBe("FORBIDDEN");
      expect((await refusal(listComments(t.db, { proposalId: proposal.id, viewerId: who }))).code).toBe("FORBIDDEN");
    }
    expect(await t.db.comment.count({ where: { proposalId: proposal.id } })).toBe(1);
    expect(await t.db.auditEntry.count({ where: { action: "comment.posted", data: { path: ["proposalId"], equals: proposal.id } } })).toBe(1);
  });

  it("a reply must belong to the same discussion", async () => {
    const a = await setup();
    const b = await setup();
    const elsewhere = await postComment(t.db, { proposalId: b.proposal.id, authorId: b.members[1]!, body: "Over here." });
    const e = await refusal(postComment(t.db, { proposalId: a.proposal.id, authorId: a.members[1]!, parentId: elsewhere.id, body: "Sneaky reply." }));
    expect(e.code).toBe("NOT_FOUND");
    expect(await t.db.comment.count({ where: { proposalId: a.proposal.id } })).toBe(0);
  });

  it("pages the threads instead of listing them all", async () => {
    const { members, proposal } = await setup();
    for (let i = 1; i <= 21; i++) await postComment(t.db, { proposalId: proposal.id, authorId: members[1]!, body: `Point ${i}` });
    const first = await listComments(t.db, { proposalId: proposal.id, viewerId: members[0]! });
    expect(first).toMatchObject({ pages: 2, commentCount: 21 });
    expect(first.threads).toHaveLength(20);
    const second = await listComments(t.db, { proposalId: proposal.id, viewerId: members[0]!, page: 2 });
    expect(second.threads.map((c) => c.body)).toEqual(["Point 21"]);
  });
});
