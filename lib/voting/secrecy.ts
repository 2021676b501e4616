// Open or secret: the charter decides, or lets the author of each proposal decide.
export type BallotSecrecy = "OPEN" | "SECRET" | "AUTHOR_CHOOSES";

/** Whether a vote opening under this charter is by secret ballot, given what its author asked for. */
export function ballotIsSecret(charter: BallotSecrecy, authorAskedForSecret: boolean): boolean {
  return charter === "SECRET" || (charter === "AUTHOR_CHOOSES" && authorAskedForSecret);
}

export const SECRECY_LABELS: Record<BallotSecrecy, string> = {
  OPEN: "Open ballots: members see who voted what",
  SECRET: "Secret ballots: who took part is published, never how they voted",
  AUTHOR_CHOOSES: "The author of each proposal chooses open or secret",
};
