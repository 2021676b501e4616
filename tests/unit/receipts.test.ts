// Secret ballots' tracking codes and sealing: a code commits to the content, a sealed ballot opens
// only with the key and the proposal it was cast in, and anything altered is refused.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  BallotSealError, formatTrackingCode, normaliseTrackingCode, prepareBallot, sealBallot, trackingCode, unsealBallot, type BallotContent,
} from "@/lib/voting/receipts";
import { ballotIsSecret } from "@/lib/voting/secrecy";

const key = Buffer.alloc(32, 1);
const otherKey = Buffer.alloc(32, 2);
const ZContent = fc.oneof(
  fc.constantFrom("YES", "NO", "ABSTAIN").map((choice) => ({ choice }) as BallotContent),
  fc.uniqueArray(fc.stringMatching(/^[a-z0-9]{1,25}$/), { maxLength: 10 }).map((ranking) => ({ ranking }) as BallotContent),
);

describe("tracking codes", () => {
  it("differ for the same content (a random nonce), so a code does not reveal a choice by itself", () => {
    const a = prepareBallot("p1", { choice: "YES" });
    const b = prepareBallot("p1", { choice: "YES" });
    expect(a.tracking).not.toBe(b.tracking);
    expect(a.tracking).toMatch(/^[0-9a-f]{64}$/);
  });

  it("can be recomputed by anyone from the proposal id, nonce and content — and change if any of them does", () => {
    const ballot = prepareBallot("p1", { ranking: ["a", "b"] });
    expect(trackingCode("p1", ballot.nonce, { ranking: ["a", "b"] })).toBe(ballot.tracking);
    expect(trackingCode("p1", ballot.nonce, { ranking: ["b", "a"] })).not.toBe(ballot.tracking);
    expect(trackingCode("p2", ballot.nonce, { ranking: ["a", "b"] })).not.toBe(ballot.tracking);
  });

  it("read back however a person types them", () => {
    const code = prepareBallot("p1", { choice: "NO" }).tracking;
    expect(normaliseTrackingCode(formatTrackingCode(code).toUpperCase())).toBe(code);
    expect(normaliseTrackingCode(` ${code.slice(0, 32)}-${code.slice(32)} `)).toBe(code);
    expect(normaliseTrackingCode(code.slice(1))).toBeNull();
    expect(normaliseTrackingCode("' OR 1=1 --")).toBeNull();
  });
});

describe("sealed ballots", () => {
  it("open to exactly what was sealed, for any content", () => {
    fc.assert(fc.property(ZContent, (content) => {
      const ballot = prepareBallot("proposal-1", content);
      expect(unsealBallot(key, "proposal-1", sealBallot(key, "proposal-1", ballot))).toEqual(ballot);
    }));
  });

  it("do not open with another key, in another proposal, or after any byte is changed", () => {
    const sealed = sealBallot(key, "p1", prepareBallot("p1", { choice: "YES" }));
    expect(() => unsealBallot(otherKey, "p1", sealed)).toThrow(BallotSealError);
    expect(() => unsealBallot(key, "p2", sealed)).toThrow(BallotSealError);
    for (const i of [0, 12, 28, sealed.length - 1]) {
      const altered = Buffer.from(sealed);
      altered[i]! ^= 1;
      expect(() => unsealBallot(key, "p1", altered)).toThrow(BallotSealError);
    }
    expect(() => unsealBallot(key, "p1", sealed.subarray(0, 20))).toThrow(/truncated/);
  });

  it("look different each time, even for the same content", () => {
    const ballot = prepareBallot("p1", { choice: "YES" });
    expect(sealBallot(key, "p1", ballot).equals(sealBallot(key, "p1", ballot))).toBe(false);
  });
});

describe("open or secret", () => {
  it("the charter decides, and lets the author decide only where it says so", () => {
    expect(ballotIsSecret("SECRET", false)).toBe(true);
    expect(ballotIsSecret("OPEN", true)).toBe(false);
    expect(ballotIsSecret("AUTHOR_CHOOSES", true)).toBe(true);
    expect(ballotIsSecret("AUTHOR_CHOOSES", false)).toBe(false);
  });
});
