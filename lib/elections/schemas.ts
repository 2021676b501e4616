// Inputs for elections: founding one (and the role it fills), nominations, ranked ballots.
import { z } from "zod";
import { formCheckbox, formInt, ZId } from "../councils/schemas";

export const MAX_SEATS = 20;

export const ZCreateElection = z.object({
  councilId: ZId,
  /** An existing role of the council, or empty to create one from the fields below. */
  roleId: z.preprocess((v) => (v === "" ? undefined : v), ZId.optional()),
  roleName: z.preprocess((v) => (v === "" ? undefined : v),
    z.string().trim().min(3, "Name the role in at least 3 characters.").max(80, "Use at most 80 characters.").optional()),
  seats: z.preprocess((v) => (v === "" ? undefined : v),
    formInt("Enter how many people to elect.").pipe(z.number().min(1, "Elect at least one person.").max(MAX_SEATS, `Elect at most ${MAX_SEATS}.`)).optional()),
  termMonths: z.preprocess((v) => (v === "" ? undefined : v),
    formInt("Enter the term in months.").pipe(z.number().min(1, "A term lasts at least a month.").max(60, "A term lasts at most 60 months.")).optional()),
  body: z.string().trim().max(20_000, "Use at most 20,000 characters.").default(""),
  secretBallot: formCheckbox.optional(),
}).refine((v) => v.roleId || v.roleName, { message: "Choose a role or name a new one.", path: ["roleName"] });
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
    if (!Number.isInteger(rank) || rank < 1 || rank > 200) return { ranking: [], error: "Ranks are whole numbers: 1 for your first choice, 2 for your second…" };
    entries.push([rank, key.slice(5)]);
  }
  entries.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < entries.length; i++) {
    if (entries[i]![0] === entries[i - 1]![0]) return { ranking: [], error: `Two candidates have rank ${entries[i]![0]}; give each a different rank.` };
  }
  return { ranking: entries.map(([, id]) => id) };
}

export const ZStartRecall = z.object({
  delegationId: ZId,
  reason: z.string({ error: "Say why." }).trim().min(10, "Say why in at least 10 characters.").max(5000, "Use at most 5,000 characters."),
});
