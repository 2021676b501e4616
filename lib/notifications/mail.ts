// Email delivery: the SMTP settings from the environment (SMTP_URL, MAIL_FROM) and the sender that
// works through the outbox after the fact, with retries and backoff. Without SMTP_URL, queued
// emails are marked SKIPPED with a note instead of being sent; nothing ever throws at a user.
import nodemailer, { type Transporter } from "nodemailer";
import type { PrismaClient } from "../db/connection";
import type { Email } from "../generated/prisma/client";
import { ConfigError } from "../db/connection";
import { signToken } from "./tokens";

/** The address people reach Plenum at, for links in emails and feeds. */
export function appUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.NEXTAUTH_URL?.trim() || `http://localhost:${env.PORT?.trim() || "3000"}`).replace(/\/+$/, "");
}

export interface MailConfig {
  url: string;
  from: string;
}

/** null when email is not configured; throws a ConfigError saying what to set when it is half-set. */
export function mailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig | null {
  const url = env.SMTP_URL?.trim();
  const from = env.MAIL_FROM?.trim();
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError("SMTP_URL is not a URL: use smtp://user:password@host:587 or smtps://user:password@host:465.");
  }
  if (parsed.protocol !== "smtp:" && parsed.protocol !== "smtps:") {
    throw new ConfigError("SMTP_URL must start with smtp:// or smtps:// (e.g. smtp://user:password@host:587).");
  }
  if (!from) throw new ConfigError("SMTP_URL is set but MAIL_FROM is not: set it to the sender, e.g. MAIL_FROM=\"Plenum <plenum@example.coop>\".");
  if (!/^[^<>]*<[^@\s<>]+@[^@\s<>]+>$|^[^@\s<>]+@[^@\s<>]+$/.test(from)) {
    throw new ConfigError("MAIL_FROM must be an address, e.g. plenum@example.coop or \"Plenum <plenum@example.coop>\".");
  }
  return { url, from };
}

export function createTransport(config: MailConfig): Transporter {
  // Short timeouts: a slow mail server delays the next sweep, never a person.
  return nodemailer.createTransport({ url: config.url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
}

/** Minutes to wait after the nth failed attempt; after the last one the email is marked FAILED. */
export const RETRY_MINUTES = [1, 5, 30, 120] as const;
export const MAX_ATTEMPTS = RETRY_MINUTES.length + 1;

export const NOT_CONFIGURED = "Not sent: no mail server is configured (set SMTP_URL and MAIL_FROM).";

export function unsubscribeUrl(emailId: string, base = appUrl()): string {
  return `${base}/api/unsubscribe/${signToken("unsubscribe", emailId)}`;
}

export function unsubscribePageUrl(emailId: string, base = appUrl()): string {
  return `${base}/unsubscribe/${signToken("unsubscribe", emailId)}`;
}

/** The message as sent: the stored text, a footer with the settings and unsubscribe links, RFC 8058 headers. */
export function composeEmail(email: { id: string; to: string; subject: string; text: string; kind: string | null }, from: string, base = appUrl()) {
  const what = email.kind ? "emails like this one" : "these digests and every other Plenum email";
  const footer = [
    "-- ",
    "You get this because of your notification settings in Plenum.",
    `Change them: ${base}/notifications/settings`,
    `Stop ${what}: ${unsubscribePageUrl(email.id, base)}`,
  ].join("\n");
  return {
    from,
    to: email.to,
    subject: email.subject,
    text: `${email.text.trimEnd()}\n\n${footer}\n`,
    headers: {
      "List-Unsubscribe": `<${unsubscribeUrl(email.id, base)}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "Auto-Submitted": "auto-generated",
    },
  };
}

export interface SendOptions {
  /** A transport to use instead of SMTP_URL's (tests); null means "not configured". */
  transport?: Transporter | null;
  from?: string;
  now?: Date;
  batch?: number;
}

export interface SendReport {
  sent: number;
  failed: number;
  retrying: number;
  skipped: number;
}

const describeError = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 500);

/**
 * Delivers due emails from the outbox. Each email is claimed by a compare-and-set on its attempt
 * count before it is sent, so two senders never send the same one; a failure is recorded with its
 * reason and retried later, and after MAX_ATTEMPTS the email stays in the outbox as FAILED.
 */
export async function sendQueuedEmails(db: PrismaClient, options: SendOptions = {}): Promise<SendReport> {
  const now = options.now ?? new Date();
  const report: SendReport = { sent: 0, failed: 0, retrying: 0, skipped: 0 };
  const due = await db.email.findMany({
    where: { status: "QUEUED", nextAttemptAt: { lte: now } },
    orderBy: { nextAttemptAt: "asc" },
    take: options.batch ?? 100,
  });
  if (due.length === 0) return report;

  let transport = options.transport;
  let from = options.from;
  const own = transport === undefined; // a transport made here is closed here
  if (own) {
    const config = mailConfig();
    transport = config ? createTransport(config) : null;
    from ??= config?.from;
  }
  if (!transport || !from) {
    const { count } = await db.email.updateMany({ where: { id: { in: due.map((e) => e.id) }, status: "QUEUED" }, data: { status: "SKIPPED", lastError: NOT_CONFIGURED } });
    report.skipped = count;
    return report;
  }

  try {
    for (const email of due) await sendOne(db, transport, from, email, now, report);
  } finally {
    if (own) transport.close();
  }
  return report;
}

async function sendOne(db: PrismaClient, transport: Transporter, from: string, email: Email, now: Date, report: SendReport) {
  {
    const attempt = email.attempts + 1;
    const retryAt = new Date(now.getTime() + (RETRY_MINUTES[attempt - 1] ?? 0) * 60_000);
    // Claim it: if the process dies mid-send, the email is tried again after the backoff.
    const claimed = await db.email.updateMany({ where: { id: email.id, status: "QUEUED", attempts: email.attempts }, data: { attempts: attempt, nextAttemptAt: retryAt } });
    if (claimed.count !== 1) return;
    try {
      const info = await transport.sendMail(composeEmail(email, from));
      await db.email.update({ where: { id: email.id }, data: { status: "SENT", sentAt: new Date(), messageId: String(info.messageId ?? ""), lastError: null } });
      report.sent++;
    } catch (e) {
      const last = attempt >= MAX_ATTEMPTS;
      await db.email.update({ where: { id: email.id }, data: { lastError: `Attempt ${attempt}: ${describeError(e)}`, ...(last ? { status: "FAILED" } : {}) } });
      if (last) report.failed++;
      else report.retrying++;
    }
  }
}
