"use server";
// Two server actions: one that does nothing, one that does what a vote's write needs at the least:
// one INSERT … ON CONFLICT through plain `pg` (no ORM, no session, no checks).
import pg from "pg";

let pool;
const db = () => (pool ??= new pg.Pool({ connectionString: process.env.FLOOR_DATABASE_URL, max: 16 }));

export async function noop(_prev, _form) {
  return { ok: true, message: "recorded" };
}

export async function insertOne(_prev, form) {
  await db().query({
    name: "floor-insert",
    text: `INSERT INTO floor_vote (user_id, choice) VALUES ($1, $2) ON CONFLICT (user_id) DO UPDATE SET choice = EXCLUDED.choice`,
    values: [String(form.get("user")), String(form.get("choice"))],
  });
  return { ok: true, message: "recorded" };
}
