// The signed-in member's own data, and only theirs (principle 5: members own their data).
import { currentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { answer, download, unauthenticated } from "@/lib/exports/http";
import { findMemberExport } from "@/lib/exports/queries";
import { findNotificationExport } from "@/lib/notifications/service";

export async function GET() {
  return answer(async () => {
    const user = await currentUser();
    if (!user) return unauthenticated();
    const db = await getDb();
    const member = await findMemberExport(db, user.id);
    if (!member) return unauthenticated();
    const data = { ...member, notifications: await findNotificationExport(db, user.id) };
    return download(`${JSON.stringify(data, null, 2)}\n`, { filename: `plenum-export-${data.account.id}.json`, type: "json" });
  });
}
