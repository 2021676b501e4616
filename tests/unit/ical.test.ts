// The iCalendar writer: CRLF everywhere, TEXT escaping, and folding at 75 octets that never splits
// a UTF-8 character (RFC 5545 3.1 and 3.3.11).
import { describe, expect, it } from "vitest";
import { buildCalendar, escapeText, foldLine, formatUtc } from "@/lib/notifications/ical";

const octets = (s: string) => Buffer.byteLength(s, "utf8");

describe("iCalendar", () => {
  it("escapes TEXT values", () => {
    expect(escapeText("a\\b; c, d\ne")).toBe("a\\\\b\\; c\\, d\\ne");
  });

  it("formats times in UTC", () => {
    expect(formatUtc(new Date("2026-11-25T15:13:05.123Z"))).toBe("20261125T151305Z");
  });

  it("folds long lines at 75 octets without splitting characters, and unfolds to the original", () => {
    const line = `SUMMARY:${"Wählt den Ausschuss für Einkäufe — ".repeat(6)}🚲🚲🚲`;
    const folded = foldLine(line);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) expect(octets(part)).toBeLessThanOrEqual(75);
    for (const part of parts.slice(1)) expect(part.startsWith(" ")).toBe(true);
    expect(folded.replace(/\r\n /g, "")).toBe(line);
    expect(foldLine("SHORT:line")).toBe("SHORT:line");
  });

  it("writes a calendar with CRLF line endings and one event per deadline", () => {
    const text = buildCalendar({
      name: "Plenum: voting deadlines",
      now: new Date("2026-11-25T10:00:00Z"),
      events: [{ uid: "vote-1@plenum", start: new Date("2026-11-26T18:00:00Z"), summary: "Vote closes: Paint, the shop; green", description: "Bakers.\nhttps://x/proposals/1", url: "https://x/proposals/1" }],
    });
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = text.replace(/\r\n /g, "").split("\r\n");
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines).toContain("VERSION:2.0");
    expect(lines).toContain("DTSTART:20261126T180000Z");
    expect(lines).toContain("DTSTAMP:20261125T100000Z");
    expect(lines).toContain("SUMMARY:Vote closes: Paint\\, the shop\\; green");
    expect(lines).toContain("DESCRIPTION:Bakers.\\nhttps://x/proposals/1");
    expect(lines.at(-2)).toBe("END:VCALENDAR");
  });
});
