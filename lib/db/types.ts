// Types shared by every service that takes the client or a transaction.
import type { PrismaClient } from "../generated/prisma/client";

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
export type Db = PrismaClient | Tx;
