/**
 * The fixed part of the demo: its version, member organizations and users.
 * Everything here is fictional and marked as demo data (isDemo, "(demo)").
 */

/** Recorded in SystemState under DEMO_STATE_KEY; bump it when the demo data changes. */
export const DEMO_VERSION = "2026-01.1";
export const DEMO_STATE_KEY = "demo";

export type DemoOrganizationSlug = "demo-red" | "demo-observatorio" | "demo-familias";

export interface DemoOrganization {
  slug: DemoOrganizationSlug;
  name: string;
  /** Prefix of the organization's own references for its people, e.g. "RDDH-0001". */
  refPrefix: string;
  /** Share of the demo people recorded by this organization. */
  share: number;
}

export const DEMO_ORGANIZATIONS: readonly DemoOrganization[] = [
  { slug: "demo-red", name: "Red Demo de Derechos Humanos (demo)", refPrefix: "RDDH", share: 0.5 },
  { slug: "demo-observatorio", name: "Observatorio Demo de Detenciones Políticas (demo)", refPrefix: "ODDP", share: 0.3 },
  { slug: "demo-familias", name: "Comité Demo de Familiares (demo)", refPrefix: "CDF", share: 0.2 },
];

export type DemoUserKey = "voluntaria" | "moderador" | "moderadora" | "admin";

export interface DemoUser {
  key: DemoUserKey;
  email: string;
  password: string;
  role: "volunteer" | "moderator" | "admin";
  name: string;
  organizationSlug: DemoOrganizationSlug;
}

/**
 * The demo accounts. Their passwords are public on purpose: the launcher prints
 * them in demo mode, and tests sign in with them. Two moderators, because
 * verification needs approvals from two distinct moderators.
 */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    key: "voluntaria",
    email: "voluntaria@demo.constancia.org",
    password: "demo-voluntaria-2026",
    role: "volunteer",
    name: "Valentina Voluntaria (demo)",
    organizationSlug: "demo-red",
  },
  {
    key: "moderador",
    email: "moderador@demo.constancia.org",
    password: "demo-moderador-2026",
    role: "moderator",
    name: "Mario Moderador (demo)",
    organizationSlug: "demo-red",
  },
  {
    key: "moderadora",
    email: "moderadora@demo.constancia.org",
    password: "demo-moderadora-2026",
    role: "moderator",
    name: "Marta Moderadora (demo)",
    organizationSlug: "demo-observatorio",
  },
  {
    key: "admin",
    email: "admin@demo.constancia.org",
    password: "demo-admin-2026",
    role: "admin",
    name: "Ana Administradora (demo)",
    organizationSlug: "demo-red",
  },
];

/** When the demo organizations and accounts "were created", in the story. */
export const DEMO_SETUP_AT = new Date("2025-11-03T14:00:00.000Z");
