// Who may download what. A vote's board: the members of its council (for a federation motion, the
// members of its member councils), and only after the close. A decision record: the members.
import "server-only";
import type { PrismaClient } from "../db/connection";
import { requireMember } from "../councils/access";
import { DomainError, refusal } from "../errors";
import { findFederationVoice } from "../federations/service";
import { closeProposal } from "../proposals/service";
import { findBoardParts, findBoardProposal, listUncountedProposals } from "./queries";
import { wholeBoard } from "./board-query";

async function requireVoice(db: PrismaClient, council: { id: string; kind: string }, userId: string) {
  if (council.kind === "FEDERATION" && (await findFederationVoice(db, council.id, userId))) return;
  await requireMember(db, council.id, userId);
}

/** The board of a closed vote for a member entitled to it, ballots and all; a DomainError says why not. */
export async function loadBoardFor(db: PrismaClient, proposalId: string, userId: string) {
  return wholeBoard(await loadBoardPartsFor(db, proposalId, userId));
}

/** The same, as the parts a download streams (lib/exports/board-stream.ts). */
export async function loadBoardPartsFor(db: PrismaClient, proposalId: string, userId: string) {
  const proposal = await findBoardProposal(db, proposalId);
  if (!proposal) throw refusal("NOT_FOUND", "noSuchProposal");
  const council = await db.council.findUniqueOrThrow({ where: { id: proposal.councilId }, select: { id: true, kind: true } });
  await requireVoice(db, council, userId);
  switch (proposal.status) {
    case "voting":
      throw refusal("CLOSED", "boardWhileVoting", { closes: proposal.votingClosesAt!.getTime() });
    case "deliberation":
      throw refusal("CLOSED", "boardNotOpened");
    case "withdrawn":
      throw refusal("CLOSED", "boardWithdrawn");
    case "closed":
      break;
  }
  // As on the proposal page: a lapsed vote is counted by the first reader.
  await closeProposal(db, proposal.id);
  const parts = await findBoardParts(db, proposal.id);
  if (!parts) throw refusal("NOT_FOUND", "resultUnavailable");
  return parts;
}

/** The council (by slug) for a member entitled to its decision record, with lapsed votes counted. */
export async function loadCouncilFor(db: PrismaClient, slug: string, userId: string) {
  const council = await db.council.findUnique({ where: { slug }, select: { id: true, slug: true, kind: true } });
  if (!council) throw refusal("NOT_FOUND", "noSuchCouncil");
  await requireVoice(db, council, userId);
  for (const id of await listUncountedProposals(db, council.id)) await closeProposal(db, id);
  return council;
}
