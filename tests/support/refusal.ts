// Awaits something the domain should refuse and hands back the DomainError, so a test can check
// the code and message a person would see. Anything else (success, a crash) fails the test.
import { DomainError } from "@/lib/errors";

export async function refusal(action: Promise<unknown>): Promise<DomainError> {
  try {
    await action;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("Expected the domain to refuse this, but it succeeded.");
}
