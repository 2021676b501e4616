// How a request's language and time zone are chosen, and how a deadline reads in each.
import { describe, expect, it } from "vitest";
import { formatDeadline, isTimeZone, matchAcceptLanguage, pickLocale, pickTimeZone } from "@/i18n/locales";

describe("pickLocale", () => {
  it("prefers the reader's cookie", () => {
    expect(pickLocale("de", "es-ES,es;q=0.9")).toBe("de");
  });
  it("ignores a cookie naming a language Plenum does not have", () => {
    expect(pickLocale("fr", "es-MX,es;q=0.9")).toBe("es");
    expect(pickLocale("../../etc", null)).toBe("en");
  });
  it("takes the best supported match from Accept-Language, by q-value", () => {
    expect(matchAcceptLanguage("fr-FR,fr;q=0.9,de;q=0.8,es;q=0.7")).toBe("de");
    expect(matchAcceptLanguage("es;q=0.5,de;q=0.6")).toBe("de");
    expect(matchAcceptLanguage("de-AT")).toBe("de");
    expect(matchAcceptLanguage("en-US,en;q=0.9")).toBe("en");
    expect(matchAcceptLanguage("fr,it")).toBeNull();
    expect(matchAcceptLanguage("es;q=0")).toBeNull();
    expect(matchAcceptLanguage("")).toBeNull();
  });
  it("falls back to English", () => {
    expect(pickLocale(undefined, undefined)).toBe("en");
    expect(pickLocale(undefined, "ja-JP")).toBe("en");
  });
});

describe("time zones", () => {
  it("accepts IANA zones and refuses anything else", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("<script>")).toBe(false);
    expect(pickTimeZone("Nowhere/Land")).toBe("UTC");
    expect(pickTimeZone(undefined)).toBe("UTC");
    expect(pickTimeZone("America/Mexico_City")).toBe("America/Mexico_City");
  });
});

describe("formatDeadline", () => {
  const deadline = new Date("2026-11-28T16:00:00Z"); // a Saturday
  it("shows the deadline in the reader's zone, with the zone's name", () => {
    expect(formatDeadline(deadline, "de", "Europe/Berlin")).toBe("Sa., 28. Nov. 2026, 17:00 MEZ");
    expect(formatDeadline(deadline, "es", "Europe/Madrid")).toBe("sáb, 28 nov 2026, 17:00 CET");
    expect(formatDeadline(deadline, "en", "UTC")).toBe("Sat, Nov 28, 2026, 16:00 UTC");
    expect(formatDeadline(deadline, "en", "America/New_York")).toBe("Sat, Nov 28, 2026, 11:00 EST");
  });
  it("uses a 24-hour clock in every language", () => {
    expect(formatDeadline(new Date("2026-06-01T21:30:00Z"), "en", "UTC")).toMatch(/21:30 UTC$/);
  });
  it("moves the date across midnight with the zone", () => {
    expect(formatDeadline(new Date("2026-11-28T23:30:00Z"), "de", "Asia/Tokyo")).toMatch(/^So\., 29\. Nov\. 2026, 08:30 /);
  });
});

describe("catalogued refusals", () => {
  it("carry English as their message and their key for the reader's language", async () => {
    const { refusal } = await import("@/lib/errors");
    const e = refusal("CLOSED", "withdrawBeforeVoting");
    expect(e.message).toBe("A proposal can only be withdrawn before voting opens.");
    expect(e.code).toBe("CLOSED");
    expect(e.translation).toEqual({ key: "withdrawBeforeVoting" });
  });
});

describe("the refusals that were English sentences", () => {
  const load = async () => {
    const { createTranslator } = await import("next-intl");
    const { FORMATS } = await import("@/i18n/locales");
    const messages = { es: (await import("@/messages/es.json")).default, de: (await import("@/messages/de.json")).default };
    return (locale: "es" | "de", timeZone = "UTC") =>
      createTranslator({ locale, messages: messages[locale], namespace: "domain", formats: FORMATS, timeZone }) as unknown as import("@/lib/errors").DomainTranslator;
  };

  it("a rate limit's wait: English as before, then seconds or minutes in the reader's language", async () => {
    const { renderRefusal, waitRefusal } = await import("@/lib/errors");
    const t = await load();
    const short = waitRefusal("ratePasswordChange", 1);
    expect(short.message).toBe("Too many attempts to change the password. Try again in 1 second.");
    expect(short.retryAfterSeconds).toBe(1);
    expect(renderRefusal(t("es"), short.translation!)).toBe("Demasiados intentos de cambiar la contraseña. Vuelve a intentarlo dentro de 1 segundo.");
    const long = waitRefusal("rateBallots", 600);
    expect(long.message).toBe("You have sent many ballots in a short time. Try again in 10 minutes.");
    expect(renderRefusal(t("de"), long.translation!)).toBe("Du hast in kurzer Zeit viele Stimmzettel abgegeben. Versuche es in 10 Minuten erneut.");
  });

  it("a date in the reader's language and zone; English in UTC", async () => {
    const { refusal, renderRefusal } = await import("@/lib/errors");
    const t = await load();
    const e = refusal("CONFLICT", "memberInOpenElectorate", { closes: Date.parse("2026-11-28T16:00:00Z") });
    expect(e.message).toBe("This member is in the electorate of a vote that is open until Sat, Nov 28, 2026, 16:00 UTC; they can be removed once it closes.");
    expect(renderRefusal(t("es", "Europe/Madrid"), e.translation!)).toMatch(/^Este miembro forma parte del electorado de una votación abierta hasta el sáb, 28 nov 2026, 17:00 CET;/);
    expect(renderRefusal(t("de", "Europe/Berlin"), e.translation!)).toMatch(/bis Sa\., 28\. Nov\. 2026, 17:00 MEZ läuft/);
  });

  it("a charter rule that this kind of council cannot change, field by field", async () => {
    const { refusal, renderRefusalFields } = await import("@/lib/errors");
    const t = await load();
    const e = refusal("INVALID", "correctFields", undefined, {
      weighting: { key: "charterFieldFixed", values: { field: "weighting" } },
      quorumPercent: { key: "charterFieldFixed", values: { field: "quorumPercent" } },
    });
    expect(e.fieldErrors).toEqual({
      weighting: ["Federation votes cannot be changed in this kind of council."],
      quorumPercent: ["Quorum cannot be changed in this kind of council."],
    });
    expect(renderRefusalFields(t("es"), e.translation!).quorumPercent).toEqual(["El quórum no se puede cambiar en este tipo de consejo."]);
    expect(renderRefusalFields(t("de"), e.translation!).weighting).toEqual(["Die Gewichtung in der Föderation kann in dieser Art von Rat nicht geändert werden."]);
  });
});
