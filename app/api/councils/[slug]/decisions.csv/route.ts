// A council's decision record: every proposal with its status and result, for its members.
import { z } from "zod";
import { currentUser } from "@/lib/auth/session";
import { looksLikeSlug } from "@/lib/councils/schemas";
import { getDb } from "@/lib/db";
import { loadCouncilFor } from "@/lib/exports/access";
import { answer, download, jsonError, unauthenticated } from "@/lib/exports/http";
import { decisionRecordCsv, findDecisionRecord } from "@/lib/exports/queries";

const ZSlugParam = z.string().refine(looksLikeSlug);

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return answer(async () => {
    const user = await currentUser();
    if (!user) return unauthenticated();
    const slug = ZSlugParam.safeParse((await params).slug);
    if (!slug.success) return jsonError(404, "There is no such council.");
    const db = await getDb();
    const council = await loadCouncilFor(db, slug.data, user.id);
    const rows = await findDecisionRecord(db, council.id);
    return download(decisionRecordCsv(rows), { filename: `decisions-${council.slug}.csv`, type: "csv" });
  });
}
