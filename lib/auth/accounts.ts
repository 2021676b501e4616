// Creating accounts and checking credentials.
import type { PrismaClient } from "../db/connection";
import { DomainError, isUniqueViolation } from "../errors";
import { hashPassword, verifyPassword } from "./password";
import type { TSignIn, TSignUp } from "./schemas";

export async function createAccount(db: PrismaClient, input: TSignUp) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({
      data: { name: input.name, email: input.email, passwordHash },
      select: { id: true, name: true, email: true },
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw new DomainError("CONFLICT", "That email is already registered.", {
        email: ["An account with this email already exists. Sign in instead."],
      });
    }
    throw e;
  }
}

/** Returns the user for a correct email and password, otherwise null (never says which was wrong). */
export async function checkCredentials(db: PrismaClient, input: TSignIn) {
  const user = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, name: true, email: true, passwordHash: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  return ok && user ? { id: user.id, name: user.name, email: user.email } : null;
}
