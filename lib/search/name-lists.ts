/**
 * Common Venezuelan given names and surnames, written as people write them
 * (accents, ñ, English-style spellings such as Jhonny or Stephany), from which
 * the labelled search set builds synthetic people. Random combinations of
 * common words: no real private person is meant (DESIGN.md, demo data).
 *
 * Each list holds one spelling per sound: the query variations make the other
 * spellings (Yorgelis → Llorgelis), and a variant already in a list would be
 * someone else's name, not a misspelling.
 */
export const FEMALE_GIVEN_NAMES: readonly string[] = [
  "María", "Ana", "Carmen", "Rosa", "Luisa", "Isabel", "Gabriela", "Daniela", "Valentina", "Andrea",
  "Verónica", "Yorgelis", "Yusbely", "Yelitza", "Yolanda", "Yuleisy", "Yajaira", "Yamileth", "Lisbeth",
  "Elizabeth", "Johana", "Leidy", "Mayra", "Dayana", "Stephany", "Nelly", "Xiomara", "Ximena", "Génesis",
  "Gisela", "Angélica", "Eugenia", "Regina", "Carolina", "Karina", "Katherine", "Erika", "Cecilia",
  "Lucía", "Zulay", "Zoraida", "Beatriz", "Bárbara", "Vanessa", "Victoria", "Virginia", "Josefina",
  "Milagros", "Mercedes", "Elena", "Esther", "Alejandra", "Marisol", "Norelys", "Yenny", "Coromoto",
  "Hilda", "Omaira", "Fabiola", "Belkis", "Mariela", "Yasmín", "Noemí", "Raquel", "Ingrid", "Paola",
];

export const MALE_GIVEN_NAMES: readonly string[] = [
  "José", "Luis", "Juan", "Carlos", "Jesús", "Jorge", "Julio", "Javier", "Alejandro", "Pedro", "Miguel",
  "Rafael", "Francisco", "Antonio", "Manuel", "Ricardo", "Roberto", "Alberto", "Víctor", "Vicente",
  "Gabriel", "Rubén", "Héctor", "Humberto", "Henry", "Jhonny", "Wilmer", "Maikel", "Franklin", "Óscar",
  "Marcos", "Enrique", "Gerardo", "Giovanni", "Rogelio", "Argenis", "Ángel", "Eduardo", "Fernando",
  "Daniel", "Andrés", "Diego", "Ernesto", "Gustavo", "Orlando", "Nelson", "Freddy", "Deivis", "Kevin",
  "Edgar", "Guillermo", "Elvis", "Ramón", "Simón", "Tomás", "Nicolás", "Yonathan", "Leonardo", "Omar",
  "Richard", "Hugo", "Efraín", "Isaac", "Abraham", "Ezequiel", "Reinaldo", "Cipriano",
];

export const SURNAMES: readonly string[] = [
  "González", "Rodríguez", "Pérez", "Hernández", "Martínez", "García", "López", "Sánchez", "Díaz",
  "Ramírez", "Torres", "Rojas", "Flores", "Gómez", "Morales", "Suárez", "Medina", "Castillo", "Herrera",
  "Vargas", "Romero", "Álvarez", "Mendoza", "Silva", "Chávez", "Guerrero", "Rivas", "Rivero", "Blanco",
  "Bravo", "Briceño", "Peña", "Muñoz", "Núñez", "Cedeño", "Ordóñez", "Patiño", "Yánez", "Yépez", "Reyes",
  "Carrillo", "Villegas", "Padilla", "Montilla", "Zambrano", "Quintero", "Vásquez", "Márquez", "Castro",
  "Cordero", "Contreras", "Acosta", "Cabrera", "Colmenares", "Jiménez", "Mejía", "Jaimes", "Tejada",
  "Trujillo", "Gil", "Benítez", "Bolívar", "Barrios", "Nieves", "Bermúdez", "Salazar", "Cisneros", "Mora",
  "Ortiz", "Rondón", "Marcano", "Aponte", "Figueroa", "Escalona", "Guzmán", "Ibáñez", "Avendaño",
  "Carreño", "Montaño", "Landaeta", "Urbina", "Villarroel", "Camacho", "Linares", "Sequera", "Querales",
  "Quiroz", "Istúriz", "Hidalgo", "Hurtado", "Gutiérrez", "Velásquez", "Valera", "Zerpa", "Ochoa",
  "Useche", "Lugo", "Parra", "Pacheco", "Sosa", "Arias", "Molina", "Navarro", "Rangel", "Graterol",
  "Echeverría", "Yzaguirre", "Llovera", "Olivares", "Ugueto", "Oropeza", "Betancourt", "Duarte",
];

/** Surnames with particles, as written split and as some records write them joined. */
export const PARTICLE_SURNAMES: readonly { split: string; joined: string }[] = [
  { split: "De la Cruz", joined: "Delacruz" },
  { split: "De la Rosa", joined: "Delarosa" },
  { split: "De la Fuente", joined: "Delafuente" },
  { split: "De los Ríos", joined: "Delosríos" },
  { split: "Del Valle", joined: "Delvalle" },
  { split: "Del Castillo", joined: "Delcastillo" },
  { split: "De Sousa", joined: "Desousa" },
  { split: "De Freitas", joined: "Defreitas" },
  { split: "De Abreu", joined: "Deabreu" },
  { split: "De Gouveia", joined: "Degouveia" },
  { split: "De Armas", joined: "Dearmas" },
  { split: "De León", joined: "Deleón" },
  { split: "Da Silva", joined: "Dasilva" },
  { split: "Dos Santos", joined: "Dossantos" },
  { split: "Di Stefano", joined: "Distefano" },
];

/** Given names with particles, carried whole as a person's given names. */
export const COMPOUND_GIVEN_NAMES: readonly { givenNames: string; sex: "female" | "male" }[] = [
  { givenNames: "María del Valle", sex: "female" },
  { givenNames: "María de los Ángeles", sex: "female" },
  { givenNames: "María de Jesús", sex: "female" },
  { givenNames: "José de Jesús", sex: "male" },
  { givenNames: "Juan de Dios", sex: "male" },
];
