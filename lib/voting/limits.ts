// The rate limit on casting ballots, shared by yes/no votes and ranked ballots: per member and per
// address, so a script cannot flood the ballot box (one member, one vote holds regardless).
import "server-only";
import type { PrismaClient } from "../db/connection";
import { enforceLimits, LIMITS } from "../security/rate-limit";
import { requestAddress } from "../security/request";

export async function limitBallots(db: PrismaClient, userId: string): Promise<void> {
  await enforceLimits(db, [LIMITS.voteAccount(userId), LIMITS.voteIp(await requestAddress())], "rateBallots");
}
