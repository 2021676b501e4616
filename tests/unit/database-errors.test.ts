// Which failures count as "the database is unavailable" (say: try again) rather than a bug.
import { expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/db/errors";

it("recognises outages and overloads by Prisma, PostgreSQL and Node codes, also when wrapped", () => {
  expect(isDatabaseUnavailable({ code: "P2028", message: "Transaction API error: Unable to start a transaction in the given time." })).toBe(true);
  expect(isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
  expect(isDatabaseUnavailable({ code: "57P01", message: "terminating connection due to administrator command" })).toBe(true);
  expect(isDatabaseUnavailable(new Error("outer", { cause: new Error("Connection terminated unexpectedly") }))).toBe(true);
  expect(isDatabaseUnavailable({ code: "P2010", meta: { driverAdapterError: { cause: { code: "08006" } } } })).toBe(true); // where the adapter puts it
});

it("leaves real bugs and refusals alone", () => {
  expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
  expect(isDatabaseUnavailable({ code: "P2002", message: "Unique constraint failed" })).toBe(false);
  expect(isDatabaseUnavailable({ code: "23505" })).toBe(false);
  expect(isDatabaseUnavailable(null)).toBe(false);
});
