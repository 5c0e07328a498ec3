import enBase from "./messages/en.json" with { type: "json" };
import esBase from "./messages/es.json" with { type: "json" };
import enEvidence from "./messages/en/evidence.json" with { type: "json" };
import esEvidence from "./messages/es/evidence.json" with { type: "json" };
import enHistory from "./messages/en/history.json" with { type: "json" };
import esHistory from "./messages/es/history.json" with { type: "json" };
import enMerge from "./messages/en/merge.json" with { type: "json" };
import esMerge from "./messages/es/merge.json" with { type: "json" };
import enPerson from "./messages/en/person.json" with { type: "json" };
import esPerson from "./messages/es/person.json" with { type: "json" };
import enPublicPerson from "./messages/en/publicPerson.json" with { type: "json" };
import esPublicPerson from "./messages/es/publicPerson.json" with { type: "json" };
import enRecord from "./messages/en/record.json" with { type: "json" };
import esRecord from "./messages/es/record.json" with { type: "json" };
import enReview from "./messages/en/review.json" with { type: "json" };
import esReview from "./messages/es/review.json" with { type: "json" };
import enSubscriptions from "./messages/en/subscriptions.json" with { type: "json" };
import esSubscriptions from "./messages/es/subscriptions.json" with { type: "json" };
import enTips from "./messages/en/tips.json" with { type: "json" };
import esTips from "./messages/es/tips.json" with { type: "json" };
import enNames from "./messages/en/names.json" with { type: "json" };
import esNames from "./messages/es/names.json" with { type: "json" };
import enAnnouncementForm from "./messages/en/announcementForm.json" with { type: "json" };
import esAnnouncementForm from "./messages/es/announcementForm.json" with { type: "json" };
import enReconciliation from "./messages/en/reconciliation.json" with { type: "json" };
import esReconciliation from "./messages/es/reconciliation.json" with { type: "json" };
import enImports from "./messages/en/imports.json" with { type: "json" };
import esImports from "./messages/es/imports.json" with { type: "json" };
import enExports from "./messages/en/exports.json" with { type: "json" };
import esExports from "./messages/es/exports.json" with { type: "json" };
import enApiDocs from "./messages/en/apiDocs.json" with { type: "json" };
import esApiDocs from "./messages/es/apiDocs.json" with { type: "json" };
import type { AppLocale } from "./locale.ts";

/**
 * The message catalogues. The first namespaces live in messages/<locale>.json;
 * each later area has its own file messages/<locale>/<namespace>.json (one
 * namespace a file, named after it), so that work on different screens does
 * not edit the same file.
 */
const es = {
  ...esBase,
  evidence: esEvidence,
  history: esHistory,
  merge: esMerge,
  person: esPerson,
  publicPerson: esPublicPerson,
  record: esRecord,
  review: esReview,
  subscriptions: esSubscriptions,
  tips: esTips,
  names: esNames,
  announcementForm: esAnnouncementForm,
  reconciliation: esReconciliation,
  imports: esImports,
  exports: esExports,
  apiDocs: esApiDocs,
};

const en: typeof es = {
  ...enBase,
  evidence: enEvidence,
  history: enHistory,
  merge: enMerge,
  person: enPerson,
  publicPerson: enPublicPerson,
  record: enRecord,
  review: enReview,
  subscriptions: enSubscriptions,
  tips: enTips,
  names: enNames,
  announcementForm: enAnnouncementForm,
  reconciliation: enReconciliation,
  imports: enImports,
  exports: enExports,
  apiDocs: enApiDocs,
} as typeof es;

export type Messages = typeof es;

export const catalogues: Record<AppLocale, Messages> = { es, en };
