// Browser tests only (404 unless PLENUM_E2E_HOOKS=1, set by scripts/e2e-server.ts): a digest of
// every table, so a test can show a refused request changed nothing, and a council's members,
// proposals and delegations, a proposal's comments and a person's notifications and emails by id,
// since the embedded database belongs to the server process.
import { createHash } from "node:crypto";
import { NextResponse } from "next/server";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

// Rate-limit counters move on every request, allowed or not; audit entries are sealed by the
// server's sweep (their content still counts, their chain fields do not), and the same sweep
// derives notifications and emails from sealed entries whenever it runs: a change there follows a
// change in the audit log, which does count.
const SKIPPED = new Set(["RateLimit", "Notification", "Email", "NotificationCursor"]);
const AUDIT_SEAL_FIELDS = ["chainIndex", "prevHash", "hash"];

async function digest(): Promise<{ digest: string; rows: Record<string, number> }> {
  const db = await getDb();
  const hash = createHash("sha256");
  const rows: Record<string, number> = {};
  for (const model of Object.values(Prisma.ModelName)) {
    if (SKIPPED.has(model)) continue;
    const delegate = (db as unknown as Record<string, { findMany(args?: object): Promise<Record<string, unknown>[]> }>)[model[0]!.toLowerCase() + model.slice(1)]!;
    const found = await delegate.findMany();
    const lines = found.map((row) => {
      if (model === "AuditEntry") for (const f of AUDIT_SEAL_FIELDS) delete row[f];
      return JSON.stringify(row, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
    }).sort();
    rows[model] = lines.length;
    hash.update(model).update("\n").update(lines.join("\n")).update("\n");
  }
  return { digest: hash.digest("hex"), rows };
}

export async function GET(request: Request) {
  if (process.env.PLENUM_E2E_HOOKS !== "1") return new NextResponse("Not found", { status: 404 });
  const params = new URL(request.url).searchParams;
  const slug = params.get("slug");
  const db = await getDb();
  // A proposal's comments, and a person's notifications and emails, by id (for the access matrix).
  const commentsOf = params.get("comments");
  if (commentsOf) return NextResponse.json(await db.comment.findMany({ where: { proposalId: commentsOf }, select: { id: true, authorId: true }, orderBy: { createdAt: "asc" } }));
  const userId = params.get("user");
  if (userId) {
    const [notifications, emails] = await Promise.all([
      db.notification.findMany({ where: { userId }, select: { id: true }, orderBy: { createdAt: "desc" } }),
      db.email.findMany({ where: { userId }, select: { id: true }, orderBy: { createdAt: "desc" } }),
    ]);
    return NextResponse.json({ notifications: notifications.map((n) => n.id), emails: emails.map((e) => e.id) });
  }
  if (!slug) return NextResponse.json(await digest());
  const council = await db.council.findUnique({
    where: { slug },
    select: {
      id: true,
      memberships: { select: { id: true, userId: true, status: true, role: true, user: { select: { email: true } } } },
      proposals: { select: { id: true, title: true, kind: true, votingOpenedAt: true, votingClosesAt: true } },
      delegations: { select: { id: true, holderId: true, endedAt: true, electedById: true } },
    },
  });
  return council ? NextResponse.json(council) : NextResponse.json({ error: "No such council" }, { status: 404 });
}
