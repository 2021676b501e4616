// Secret ballots: tracking codes and sealing (docs/decisions/007-secret-ballots.md).
//
// A ballot's tracking code is SHA-256 over the proposal id, a random nonce and the ballot's
// content. The voter gets it once, as a receipt; after the close the public board lists every
// ballot's code, nonce and content, so anyone can recompute each code and a voter can find theirs.
// While voting is open the ballot is stored sealed (AES-256-GCM, the proposal id as associated data)
// under the server's ballot key, so the database alone cannot tell what a participant voted.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
export { formatTrackingCode, normaliseTrackingCode, receiptText, type Receipt } from "./receipt-format";

export const CHOICES = ["YES", "NO", "ABSTAIN"] as const;
export type Choice = (typeof CHOICES)[number];

/** What a secret ballot says: a yes/no/abstain choice, or a ranking of candidate ids. */
export type BallotContent = { choice: Choice } | { ranking: string[] };

/** The plaintext inside a sealed ballot. */
export interface OpenedBallot {
  nonce: string;
  tracking: string;
  content: BallotContent;
}

const DOMAIN = "plenum-ballot-v1";

/** The content as the tracking code hashes it: the choice, or the candidate ids joined by commas. */
export function canonicalContent(content: BallotContent): string {
  return "choice" in content ? content.choice : content.ranking.join(",");
}

export function trackingCode(proposalId: string, nonce: string, content: BallotContent): string {
  return createHash("sha256").update([DOMAIN, proposalId, nonce, canonicalContent(content)].join("\n")).digest("hex");
}

/** A fresh ballot: a 128-bit random nonce and the tracking code it gives the content. */
export function prepareBallot(proposalId: string, content: BallotContent): OpenedBallot {
  const nonce = randomBytes(16).toString("hex");
  return { nonce, tracking: trackingCode(proposalId, nonce, content), content };
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

export class BallotSealError extends Error {
  override name = "BallotSealError";
}

/** Seals a ballot under a 32-byte key; the proposal id is bound in, so a sealed ballot cannot be moved. */
export function sealBallot(key: Buffer, proposalId: string, ballot: OpenedBallot): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(proposalId));
  const body = Buffer.concat([cipher.update(JSON.stringify(ballot), "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function unsealBallot(key: Buffer, proposalId: string, sealed: Uint8Array): OpenedBallot {
  const bytes = Buffer.from(sealed);
  if (bytes.length <= IV_BYTES + TAG_BYTES) throw new BallotSealError("A sealed ballot is truncated.");
  const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(proposalId));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  let text: string;
  try {
    text = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    throw new BallotSealError(
      "A sealed ballot does not open with this server's ballot key: it was altered, or the key (BALLOT_KEY) is not the one it was sealed with.",
    );
  }
  const ballot = JSON.parse(text) as OpenedBallot;
  if (trackingCode(proposalId, ballot.nonce, ballot.content) !== ballot.tracking) {
    throw new BallotSealError("A sealed ballot's tracking code does not match its content.");
  }
  return ballot;
}
