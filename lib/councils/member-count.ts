// How many active members councils have, for display on the council page and in the directory.
// Counting a million-member council's rows on every view costs the database 100 ms or more, so a big
// council's count (1,000 members or more) is remembered per process for a minute; smaller counts
// are always exact, so "you are the last member" and "no members left" never rest on a stale figure.
// Nothing is decided from these numbers: quorum uses the electorate recorded when voting opens.
import type { Db } from "../db/types";

const EXACT_BELOW = 1_000;
const TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;
const remembered = new Map<string, { n: number; at: number }>();

export async function countActiveMembers(db: Db, councilIds: readonly string[], now = Date.now()): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const missing: string[] = [];
  for (const id of councilIds) {
    const hit = remembered.get(id);
    if (hit && now - hit.at < TTL_MS) counts.set(id, hit.n);
    else missing.push(id);
  }
  if (missing.length > 0) {
    const rows = await db.membership.groupBy({ by: ["councilId"], where: { councilId: { in: missing }, status: "ACTIVE" }, _count: { _all: true } });
    for (const id of missing) counts.set(id, 0);
    if (remembered.size > MAX_ENTRIES) remembered.clear();
    for (const row of rows) {
      const n = row._count._all;
      counts.set(row.councilId, n);
      if (n >= EXACT_BELOW) remembered.set(row.councilId, { n, at: now });
      else remembered.delete(row.councilId);
    }
  }
  return counts;
}
