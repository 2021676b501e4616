"use server";
// Server actions for one's own notifications, settings and calendar feed: authenticate (formAction),
// validate, call the service, revalidate. Unsubscribing is the one signed-out action: the signed
// token in the form is its authority.
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { formAction, publicFormAction } from "../actions/form-action";
import type { NotificationKind } from "../generated/prisma/enums";
import { NOTIFICATION_KINDS } from "./kinds";
import { ZNoInput, ZNotificationId, ZSaveSettings, ZUnsubscribe } from "./schemas";
import { markAllRead, markRead, resetCalendarFeed, revokeCalendarFeed, savePreferences, unsubscribe } from "./service";

export const markReadAction = formAction(ZNotificationId, async ({ id }, { db, user }) => {
  await markRead(db, { userId: user.id, id });
  revalidatePath("/", "layout"); // the bell's count is in the layout
});

export const markAllReadAction = formAction(ZNoInput, async (_input, { db, user }) => {
  const count = await markAllRead(db, { userId: user.id });
  revalidatePath("/", "layout");
  return { ok: true, message: count === 0 ? (await getTranslations("actions"))("nothingUnread") : (await getTranslations("actions"))("markedRead", { count }) };
});

export const saveSettingsAction = formAction(ZSaveSettings, async (input, { db, user }) => {
  const fields = input as Record<string, string | undefined>;
  const off = (channel: "inApp" | "email"): NotificationKind[] => NOTIFICATION_KINDS.filter((k) => fields[`${channel}:${k}`] !== "on");
  await savePreferences(db, { userId: user.id, inAppOff: off("inApp"), emailOff: off("email"), digest: input.digest === "on" });
  revalidatePath("/notifications/settings");
  return { ok: true, message: (await getTranslations("actions"))("settingsSaved") };
});

export const resetCalendarAction = formAction(ZNoInput, async (_input, { db, user }) => {
  await resetCalendarFeed(db, user.id);
  revalidatePath("/notifications/settings");
  return { ok: true, message: (await getTranslations("actions"))("calendarReset") };
});

export const revokeCalendarAction = formAction(ZNoInput, async (_input, { db, user }) => {
  await revokeCalendarFeed(db, user.id);
  revalidatePath("/notifications/settings");
  return { ok: true, message: (await getTranslations("actions"))("calendarOff") };
});

export const unsubscribeAction = publicFormAction(ZUnsubscribe, async ({ token }, { db }) => {
  const done = await unsubscribe(db, token);
  const t = await getTranslations("actions");
  if (!done) return { ok: false, message: t("unsubscribeInvalid") };
  return { ok: true, message: done.kind ? t("unsubscribedKind") : t("unsubscribedAll") };
});
