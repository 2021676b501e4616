// The charter changes only by vote: a member proposes a change (a CHARTER_CHANGE proposal, voted
// like a motion), and when it passes the closing transaction writes the next charter version.
// Apart from founding (lib/councils, lib/federations), this is the only module that writes Charter.
import type { PrismaClient } from "../db/connection";
import type { Db, Tx } from "../db/types";
import type { Prisma } from "../generated/prisma/client";
import { refusal, type DomainFieldMessage } from "../errors";
import { requireMember } from "../councils/access";
import { currentCharter } from "../councils/service";
import { appendAudit } from "../audit/log";
import {
  applyCharterChange, changeableFields, CHARTER_FIELDS, describeChange, diffCharter, isEmptyChange, pickRules,
  type CharterChange, type CharterRules,
} from "./rules";
import { ZStoredCharterChange, type TProposeCharterChange } from "./schemas";

/** Submits a charter change into deliberation. It records only the fields that differ from today's charter. */
export async function proposeCharterChange(db: PrismaClient, input: TProposeCharterChange & { authorId: string }) {
  return db.$transaction(async (tx) => {
    const council = await tx.council.findUnique({ where: { id: input.councilId }, select: { kind: true } });
    if (!council) throw refusal("NOT_FOUND", "noSuchCouncil");
    if (council.kind === "FEDERATION") {
      throw refusal("INVALID", "federationCharterNotYet");
    }
    await requireMember(tx, input.councilId, input.authorId);
    const current = pickRules(await currentCharter(tx, input.councilId));
    const allowed = new Set(changeableFields(council.kind));
    const proposed: Record<string, unknown> = { ...current };
    const fixed: Record<string, DomainFieldMessage> = {};
    for (const f of CHARTER_FIELDS) {
      const value = input.rules[f];
      if (value === undefined) continue;
      if (!allowed.has(f) && value !== current[f]) fixed[f] = { key: "charterFieldFixed", values: { field: f } };
      else proposed[f] = value;
    }
    if (Object.keys(fixed).length > 0) throw refusal("INVALID", "correctFields", undefined, fixed);
    const change = diffCharter(current, proposed as unknown as CharterRules);
    if (isEmptyChange(change)) {
      throw refusal("INVALID", "charterChangeNothing");
    }
    const proposal = await tx.proposal.create({
      data: {
        councilId: input.councilId, authorId: input.authorId, kind: "CHARTER_CHANGE", title: input.title, body: input.body,
        charterChange: change as Prisma.InputJsonObject,
      },
    });
    await appendAudit(tx, {
      councilId: input.councilId, actorId: input.authorId, action: "proposal.submitted", subjectId: proposal.id,
      data: { proposalId: proposal.id, kind: proposal.kind, changes: Object.keys(change).sort() },
    });
    return proposal;
  });
}

/** A stored change, read strictly: anything else in the column is a bug, not user input. */
export function readCharterChange(value: unknown): CharterChange {
  return ZStoredCharterChange.parse(value) as CharterChange;
}

/**
 * Called by the transaction that stores a passed charter change's result: writes the next version,
 * the change's fields over whatever version is current now (an earlier change may have passed
 * since this one was proposed). Votes already open keep the version they opened under.
 */
export async function applyCharterChangeInTx(tx: Tx, proposal: { id: string; councilId: string; charterChange?: unknown }, passedAt: Date) {
  // One writer of a council's next version at a time: two changes closing together take turns.
  await tx.$queryRaw`SELECT id FROM "Council" WHERE id = ${proposal.councilId} FOR UPDATE`;
  const current = await currentCharter(tx, proposal.councilId);
  const change = readCharterChange(proposal.charterChange);
  const before = pickRules(current);
  const after = applyCharterChange(before, change);
  const changed = Object.keys(diffCharter(before, after)).sort();
  if (changed.length === 0) {
    // An earlier change already set these rules: nothing to write, but the log says why.
    await appendAudit(tx, { councilId: proposal.councilId, action: "charter.unchanged", subjectId: proposal.id, data: { proposalId: proposal.id, version: current.version } });
    return null;
  }
  const charter = await tx.charter.create({
    // In force from the deadline, when it passed, however late it was counted.
    data: { ...after, councilId: proposal.councilId, version: current.version + 1, madeById: proposal.id, createdAt: passedAt },
  });
  await appendAudit(tx, {
    councilId: proposal.councilId, action: "charter.changed", subjectId: proposal.id,
    data: { proposalId: proposal.id, version: charter.version, changes: changed },
  });
  return charter;
}

export interface CharterVersionView {
  id: string;
  version: number;
  createdAt: Date;
  madeBy: { id: string; title: string } | null;
  /** What changed from the version before, in words; empty for the founding charter. */
  changes: string[];
}

/** Every version of a council's charter, newest first, each with what changed and the proposal that made it. */
export async function listCharterHistory(db: Db, councilId: string): Promise<CharterVersionView[]> {
  const versions = await db.charter.findMany({
    where: { councilId },
    orderBy: { version: "asc" },
    include: { madeBy: { select: { id: true, title: true } } },
  });
  const views = versions.map((v, i) => ({
    id: v.id,
    version: v.version,
    createdAt: v.createdAt,
    madeBy: v.madeBy,
    changes: i === 0 ? [] : describeChange(pickRules(versions[i - 1]!), pickRules(v)),
  }));
  return views.reverse();
}

/** What a charter-change proposal does, for its page: against today's charter, and the version it made. */
export async function findCharterChangeView(db: Db, proposal: { id: string; councilId: string; charterChange: unknown }) {
  const [current, made] = await Promise.all([
    currentCharter(db, proposal.councilId),
    db.charter.findUnique({ where: { madeById: proposal.id } }),
  ]);
  const change = readCharterChange(proposal.charterChange);
  const before = pickRules(current);
  const previous = made ? await db.charter.findUnique({ where: { councilId_version: { councilId: proposal.councilId, version: made.version - 1 } } }) : null;
  return {
    change,
    /** The change applied to today's charter, in words (what would happen were it to pass now). */
    preview: describeChange(before, applyCharterChange(before, change)),
    currentVersion: current.version,
    /** The version this change made once it passed, and what that version changed. */
    made: made ? { version: made.version, changes: previous ? describeChange(pickRules(previous), pickRules(made)) : [] } : null,
  };
}
