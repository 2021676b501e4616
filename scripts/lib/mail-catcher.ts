// A local SMTP server for development (the smtp-server package): accepts every email Plenum sends,
// prints who it is for and its subject, and keeps it in .data/mail/<time>.eml. Used by
// `npm run mail:catch` and, when SMTP_URL is unset, by `npm run dev`.
import { mkdirSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { root } from "./env";

/** Listens on `port` (a free one if it is taken, or 0) and resolves with the SMTP URL. */
export async function startMailCatcher(port: number): Promise<string> {
  const dir = path.join(root, ".data/mail");
  mkdirSync(dir, { recursive: true });
  const server = new SMTPServer({
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}.eml`);
        writeFileSync(file, raw);
        const head = raw.toString("utf8").split(/\r?\n\r?\n/)[0] ?? "";
        const subject = /^Subject: (.*)$/im.exec(head)?.[1] ?? "(no subject)";
        const unsubscribe = /^List-Unsubscribe: <([^>]+)>/im.exec(head)?.[1];
        console.log(`✉ to ${session.envelope.rcptTo.map((r) => r.address).join(", ")}: ${subject}`);
        if (unsubscribe) console.log(`  one-click unsubscribe: POST ${unsubscribe}`);
        console.log(`  saved ${path.relative(root, file)}`);
        callback();
      });
    },
  });
  // SMTPServer re-emits its socket's errors: one handler, routed to the listen in progress, if any.
  let failListen: ((e: Error) => void) | null = null;
  server.on("error", (e) => (failListen ? failListen(e) : console.warn(`Mail catcher: ${e.message}`)));
  const listen = (p: number) => new Promise<void>((resolve, reject) => {
    failListen = reject;
    server.listen(p, "127.0.0.1", () => resolve());
  }).finally(() => { failListen = null; });
  try {
    await listen(port);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EADDRINUSE" || port === 0) throw e;
    await listen(0); // another worktree's catcher has the port: any free one will do
  }
  server.server.unref();
  return `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
}
