// Failures that mean "the database cannot be reached or is too busy right now", as opposed to bugs:
// nothing was changed, and trying again later is the right advice. Recognised by Prisma's codes and
// by the node-postgres / PostgreSQL error codes the driver adapter passes through.

const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
// Connection exceptions (08…), shutdowns (57P01-57P03), too many connections (53300).
const PG_CODE = /^(08|57P0[123]|53300)/;
const NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN"]);
const MESSAGES = /Connection terminated|connection (is )?closed|Client has encountered a connection error|terminating connection|the database system is (starting up|shutting down)|Unable to start a transaction|timeout exceeded when trying to connect|Can't reach database/i;

export function isDatabaseUnavailable(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== "object" || depth > 4) return false;
  const err = e as { code?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
  const code = typeof err.code === "string" ? err.code : "";
  if (PRISMA_CODES.has(code) || PG_CODE.test(code) || NODE_CODES.has(code)) return true;
  if (typeof err.message === "string" && MESSAGES.test(err.message)) return true;
  return isDatabaseUnavailable(err.cause, depth + 1) || isDatabaseUnavailable(err.meta?.driverAdapterError, depth + 1);
}

export const DATABASE_UNAVAILABLE_MESSAGE =
  "Plenum cannot reach its database just now, so nothing was changed. Please try again in a minute.";
