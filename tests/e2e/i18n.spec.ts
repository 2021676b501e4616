// The interface in the reader's language and time zone: Accept-Language picks Spanish or German,
// the footer's switcher overrides it (a cookie; the URL stays the same), and a vote's deadline is
// shown in the browser's time zone, with the zone's name.
import type { Browser, BrowserContextOptions } from "@playwright/test";
import { demo, expect, signInAs, test } from "./fixtures";

const SOURDOUGH = "Start a weekly sourdough subscription for neighbours"; // open; Elif has not voted

async function contextFor(browser: Browser, options: BrowserContextOptions, who?: string) {
  const context = await browser.newContext(options);
  if (who) await signInAs(context.request, demo(who));
  return context;
}

// Elif has not voted on the sourdough subscription: the German test only looks, the Spanish one votes.
test("German from Accept-Language, with the deadline in Berlin time", async ({ browser }) => {
  const context = await contextFor(browser, { locale: "de-DE", timezoneId: "Europe/Berlin" }, "elif");
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("heading", { name: "Deine Räte", exact: true })).toBeVisible();
  await page.getByRole("region", { name: "Abstimmungen, die auf dich warten" }).getByRole("link", { name: SOURDOUGH }).click();
  await expect(page.getByRole("heading", { name: "Abstimmung läuft" })).toBeVisible();
  await expect(page.getByTestId("voting-deadline")).toContainText(/Abstimmung endet am .+ \d\d:\d\d MEZ/);
  await expect(page.getByRole("radio", { name: /^Ja/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /^(Abstimmen|Stimme ändern)$/ })).toBeVisible();

  // The audit log: its verification and the names of events, in German.
  await page.goto("/councils/crumb-and-co-bakers/log");
  await expect(page.getByRole("heading", { name: "Prüfprotokoll", level: 1 })).toBeVisible();
  await expect(page.getByTestId("audit-verification")).toContainText(/Kette intakt bis Eintrag \d+\./);
  await expect(page.getByText("Abstimmung eröffnet").first()).toBeVisible();
  await context.close();
});

test("Spanish from Accept-Language: home, councils, a council, a proposal with its deadline in the reader's zone, the vote form", async ({ browser }) => {
  const context = await contextFor(browser, { locale: "es-ES", timezoneId: "Europe/Madrid" }, "elif");
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { name: "Votaciones pendientes" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Tus consejos", exact: true })).toBeVisible();

  await page.goto("/councils");
  await expect(page.getByRole("heading", { name: "Consejos", level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Buscar" })).toBeVisible();
  await expect(page).toHaveTitle("Consejos · Plenum");

  await page.goto("/councils?q=Crumb");
  await page.getByRole("link", { name: "Crumb & Co. Bakers" }).click();
  await expect(page.getByText(/^Consejo de trabajadores · \d+ miembros$/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Estatutos" })).toBeVisible();

  await page.goto("/");
  await page.getByRole("region", { name: "Votaciones pendientes" }).getByRole("link", { name: SOURDOUGH }).click();
  await expect(page.getByRole("heading", { name: "La votación está abierta" })).toBeVisible();
  // The browser reports Europe/Madrid; the page re-renders in it once the cookie is set.
  await expect(page.getByTestId("voting-deadline")).toContainText(/la votación cierra el .+ \d\d:\d\d CET/);
  await page.getByRole("radio", { name: /^Abstención/ }).check();
  await page.getByRole("button", { name: "Votar" }).click();
  await expect(page.getByText("Tu voto «abstención» ha quedado registrado.")).toBeVisible();
  await expect(page.getByRole("group", { name: "Cambia tu voto" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Cambiar voto" })).toBeVisible();
  await context.close();
});

test("the language switcher overrides Accept-Language and keeps the address", async ({ browser }) => {
  const context = await contextFor(browser, { locale: "de-DE" });
  const page = await context.newPage();
  await page.goto("/councils?q=basket");
  await expect(page.getByRole("heading", { name: "Räte", level: 1 })).toBeVisible();
  const languages = page.getByRole("navigation", { name: "Sprache" });
  await languages.getByRole("button", { name: "Español" }).click();
  await expect(page.getByRole("heading", { name: "Consejos", level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/councils\?q=basket$/);
  await expect(page.getByRole("navigation", { name: "Idioma" }).getByRole("button", { name: "Español" })).toHaveAttribute("aria-current", "true");
  await page.reload();
  await expect(page.getByRole("heading", { name: "Consejos", level: 1 })).toBeVisible();
  await page.getByRole("navigation", { name: "Idioma" }).getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Councils", level: 1 })).toBeVisible();
  await context.close();
});

test("English stays the default for a language Plenum does not speak", async ({ browser }) => {
  const context = await contextFor(browser, { locale: "fr-FR" });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { name: "Decide together. Count honestly." })).toBeVisible();
  await context.close();
});

test("a refused form's field messages in Spanish and German (zod's messages from the catalogue)", async ({ browser }) => {
  for (const [locale, labels, expected] of [
    ["es-ES", { name: "Nombre", email: "Correo electrónico", password: "Contraseña", submit: "Crear cuenta" }, "Usa al menos 12 caracteres."],
    ["de-DE", { name: "Name", email: "E-Mail", password: "Passwort", submit: "Konto erstellen" }, "Verwende mindestens 12 Zeichen."],
  ] as const) {
    const context = await contextFor(browser, { locale });
    const page = await context.newPage();
    await page.goto("/signup");
    await page.getByLabel(labels.name, { exact: true }).fill("Kurzes Passwort");
    await page.getByLabel(labels.email, { exact: true }).fill("kurz@demo.plenum.coop");
    await page.getByLabel(labels.password, { exact: true }).fill("short");
    await page.getByRole("button", { name: labels.submit }).click();
    await expect(page.getByText(expected)).toBeVisible();
    await expect(page.getByText("Use at least 12 characters.")).toHaveCount(0);
    await context.close();
  }
});
