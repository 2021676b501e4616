// Browser tests only: moves an open vote's deadline into the past, so the close can be tested
// without waiting an hour. Answers 404 unless the server was started by scripts/e2e-server.ts
// (PLENUM_E2E_HOOKS=1); it never exists in a normal deployment.
import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { ZId } from "@/lib/councils/schemas";

export async function POST(request: Request) {
  if (process.env.PLENUM_E2E_HOOKS !== "1") return new NextResponse("Not found", { status: 404 });
  const parsed = z.object({ proposalId: ZId }).safeParse(await request.json().catch(() => null));
  if (!parsed.success) return NextResponse.json({ error: "proposalId is required" }, { status: 400 });
  const db = await getDb();
  // A federation motion's mandate votes share its deadline, so they lapse with it.
  const { count } = await db.proposal.updateMany({
    where: { OR: [{ id: parsed.data.proposalId }, { parentId: parsed.data.proposalId }], votingClosesAt: { not: null } },
    data: { votingClosesAt: new Date(Date.now() - 1000) },
  });
  return count ? NextResponse.json({ ok: true }) : NextResponse.json({ error: "No open vote with that id" }, { status: 404 });
}
