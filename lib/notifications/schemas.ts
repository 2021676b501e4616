// Inputs of the notification actions and routes, validated on the server.
import { z } from "zod";
import { msg } from "../schema-messages";
import { NOTIFICATION_KINDS } from "./kinds";

export const ZNotificationId = z.object({ id: z.string().regex(/^[a-z0-9]{8,40}$/, msg("noSuchNotification")) });

const checkbox = z.enum(["on"]).optional();

/** The settings form: "inApp:<KIND>" and "email:<KIND>" checkboxes, and "digest". */
export const ZSaveSettings = z.object({
  digest: checkbox,
  ...Object.fromEntries(NOTIFICATION_KINDS.flatMap((k) => [[`inApp:${k}`, checkbox], [`email:${k}`, checkbox]])),
});
export type TSaveSettings = z.infer<typeof ZSaveSettings>;

export const ZUnsubscribe = z.object({ token: z.string().max(200) });

export const ZNoInput = z.object({});

export const ZNotificationsPage = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1) });
