// A real SMTP server on a free local port (the smtp-server package) that keeps every message it
// receives, parsed, so tests assert what arrived. Plain SMTP without auth, as a local catcher.
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import type { AddressInfo } from "node:net";

export interface Catcher {
  url: string;
  messages: ParsedMail[];
  /** Envelope recipients of each message, in arrival order. */
  recipients: string[][];
  /** Refuse the next n messages with a 451 (a temporary failure), to test retries. */
  refuseNext(n: number): void;
  close(): Promise<void>;
}

export async function startMailCatcher(): Promise<Catcher> {
  const messages: ParsedMail[] = [];
  const recipients: string[][] = [];
  let refusals = 0;
  const server = new SMTPServer({
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      if (refusals > 0) {
        refusals--;
        stream.resume();
        stream.on("end", () => callback(Object.assign(new Error("Try again later"), { responseCode: 451 })));
        return;
      }
      simpleParser(stream).then(
        (mail) => {
          messages.push(mail);
          recipients.push(session.envelope.rcptTo.map((r) => r.address));
          callback();
        },
        (e: Error) => callback(e),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    recipients,
    refuseNext: (n) => { refusals = n; },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
