// Inputs for elections: founding one (and the role it fills), nominations, ranked ballots.
import { z } from "zod";
import { msg } from "../schema-messages";
import { formCheckbox, formInt, ZId } from "../councils/schemas";

export const MAX_SEATS = 20;

export const ZCreateElection = z.object({
  councilId: ZId,
  /** An existing role of the council, or empty to create one from the fields below. */
  roleId: z.preprocess((v) => (v === "" ? undefined : v), ZId.optional()),
  roleName: z.preprocess((v) => (v === "" ? undefined : v),
    z.string().trim().min(3, msg("roleNameMin", { min: 3 })).max(80, msg("atMostChars", { max: 80 })).optional()),
  seats: z.preprocess((v) => (v === "" ? undefined : v),
    formInt(msg("seatsRequired")).pipe(z.number().min(1, msg("seatsMin")).max(MAX_SEATS, msg("seatsMax", { max: MAX_SEATS }))).optional()),
  termMonths: z.preprocess((v) => (v === "" ? undefined : v),
    formInt(msg("termMonthsRequired")).pipe(z.number().min(1, msg("termMonthsMin")).max(60, msg("termMonthsMax", { max: 60 }))).optional()),
  body: z.string().trim().max(20_000, msg("atMostChars", { max: 20_000 })).default(""),
  secretBallot: formCheckbox.optional(),
}).refine((v) => v.roleId || v.roleName, { message: msg("roleRequired"), path: ["roleName"] });
export type TCreateElection = z.infer<typeof ZCreateElection>;

export const ZNominate = z.object({ proposalId: ZId, nomineeId: ZId });
export const ZRespondNomination = z.object({ proposalId: ZId, accept: z.enum(["yes", "no"]) });

/** The ranking arrives as fields rank_<candidateId> = "1", "2", … (blank = not ranked). */
export const ZRankedVote = z.object({
  proposalId: ZId,
  ranking: z.array(ZId).max(200),
});

export function rankingFromFields(fields: Record<string, string>): { ranking: string[]; error?: string } {
  const entries: [number, string][] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (!key.startsWith("rank_") || value.trim() === "") continue;
    const rank = Number(value);
    if (!Number.isInteger(rank) || rank < 1 || rank > 200) return { ranking: [], error: msg("rankWhole") };
    entries.push([rank, key.slice(5)]);
  }
  entries.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < entries.length; i++) {
    if (entries[i]![0] === entries[i - 1]![0]) return { ranking: [], error: msg("rankTwice", { rank: entries[i]![0] }) };
  }
  return { ranking: entries.map(([, id]) => id) };
}

export const ZStartRecall = z.object({
  delegationId: ZId,
  reason: z.string({ error: msg("sayWhy") }).trim().min(10, msg("recallReasonMin", { min: 10 })).max(5000, msg("atMostChars", { max: 5_000 })),
});
