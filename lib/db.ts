// The app's database handle, for server code only (pages, actions, route handlers).
import "server-only";

export { getDb } from "./db/client";
export type { PrismaClient } from "./db/connection";
export type { Tx, Db } from "./db/types";
