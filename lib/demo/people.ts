/**
 * The demo's synthetic people.
 *
 * SYNTHETIC DATA: every person here is made up by combining common given names
 * and surnames from the lists below with a seeded random generator. They do not
 * describe any real private person; a coincidence with a real name is only the
 * coincidence of common names. Cédulas are random numbers, references are the
 * demo organizations' own.
 */
import { DEMO_ORGANIZATIONS, type DemoOrganizationSlug } from "./fixtures.ts";
import { addDays, atUtc, daysBetween } from "./dates.ts";
import { chance, mulberry32, pick, randInt, shuffle, weighted, type Rng } from "./prng.ts";
import { canonicalCedula, foldText, normalizedFullName, parseCedula } from "../search/normalize.ts";

export const DEMO_PEOPLE_COUNT = 300;
export const DEMO_PEOPLE_SEED = 20260113;

export type DemoSex = "male" | "female";
export type DemoDisclosure = "public" | "initials" | "withheld";

export interface DetentionPlan {
  arrestedOn: string;
  facility: string;
  charges: string;
  source: string;
  createdAt: Date;
}

export interface PersonPlan {
  index: number;
  givenNames: string;
  surnames: string;
  /** Canonical form ("V12345678"), or null when none is known. */
  cedula: string | null;
  nationality: string;
  sex: DemoSex;
  birthYear: number;
  homeState: string | null;
  disclosure: DemoDisclosure;
  organizationSlug: DemoOrganizationSlug;
  externalRef: string;
  createdAt: Date;
  detention: DetentionPlan;
}

// ───────────────────────────── name lists (common names only) ─────────────────────────────

const VE_MALE_FIRST = [
  "José", "Luis", "Carlos", "Juan", "Jesús", "Miguel", "Pedro", "Rafael", "Antonio", "Francisco",
  "Manuel", "Alejandro", "Andrés", "Daniel", "Gabriel", "Ángel", "Víctor", "Ricardo", "Fernando",
  "Eduardo", "Roberto", "Javier", "Héctor", "Omar", "Freddy", "Wilmer", "Yorman", "Jhonny", "Deivis",
  "Yonathan", "Leonardo", "Gustavo", "Nelson", "Orlando", "Ramón", "Julio", "Armando", "Enrique",
  "Félix", "Germán", "Iván", "Óscar", "Rubén", "Tomás", "Édgar", "Wuilliams", "Yoel", "Reinaldo",
];
const VE_MALE_SECOND = [
  "Gregorio", "Luis", "Alberto", "Antonio", "Rafael", "Enrique", "Alfredo", "Ramón", "Eduardo",
  "David", "Alejandro", "Javier", "José", "Manuel", "Ignacio", "Andrés", "Ernesto", "Augusto",
  "Miguel", "Daniel", "Jesús", "Ángel", "Humberto", "Rodolfo", "Elías", "Simón", "Joaquín",
];
const VE_FEMALE_FIRST = [
  "María", "Ana", "Carmen", "Rosa", "Luisa", "Gabriela", "Andreína", "Daniela", "Mariela", "Yolanda",
  "Yusmary", "Yelitza", "Yuleisy", "Marisol", "Carolina", "Patricia", "Beatriz", "Isabel", "Milagros",
  "Nohemí", "Zulay", "Thais", "Lourdes", "Josefina", "Dayana", "Génesis", "Valentina", "Fabiola",
  "Xiomara", "Yajaira", "Mayerlin", "Sofía", "Teresa", "Inés",
];
const VE_FEMALE_SECOND = [
  "del Valle", "del Carmen", "de los Ángeles", "Alejandra", "Eugenia", "José", "Isabel", "Victoria",
  "Elena", "Cristina", "Teresa", "Auxiliadora", "Coromoto", "Antonieta", "Margarita", "Inés",
];
const VE_SURNAMES = [
  "González", "Rodríguez", "Pérez", "Hernández", "García", "Martínez", "López", "Díaz", "Sánchez",
  "Ramírez", "Torres", "Rojas", "Flores", "Romero", "Álvarez", "Medina", "Morales", "Gutiérrez",
  "Castillo", "Mendoza", "Suárez", "Blanco", "Moreno", "Jiménez", "Vargas", "Herrera", "Guerrero",
  "Acosta", "Contreras", "Rivas", "Márquez", "Ortiz", "Silva", "Colmenares", "Briceño", "Peña",
  "Parra", "Mora", "Chacón", "Salazar", "Zambrano", "Quintero", "Carrasco", "Aponte", "Figueroa",
  "Linares", "Montilla", "Urdaneta", "Villegas", "Ibáñez", "Muñoz", "Núñez", "Yáñez", "Avendaño",
  "Peñaloza", "Castañeda", "Montaño", "Useche", "Pacheco", "Escalona",
  // Surnames with particles: the particle belongs to the surname.
  "De la Cruz", "Del Valle", "De Sousa", "De Freitas", "De Abreu", "De los Santos", "De León",
];

interface ForeignNames {
  nationality: string;
  male: readonly string[];
  female: readonly string[];
  surnames: readonly string[];
  twoSurnames: boolean;
}

const FOREIGN_NAMES: Record<string, ForeignNames> = {
  ES: {
    nationality: "ES",
    male: ["Javier Alberto", "Sergio", "Pablo Andrés", "Íñigo", "Álvaro José", "Jorge Luis"],
    female: ["Lucía", "Marta Elena", "Elena"],
    surnames: ["Fernández", "Ruiz", "Navarro", "Iglesias", "Ortega", "Gil", "Serrano", "Molina", "Domínguez", "Vidal", "Aguirre", "Echeverría"],
    twoSurnames: true,
  },
  CO: {
    nationality: "CO",
    male: ["Jhon Fredy", "Yeison Andrés", "Carlos Arturo"],
    female: ["Luz Dary", "Diana Marcela"],
    surnames: ["Cardona", "Londoño", "Restrepo", "Ospina", "Valencia", "Zapata"],
    twoSurnames: true,
  },
  AR: {
    nationality: "AR",
    male: ["Matías", "Federico Martín", "Nahuel"],
    female: ["Florencia"],
    surnames: ["Benítez", "Sosa", "Acuña", "Ferreyra"],
    twoSurnames: false,
  },
  US: {
    nationality: "US",
    male: ["Kevin James", "Daniel Robert", "Michael Lee"],
    female: ["Sarah Ann"],
    surnames: ["Walker", "Thompson", "Carter", "Miller"],
    twoSurnames: false,
  },
  IT: {
    nationality: "IT",
    male: ["Luca Giovanni", "Stefano", "Marco"],
    female: ["Giulia"],
    surnames: ["Ricci", "Colombo", "Esposito", "Bianchi"],
    twoSurnames: false,
  },
  PT: {
    nationality: "PT",
    male: ["João Pedro", "Rui Miguel"],
    female: ["Ana Rita"],
    surnames: ["Carvalho", "Pereira", "Gomes", "Teixeira"],
    twoSurnames: true,
  },
  DE: {
    nationality: "DE",
    male: ["Andreas", "Stefan Johannes", "Markus"],
    female: ["Katrin"],
    surnames: ["Becker", "Hoffmann", "Schulz", "Wagner"],
    twoSurnames: false,
  },
};

/** Foreign nationals among the demo people: five Spaniards (Spain's claim of 8 January) and others. */
export const DEMO_FOREIGN_NATIONALITIES = ["ES", "ES", "ES", "ES", "ES", "CO", "CO", "US", "IT", "PT", "DE", "AR"] as const;

/** Surname pairs of well-known public figures: never generated. */
const BLOCKED_SURNAME_PAIRS = new Set([
  "rodriguez gomez",
  "maduro moros",
  "lopez mendoza",
  "gonzalez urrutia",
  "machado parisca",
  "cabello rondon",
  "guaido marquez",
  "flores de maduro",
]);

const VE_STATES: readonly (readonly [string, number])[] = [
  ["Distrito Capital", 16], ["Miranda", 14], ["Zulia", 9], ["Carabobo", 8], ["Lara", 7], ["Táchira", 6],
  ["Mérida", 5], ["Aragua", 6], ["Anzoátegui", 5], ["Bolívar", 4], ["Falcón", 3], ["Monagas", 3],
  ["Sucre", 3], ["Barinas", 3], ["Portuguesa", 2], ["Trujillo", 2], ["Yaracuy", 2], ["Guárico", 2],
  ["Apure", 1], ["Cojedes", 1], ["Nueva Esparta", 2], ["La Guaira", 3], ["Delta Amacuro", 1], ["Amazonas", 1],
];

export const DEMO_FACILITIES: readonly (readonly [string, number])[] = [
  ["El Helicoide (SEBIN, Caracas)", 14],
  ["Rodeo I (Guatire)", 16],
  ["Centro Penitenciario de Aragua (Tocorón)", 12],
  ["Internado Judicial de Carabobo (Tocuyito)", 12],
  ["Zona 7 (PNB, Boleíta)", 10],
  ["La Crisis (DGCIM, Boleíta)", 8],
  ["Yare III (Miranda)", 6],
  ["Centro Penitenciario de Occidente (Táchira)", 5],
  ["Ramo Verde (Los Teques)", 5],
];
const WOMEN_FACILITY = "INOF (Los Teques)";

const CIVIL_CHARGES = [
  "terrorismo", "traición a la patria", "incitación al odio", "asociación para delinquir",
  "conspiración con país extranjero", "instigación pública", "financiamiento al terrorismo",
  "resistencia a la autoridad", "obstrucción de la vía pública",
];
const MILITARY_CHARGES = ["rebelión militar", "traición a la patria", "instigación a la rebelión", "sustracción de efectos militares"];

// ───────────────────────────── generation ─────────────────────────────

/**
 * The demo people, always the same for the same seed. The first person is the
 * example name of the API documentation, so that "jose perez" finds someone.
 */
export function generatePeople(seed = DEMO_PEOPLE_SEED, count = DEMO_PEOPLE_COUNT): PersonPlan[] {
  const rng = mulberry32(seed);
  const usedNames = new Set<string>();
  const usedCedulaDigits = new Set<string>();

  // Which indices are foreigners, and which disclosure each index gets: fixed shares.
  const foreignIndex = new Map<number, string>();
  shuffle(rng, range(1, count - 1))
    .slice(0, DEMO_FOREIGN_NATIONALITIES.length)
    .forEach((index, i) => foreignIndex.set(index, DEMO_FOREIGN_NATIONALITIES[i]!));
  const disclosureOf = new Map<number, DemoDisclosure>();
  const shuffled = shuffle(rng, range(1, count - 1));
  const withheld = Math.round(count * 0.05);
  const initials = Math.round(count * 0.15);
  shuffled.forEach((index, i) => disclosureOf.set(index, i < withheld ? "withheld" : i < withheld + initials ? "initials" : "public"));

  const refCounters = new Map<DemoOrganizationSlug, number>();
  const people: PersonPlan[] = [];
  for (let index = 0; index < count; index += 1) {
    const nationality = foreignIndex.get(index) ?? "VE";
    const sex: DemoSex = index === 0 ? "male" : chance(rng, nationality === "VE" ? 0.18 : 0.2) ? "female" : "male";
    let givenNames: string;
    let surnames: string;
    for (let attempt = 0; ; attempt += 1) {
      if (attempt > 1000) throw new Error("demo: ran out of name combinations");
      [givenNames, surnames] =
        index === 0 ? ["José Luis", "Pérez Rodríguez"] : nationality === "VE" ? venezuelanName(rng, sex) : foreignName(rng, nationality, sex);
      const key = normalizedFullName(givenNames, surnames);
      if (!usedNames.has(key) && !BLOCKED_SURNAME_PAIRS.has(foldText(surnames))) {
        usedNames.add(key);
        break;
      }
    }

    const birthYear = weighted(rng, [
      [randInt(rng, 1958, 1969), 1],
      [randInt(rng, 1970, 1984), 3],
      [randInt(rng, 1985, 1999), 4],
      [randInt(rng, 2000, 2005), 1],
    ]);

    let cedula: string | null = null;
    if (nationality === "VE" ? chance(rng, 0.92) : chance(rng, 0.35)) {
      for (;;) {
        const digits =
          nationality === "VE"
            ? String(1_000_000 + (birthYear - 1950) * 520_000 + randInt(rng, 0, 499_999))
            : String(randInt(rng, 81_000_000, 84_999_999));
        if (usedCedulaDigits.has(digits)) continue;
        usedCedulaDigits.add(digits);
        cedula = canonicalCedula(parseCedula(`${nationality === "VE" ? "V" : "E"}${digits}`)!);
        break;
      }
    }

    const organizationSlug = weighted(rng, DEMO_ORGANIZATIONS.map((o) => [o.slug, o.share] as const));
    const org = DEMO_ORGANIZATIONS.find((o) => o.slug === organizationSlug)!;
    const ref = (refCounters.get(organizationSlug) ?? 0) + 1;
    refCounters.set(organizationSlug, ref);

    const military = nationality === "VE" && sex === "male" && chance(rng, 0.12);
    const arrestedOn = arrestDate(rng, nationality !== "VE");
    const facility = military
      ? pick(rng, ["Ramo Verde (Los Teques)", "La Crisis (DGCIM, Boleíta)"])
      : sex === "female" && chance(rng, 0.6)
        ? WOMEN_FACILITY
        : nationality !== "VE" && chance(rng, 0.7)
          ? "Rodeo I (Guatire)" // where most foreigners were held
          : weighted(rng, DEMO_FACILITIES);
    const charges = shuffle(rng, military ? MILITARY_CHARGES : CIVIL_CHARGES)
      .slice(0, weighted(rng, [[1, 3], [2, 5], [3, 2]]))
      .join(", ");
    const source = pick(rng, [
      `Registro de ${org.name}`,
      "Denuncia de familiares ante la organización",
      "Expediente revisado por la defensa",
      "Acta de audiencia de presentación",
    ]);

    // Recorded by the organization some time after the arrest, before the December releases.
    const earliest = maxDay(addDays(arrestedOn, 3), "2025-09-01");
    const createdDay = addDays(earliest, randInt(rng, 0, Math.max(0, daysBetween(earliest, "2025-12-20"))));
    const createdAt = atUtc(createdDay, randInt(rng, 13 * 60, 22 * 60));

    people.push({
      index,
      givenNames: givenNames!,
      surnames: surnames!,
      cedula,
      nationality,
      sex,
      birthYear,
      homeState: nationality === "VE" ? weighted(rng, VE_STATES) : null,
      disclosure: index === 0 ? "public" : disclosureOf.get(index)!,
      organizationSlug,
      externalRef: `${org.refPrefix}-${String(ref).padStart(4, "0")}`,
      createdAt,
      detention: { arrestedOn, facility, charges, source, createdAt },
    });
  }
  return people;
}

function venezuelanName(rng: Rng, sex: DemoSex): [string, string] {
  const first = pick(rng, sex === "male" ? VE_MALE_FIRST : VE_FEMALE_FIRST);
  let second = pick(rng, sex === "male" ? VE_MALE_SECOND : VE_FEMALE_SECOND);
  while (second === first) second = pick(rng, sex === "male" ? VE_MALE_SECOND : VE_FEMALE_SECOND);
  const paternal = pick(rng, VE_SURNAMES);
  let maternal = pick(rng, VE_SURNAMES);
  while (maternal === paternal) maternal = pick(rng, VE_SURNAMES);
  return [`${first} ${second}`, `${paternal} ${maternal}`];
}

function foreignName(rng: Rng, nationality: string, sex: DemoSex): [string, string] {
  const names = FOREIGN_NAMES[nationality];
  if (!names) throw new Error(`demo: no names for nationality ${nationality}`);
  const given = pick(rng, sex === "male" ? names.male : names.female);
  const first = pick(rng, names.surnames);
  if (!names.twoSurnames) return [given, first];
  let second = pick(rng, names.surnames);
  while (second === first) second = pick(rng, names.surnames);
  return [given, `${first} ${second}`];
}

/** Arrests spread over 2019–2025, most of them after the election of July 2024. */
function arrestDate(rng: Rng, foreigner: boolean): string {
  const [from, to] = foreigner
    ? (["2024-09-01", "2025-11-30"] as const)
    : weighted(rng, [
        [["2019-01-01", "2019-12-31"], 5],
        [["2020-01-01", "2020-12-31"], 5],
        [["2021-01-01", "2021-12-31"], 5],
        [["2022-01-01", "2022-12-31"], 8],
        [["2023-01-01", "2023-12-31"], 10],
        [["2024-01-01", "2024-07-28"], 12],
        [["2024-07-29", "2024-12-31"], 35],
        [["2025-01-01", "2025-12-10"], 20],
      ] as const);
  return addDays(from, randInt(rng, 0, daysBetween(from, to)));
}

function maxDay(a: string, b: string): string {
  return a > b ? a : b;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i += 1) out.push(i);
  return out;
}
