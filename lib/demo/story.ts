/**
 * The demo's releases, shaped to tell the story of January 2026: a trickle
 * around Christmas, then releases from 8 January on, verified at the pace of
 * Foro Penal's public figures (56 by 13 January, 100 by 17 January, 156 by
 * 23 January), with a queue still waiting for review, a few rejections, three
 * disputed releases and two retracted ones (one of them re-arrested).
 *
 * Pure: the same people and seed always give the same plan. Every status a
 * release has had is in `history`, with its instant, because the tally "as of"
 * a date reads the status history.
 */
import type { DemoUserKey } from "./fixtures.ts";
import { DEMO_FACILITIES, type PersonPlan } from "./people.ts";
import { addDays, atUtc, caracasDay, endOfCaracasDay, spanishDay } from "./dates.ts";
import { chance, mulberry32, pick, randInt, shuffle, weighted, type Rng } from "./prng.ts";

export const DEMO_STORY_SEED = 20260123;

export type DemoReleaseStatus = "reported" | "verified" | "rejected" | "disputed" | "retracted";
export type DemoConditions = "full" | "conditional" | "house_arrest" | "expelled" | "unknown";
export type DemoEvidenceKind =
  | "family_testimony"
  | "lawyer_confirmation"
  | "press_report"
  | "official_list"
  | "ngo_list"
  | "social_media";
type Moderator = "moderador" | "moderadora";

export interface StatusChangePlan {
  from: DemoReleaseStatus | null;
  to: DemoReleaseStatus;
  at: Date;
  by: DemoUserKey;
  reason: string | null;
}

export interface EvidencePlan {
  kind: DemoEvidenceKind;
  /** Always an example URL: the database wants a link or a file, and the demo has no files. */
  url: string;
  description: string;
  obtainedOn: string;
  isPublic: boolean;
  addedBy: DemoUserKey;
  createdAt: Date;
}

export interface ReviewPlan {
  reviewer: Moderator;
  round: number;
  decision: "approve" | "reject" | "request_evidence";
  reason: string | null;
  createdAt: Date;
}

export interface RearrestPlan {
  arrestedOn: string;
  facility: string;
  charges: string;
  source: string;
  createdAt: Date;
}

export interface ReleasePlan {
  personIndex: number;
  releasedOn: string | null;
  releasedPrecision: "day" | "month" | "unknown";
  facility: string;
  conditions: DemoConditions;
  conditionsDetail: string | null;
  /** The status now: the last entry of `history`. */
  status: DemoReleaseStatus;
  statusReason: string | null;
  reviewRound: number;
  createdAt: Date;
  /** When it became verified, while it still is; null otherwise. */
  verifiedAt: Date | null;
  reportedBy: DemoUserKey;
  history: StatusChangePlan[];
  evidence: EvidencePlan[];
  reviews: ReviewPlan[];
  rearrest: RearrestPlan | null;
}

/**
 * How many releases became verified on each day (Caracas time). Verifications
 * later undone (disputes, retractions) are included; see REVERSALS.
 */
export const VERIFICATION_SCHEDULE: readonly (readonly [string, number])[] = [
  ["2025-12-27", 2], ["2025-12-30", 1], ["2026-01-03", 2], ["2026-01-06", 1],
  ["2026-01-09", 8], ["2026-01-10", 10], ["2026-01-11", 8], ["2026-01-12", 12], ["2026-01-13", 12],
  ["2026-01-14", 14], ["2026-01-15", 10], ["2026-01-16", 12], ["2026-01-17", 10],
  ["2026-01-18", 8], ["2026-01-19", 10], ["2026-01-20", 12], ["2026-01-21", 10], ["2026-01-22", 8], ["2026-01-23", 10],
  ["2026-01-24", 8], ["2026-01-25", 12],
];

interface Reversal {
  verifiedDay: string;
  day: string;
  to: "disputed" | "retracted";
  reason: string;
  rearrestedOn?: string;
}

/** Verified releases that were later disputed or retracted. */
export const REVERSALS: readonly Reversal[] = [
  {
    verifiedDay: "2026-01-10",
    day: "2026-01-15",
    to: "retracted",
    reason: "La excarcelación no llegó a ejecutarse: fue trasladado a otro centro, según confirmó su abogado.",
  },
  {
    verifiedDay: "2026-01-11",
    day: "2026-01-16",
    to: "disputed",
    reason: "Un familiar informa que sigue detenido; se revisa la evidencia.",
  },
  {
    verifiedDay: "2026-01-12",
    day: "2026-01-20",
    to: "retracted",
    reason: "Detenido de nuevo el 19 de enero por presunto incumplimiento de medidas cautelares.",
    rearrestedOn: "2026-01-19",
  },
  {
    verifiedDay: "2026-01-14",
    day: "2026-01-21",
    to: "disputed",
    reason: "La nota de prensa citada corresponde a un homónimo; se pide otra confirmación.",
  },
  {
    verifiedDay: "2026-01-18",
    day: "2026-01-24",
    to: "disputed",
    reason: "La defensa indica que la boleta de excarcelación fue revocada; se revisa.",
  },
];

export const DEMO_PENDING_COUNT = 44;
export const DEMO_REJECTED_COUNT = 6;

const REJECTION_REASONS = [
  "Su abogado confirma que sigue detenido.",
  "Homónimo: la persona excarcelada es otra con el mismo nombre.",
  "La única fuente era una publicación en redes sociales que luego fue borrada.",
  "El familiar que lo informó aclaró que fue un traslado, no una excarcelación.",
  "La fecha y el centro no coinciden con ningún registro; no se pudo confirmar.",
  "La boleta de excarcelación no se ha ejecutado; sigue detenido.",
];

const CONDITIONAL_DETAILS = [
  "presentación cada 30 días ante tribunal, prohibición de salida del país",
  "presentación cada 15 días ante tribunal, prohibición de salida del país y de declarar a medios",
  "régimen de presentación cada 8 días; prohibición de salida del país y de participar en manifestaciones",
  "presentación cada 30 días ante tribunal",
  "prohibición de salida del país; prohibición de declarar sobre el caso",
];
const HOUSE_ARREST_DETAILS = ["arresto domiciliario con custodia policial", "arresto domiciliario; visitas solo de familiares directos"];
const FULL_DETAILS = ["libertad plena; sobreseimiento de la causa", "libertad plena"];
const EXPELLED_DETAILS = [
  "entregado a su representación consular y trasladado al aeropuerto",
  "expulsado del país el mismo día de la excarcelación",
];

const RELATIVES = ["su madre", "su hermana", "su esposa", "su hijo", "su padre", "una prima", "su hermano"];

/** Builds every release of the demo from its people. */
export function planReleases(people: readonly PersonPlan[], seed = DEMO_STORY_SEED): ReleasePlan[] {
  const rng = mulberry32(seed);
  const foreigners = people.filter((p) => p.nationality !== "VE");
  const spaniards = foreigners.filter((p) => p.nationality === "ES");
  const otherForeigners = foreigners.filter((p) => p.nationality !== "ES");
  const venezuelans = shuffle(
    rng,
    people.filter((p) => p.nationality === "VE"),
  );
  let nextVenezuelan = 0;
  const takeVenezuelan = (): PersonPlan => {
    const person = venezuelans[nextVenezuelan];
    if (!person) throw new Error("demo: not enough people for the releases");
    nextVenezuelan += 1;
    return person;
  };

  // Verification slots, one per verification, in day order.
  const slots: string[] = VERIFICATION_SCHEDULE.flatMap(([day, n]) => Array.from({ length: n }, () => day));
  const slotPeople: (PersonPlan | null)[] = slots.map(() => null);
  const slotReversal: (Reversal | null)[] = slots.map(() => null);
  const slotMonthOnly: boolean[] = slots.map(() => false);
  const freeSlotOn = (day: string): number => {
    const index = slots.findIndex((d, i) => d === day && slotPeople[i] === null && slotReversal[i] === null && !slotMonthOnly[i]);
    if (index < 0) throw new Error(`demo: no free verification slot on ${day}`);
    return index;
  };
  // The five Spaniards, released on 8 January and verified the next day.
  for (const person of spaniards) slotPeople[freeSlotOn("2026-01-09")] = person;
  // The other foreigners, verified in the first week.
  const foreignDays = ["2026-01-10", "2026-01-10", "2026-01-11", "2026-01-12", "2026-01-13", "2026-01-14", "2026-01-14"];
  otherForeigners.forEach((person, i) => {
    slotPeople[freeSlotOn(foreignDays[i % foreignDays.length]!)] = person;
  });
  for (const reversal of REVERSALS) slotReversal[freeSlotOn(reversal.verifiedDay)] = reversal;
  for (const day of ["2026-01-15", "2026-01-19"]) slotMonthOnly[freeSlotOn(day)] = true;

  const releases: ReleasePlan[] = [];
  let serial = 0;
  const nextSerial = () => (serial += 1);

  // ── verified (some later disputed or retracted)
  slots.forEach((day, i) => {
    const person = slotPeople[i] ?? takeVenezuelan();
    const reversal = slotReversal[i];
    const verifiedAt = atUtc(day, 15 * 60 + randInt(rng, 0, 479)); // 11:00–18:59 in Caracas
    const lag = person.nationality === "ES" ? 1 : weighted(rng, [[0, 2], [1, 5], [2, 3], [3, 1]]);
    let releasedDay = addDays(day, -lag);
    if (day >= "2026-01-09" && releasedDay < "2026-01-08") releasedDay = "2026-01-08";
    if (releasedDay < "2025-12-24") releasedDay = "2025-12-24";
    const reportedAt =
      lag === 0 ? atUtc(day, 11 * 60 + randInt(rng, 0, 180)) : atUtc(releasedDay, 13 * 60 + randInt(rng, 0, 600));
    const [first, second] = shuffle(rng, ["moderador", "moderadora"] as const) as [Moderator, Moderator];
    const firstApprovalAt = between(reportedAt, verifiedAt, 0.7);
    const release = baseRelease(rng, person, {
      releasedDay,
      monthOnly: slotMonthOnly[i] ?? false,
      reportedAt,
      evidenceUntil: between(reportedAt, verifiedAt, 0.5),
      serial: nextSerial(),
    });
    release.reviews.push(
      { reviewer: first, round: 1, decision: "approve", reason: null, createdAt: firstApprovalAt },
      { reviewer: second, round: 1, decision: "approve", reason: null, createdAt: verifiedAt },
    );
    release.history.push({ from: "reported", to: "verified", at: verifiedAt, by: second, reason: null });
    release.status = "verified";
    release.verifiedAt = verifiedAt;
    if (reversal) {
      const at = atUtc(reversal.day, 15 * 60 + randInt(rng, 0, 479));
      release.history.push({ from: "verified", to: reversal.to, at, by: pick(rng, ["moderador", "moderadora"] as const), reason: reversal.reason });
      release.status = reversal.to;
      release.statusReason = reversal.reason;
      release.verifiedAt = null;
      if (reversal.to === "disputed") release.reviewRound = 2; // back to review: earlier approvals no longer count
      if (reversal.rearrestedOn) {
        release.rearrest = {
          arrestedOn: reversal.rearrestedOn,
          facility: "Zona 7 (PNB, Boleíta)",
          charges: "incumplimiento de medidas cautelares",
          source: "Denuncia de familiares ante la organización",
          createdAt: at,
        };
      }
    }
    releases.push(release);
  });

  // ── rejected: reported, then rejected by one moderator; no evidence was found
  const rejectedDays = ["2026-01-09", "2026-01-11", "2026-01-13", "2026-01-15", "2026-01-17", "2026-01-20"];
  for (let i = 0; i < DEMO_REJECTED_COUNT; i += 1) {
    const person = takeVenezuelan();
    const day = rejectedDays[i % rejectedDays.length]!;
    const reportedAt = atUtc(day, 13 * 60 + randInt(rng, 0, 540));
    const rejectedAt = atUtc(addDays(day, randInt(rng, 1, 2)), 15 * 60 + randInt(rng, 0, 479));
    const reviewer = pick(rng, ["moderador", "moderadora"] as const);
    const reason = REJECTION_REASONS[i % REJECTION_REASONS.length]!;
    const release = baseRelease(rng, person, {
      releasedDay: addDays(day, -randInt(rng, 0, 1)),
      monthOnly: false,
      reportedAt,
      evidenceUntil: null,
      serial: nextSerial(),
    });
    release.reviews.push({ reviewer, round: 1, decision: "reject", reason, createdAt: rejectedAt });
    release.history.push({ from: "reported", to: "rejected", at: rejectedAt, by: reviewer, reason });
    release.status = "rejected";
    release.statusReason = reason;
    releases.push(release);
  }

  // ── pending review: a few old ones, most reported in the last days of the story
  for (let i = 0; i < DEMO_PENDING_COUNT; i += 1) {
    const person = takeVenezuelan();
    const old = i < 6;
    const day = old ? addDays("2026-01-10", i) : addDays("2026-01-20", i % 6);
    const reportedAt = atUtc(day, 13 * 60 + randInt(rng, 0, 540));
    const monthOnly = i === 10 || i === 20;
    const unknownDate = i === 15 || i === 25;
    const release = baseRelease(rng, person, {
      releasedDay: maxDay(addDays(day, -randInt(rng, 0, 2)), "2026-01-08"),
      monthOnly,
      reportedAt,
      evidenceUntil: new Date(reportedAt.getTime() + randInt(rng, 1, 10) * 3_600_000),
      serial: nextSerial(),
      onlySocialMedia: i === 2,
    });
    if (unknownDate) {
      release.releasedOn = null;
      release.releasedPrecision = "unknown";
    }
    if (i === 2) {
      // Waiting for better evidence: a moderator asked for more.
      release.reviews.push({
        reviewer: "moderadora",
        round: 1,
        decision: "request_evidence",
        reason: "Solo hay una publicación en redes sociales; hace falta una confirmación independiente (familia o defensa).",
        createdAt: new Date(reportedAt.getTime() + 20 * 3_600_000),
      });
    } else if (i % 4 === 1 || i === 4) {
      // Half-way: one approval, the second one still missing.
      release.reviews.push({
        reviewer: pick(rng, ["moderador", "moderadora"] as const),
        round: 1,
        decision: "approve",
        reason: null,
        createdAt: new Date(reportedAt.getTime() + randInt(rng, 12, 30) * 3_600_000),
      });
    }
    releases.push(release);
  }

  return releases;
}

interface BaseOptions {
  releasedDay: string;
  monthOnly: boolean;
  reportedAt: Date;
  /** Evidence is added between reportedAt and this instant; null for none. */
  evidenceUntil: Date | null;
  serial: number;
  onlySocialMedia?: boolean;
}

function baseRelease(rng: Rng, person: PersonPlan, options: BaseOptions): ReleasePlan {
  const foreigner = person.nationality !== "VE";
  const conditions: DemoConditions = foreigner
    ? chance(rng, 0.85)
      ? "expelled"
      : "conditional"
    : weighted(rng, [["conditional", 70], ["full", 10], ["house_arrest", 12], ["unknown", 8]] as const);
  const conditionsDetail =
    conditions === "conditional"
      ? pick(rng, CONDITIONAL_DETAILS)
      : conditions === "house_arrest"
        ? pick(rng, HOUSE_ARREST_DETAILS)
        : conditions === "full"
          ? pick(rng, FULL_DETAILS)
          : conditions === "expelled"
            ? pick(rng, EXPELLED_DETAILS)
            : null;
  const facility = chance(rng, 0.85) ? person.detention.facility : pickWeighted(rng);
  const release: ReleasePlan = {
    personIndex: person.index,
    releasedOn: options.monthOnly ? `${options.releasedDay.slice(0, 7)}-01` : options.releasedDay,
    releasedPrecision: options.monthOnly ? "month" : "day",
    facility,
    conditions,
    conditionsDetail,
    status: "reported",
    statusReason: null,
    reviewRound: 1,
    createdAt: options.reportedAt,
    verifiedAt: null,
    reportedBy: "voluntaria",
    history: [{ from: null, to: "reported", at: options.reportedAt, by: "voluntaria", reason: null }],
    evidence: [],
    reviews: [],
    rearrest: null,
  };
  if (options.evidenceUntil) {
    const n = options.onlySocialMedia ? 1 : weighted(rng, [[1, 3], [2, 5], [3, 2]] as const);
    const kinds: DemoEvidenceKind[] = options.onlySocialMedia
      ? ["social_media"]
      : person.nationality === "ES"
        ? ["official_list", "press_report", "family_testimony"]
        : shuffle(rng, [
            weighted(rng, [["family_testimony", 4], ["lawyer_confirmation", 3]] as const),
            weighted(rng, [["press_report", 3], ["ngo_list", 2], ["social_media", 1]] as const),
            weighted(rng, [["lawyer_confirmation", 1], ["ngo_list", 1], ["press_report", 1]] as const),
          ]);
    const distinct = [...new Set(kinds)].slice(0, n);
    distinct.forEach((kind, k) => {
      const createdAt = between(options.reportedAt, options.evidenceUntil!, (k + 0.5) / distinct.length);
      release.evidence.push(evidence(rng, kind, person, options.releasedDay, createdAt, options.serial));
    });
  }
  return release;
}

function evidence(rng: Rng, kind: DemoEvidenceKind, person: PersonPlan, releasedDay: string, createdAt: Date, serial: number): EvidencePlan {
  const obtainedOn = caracasDay(createdAt) < releasedDay ? releasedDay : caracasDay(createdAt);
  const when = spanishDay(releasedDay);
  const addedBy: DemoUserKey = chance(rng, 0.85) ? "voluntaria" : pick(rng, ["moderador", "moderadora"] as const);
  const ref = String(serial).padStart(4, "0");
  switch (kind) {
    case "family_testimony":
      return {
        kind, url: `https://example.org/demo/testimonios/${ref}`, obtainedOn, isPublic: false, addedBy, createdAt,
        description: pick(rng, [
          `Llamada telefónica con ${pick(rng, RELATIVES)}: confirma que salió del centro de reclusión el ${when} (nota de la llamada en el enlace de ejemplo).`,
          `Testimonio de ${pick(rng, RELATIVES)}, que lo recibió en la puerta del centro el ${when} (acta en el enlace de ejemplo).`,
          `Mensaje de voz de ${pick(rng, RELATIVES)}: ya está en casa desde el ${when} (transcripción en el enlace de ejemplo).`,
        ]),
      };
    case "lawyer_confirmation":
      return {
        kind, url: `https://example.org/demo/defensa/${ref}`, obtainedOn, isPublic: false, addedBy, createdAt,
        description: pick(rng, [
          "El abogado defensor confirma la boleta de excarcelación emitida por el tribunal (enlace de ejemplo).",
          "Confirmación de la defensa: audiencia realizada y medidas cautelares impuestas (enlace de ejemplo).",
          "La defensora confirma por escrito la excarcelación y las condiciones impuestas (enlace de ejemplo).",
        ]),
      };
    case "press_report":
      return {
        kind, obtainedOn, addedBy, createdAt,
        url: `https://example.org/prensa/${releasedDay.replaceAll("-", "/")}/excarcelaciones-${ref}`,
        isPublic: chance(rng, 0.5),
        description: pick(rng, [
          `Nota de prensa (ejemplo) que lo nombra entre los excarcelados del ${when}.`,
          "Reportaje (ejemplo) con la lista de excarcelaciones de la jornada.",
        ]),
      };
    case "official_list":
      return {
        kind, obtainedOn, addedBy, createdAt, isPublic: false,
        url: "https://example.org/exteriores/comunicado-2026-01-08",
        description: "Comunicado oficial (ejemplo) sobre la excarcelación de cinco ciudadanos españoles en Caracas.",
      };
    case "ngo_list":
      return {
        kind, obtainedOn, addedBy, createdAt, isPublic: false,
        url: `https://example.org/ong/listas/excarcelaciones-${releasedDay}`,
        description: "Incluido en la lista de excarcelaciones confirmadas de otra organización miembro (enlace de ejemplo).",
      };
    case "social_media":
      return {
        kind, obtainedOn, addedBy, createdAt, isPublic: false,
        url: `https://example.org/redes/publicacion/${ref}`,
        description: "Publicación de un familiar en redes sociales con una foto de la salida (enlace de ejemplo).",
      };
  }
}

function pickWeighted(rng: Rng): string {
  return weighted(rng, DEMO_FACILITIES);
}

function between(from: Date, to: Date, fraction: number): Date {
  return new Date(Math.round(from.getTime() + (to.getTime() - from.getTime()) * fraction));
}

function maxDay(a: string, b: string): string {
  return a > b ? a : b;
}

// ───────────────────────────── counting, as the tally does ─────────────────────────────

/** The status of a release at an instant: its last status change at or before it (null: not reported yet). */
export function statusAt(release: ReleasePlan, at: Date): DemoReleaseStatus | null {
  let status: DemoReleaseStatus | null = null;
  for (const change of release.history) if (change.at.getTime() <= at.getTime()) status = change.to;
  return status;
}

/** How many releases were verified at the end of `day` (Caracas time). */
export function verifiedAsOf(releases: readonly ReleasePlan[], day: string): number {
  const end = endOfCaracasDay(day);
  return releases.filter((r) => statusAt(r, end) === "verified").length;
}
