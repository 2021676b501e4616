// `npm run mail:catch`: a local SMTP server that prints and keeps every email Plenum sends
// (scripts/lib/mail-catcher.ts). Start Plenum with the SMTP_URL it prints and MAIL_FROM=plenum@localhost.
import { startMailCatcher } from "./lib/mail-catcher";

const url = await startMailCatcher(Number(process.env.MAIL_CATCHER_PORT || 2525));
console.log(`• Catching mail on ${url} (Ctrl-C to stop)`);
console.log(`  Start Plenum with SMTP_URL=${url} MAIL_FROM=plenum@localhost`);
setInterval(() => {}, 1 << 30); // the server is unref'd; keep this process alive until Ctrl-C
