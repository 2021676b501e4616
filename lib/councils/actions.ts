"use server";
// Server actions for councils and membership: authenticate, validate, call the service, revalidate.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getFormatter, getTranslations } from "next-intl/server";
import { formAction } from "../actions/form-action";
import type { PrismaClient } from "../db";
import { refusal } from "../errors";
import { ZCreateCouncil, ZId, ZInviteToken, ZMembershipDecision } from "./schemas";
import { acceptInvite, createCouncil, createInvite, decideMembership, joinCouncil, leaveCouncil } from "./service";

export const createCouncilAction = formAction(
  ZCreateCouncil,
  async (input, { db, user }) => {
    const council = await createCouncil(db, { ...input, founderId: user.id });
    redirect(`/councils/${council.slug}`);
  },
  (f) => ({
    name: f.name,
    slug: f.slug,
    kind: f.kind,
    description: f.description ?? "",
    joinPolicy: f.joinPolicy,
    charter: {
      quorumPercent: f.quorumPercent,
      passThreshold: f.passThreshold,
      votingPeriodHours: f.votingPeriodHours,
      liveResults: f.liveResults === "on",
      ballotSecrecy: f.ballotSecrecy,
      termLimit: f.termLimit,
    },
  }),
);

const ZCouncilRef = z.object({ councilId: ZId, slug: z.string().max(64) });

async function councilSlug(db: PrismaClient, councilId: string) {
  const council = await db.council.findUnique({ where: { id: councilId }, select: { slug: true } });
  if (!council) throw refusal("NOT_FOUND", "noSuchCouncil");
  return council.slug;
}

export const joinCouncilAction = formAction(ZCouncilRef, async ({ councilId }, { db, user }) => {
  const membership = await joinCouncil(db, { councilId, userId: user.id });
  revalidatePath(`/councils/${await councilSlug(db, councilId)}`);
  return {
    ok: true,
    message: (await getTranslations("actions"))(membership.status === "ACTIVE" ? "welcome" : "requestSent"),
  };
});

export const leaveCouncilAction = formAction(ZCouncilRef, async ({ councilId }, { db, user }) => {
  await leaveCouncil(db, { councilId, userId: user.id });
  revalidatePath(`/councils/${await councilSlug(db, councilId)}`);
  return { ok: true, message: (await getTranslations("actions"))("left") };
});

const ZDecision = ZMembershipDecision.extend({ decision: z.enum(["admit", "decline", "remove"]) });

export const decideMembershipAction = formAction(ZDecision, async (input, { db, user }) => {
  await decideMembership(db, { ...input, actorId: user.id });
  revalidatePath(`/councils/${await councilSlug(db, input.councilId)}`);
  const done = (await getTranslations("actions"))(({ admit: "admitted", decline: "declined", remove: "removed" } as const)[input.decision]);
  return { ok: true, message: done };
});

export const createInviteAction = formAction(z.object({ councilId: ZId }), async ({ councilId }, { db, user }) => {
  const { token, expiresAt } = await createInvite(db, { councilId, actorId: user.id });
  return {
    ok: true,
    message: (await getTranslations("actions"))("inviteCreated", { date: (await getFormatter()).dateTime(expiresAt, "date") }),
    values: { invitePath: `/invite/${token}` },
  };
});

export const acceptInviteAction = formAction(z.object({ token: ZInviteToken }), async ({ token }, { db, user }) => {
  const membership = await acceptInvite(db, { token, userId: user.id });
  redirect(`/councils/${await councilSlug(db, membership.councilId)}`);
});
