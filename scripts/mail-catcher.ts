// `npm run mail:catch`: a local SMTP server (smtp-server) for development that accepts every email
// Plenum sends, prints who it is for and its subject, and keeps it in .data/mail/<time>.eml.
// Start Plenum with SMTP_URL=smtp://127.0.0.1:2525 MAIL_FROM=plenum@localhost to use it.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { root } from "./lib/env";

const port = Number(process.env.MAIL_CATCHER_PORT || 2525);
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
server.on("error", (e) => {
  console.error(`Mail catcher: ${e.message}`);
  process.exit(1);
});
server.listen(port, "127.0.0.1", () => {
  console.log(`• Catching mail on smtp://127.0.0.1:${port} (Ctrl-C to stop)`);
  console.log(`  Start Plenum with SMTP_URL=smtp://127.0.0.1:${port} MAIL_FROM=plenum@localhost`);
});
