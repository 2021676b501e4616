// What a federation motion's stored Result.count holds (see closeFederationMotionInTx): the
// weighting and each member council's mandate, read back from JSON with its shape checked.
import type { FederationWeighting } from "../generated/prisma/enums";
import type { CouncilMandate } from "./rules";

export interface FederationCount {
  weighting: FederationWeighting;
  mandates: CouncilMandate[];
}

export function readFederationCount(json: unknown): FederationCount | null {
  if (typeof json !== "object" || json === null) return null;
  const c = json as Partial<FederationCount>;
  return (c.weighting === "EQUAL" || c.weighting === "MEMBERSHIP") && Array.isArray(c.mandates) ? (c as FederationCount) : null;
}

export const WEIGHTING_LABEL: Record<FederationWeighting, string> = {
  EQUAL: "One council, one vote",
  MEMBERSHIP: "By membership: each council weighs as many as its electorate",
};
