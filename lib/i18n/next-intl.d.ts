import type { AppLocale } from "./locale.ts";
import type { Messages } from "./catalogue.ts";

// Typed message keys and locales for next-intl: a missing key is a type error.
declare module "next-intl" {
  interface AppConfig {
    Locale: AppLocale;
    Messages: Messages;
  }
}
