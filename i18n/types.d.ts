// Message keys and named formats are checked by the type checker: `t("home.hello")` with a key
// that en.json lacks does not compile (the unit tests also catch it, and keep es/de in step).
import type en from "../messages/en.json";
import type { FORMATS, Locale } from "./locales";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
    Formats: typeof FORMATS;
  }
}
