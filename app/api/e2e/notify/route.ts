// Browser tests only: runs the notification sweep now instead of at the next minute. Answers 404
// unless the server was started by scripts/e2e-server.ts (PLENUM_E2E_HOOKS=1).
import { NextResponse } from "next/server";
import { sealAuditLog } from "@/lib/audit/log";
import { getDb } from "@/lib/db";
import { runNotificationSweep } from "@/lib/notifications/dispatch";

export async function POST() {
  if (process.env.PLENUM_E2E_HOOKS !== "1") return new NextResponse("Not found", { status: 404 });
  const db = await getDb();
  await sealAuditLog(db);
  const report = await runNotificationSweep(db);
  return NextResponse.json({ ok: true, notified: report.notified });
}
