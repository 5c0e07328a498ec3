/**
 * A Spanish phonetic key for one folded word (lower-case a–z and digits, no
 * accents: the output of foldText). Two spellings with the same key sound the
 * same to a Venezuelan ear, so "Beronica" finds "Verónica" and "Llorgelis"
 * finds "Yorgelis". The key is for comparing, never for showing.
 *
 * The rules, in the order they apply (each one is tested in phonetic.test.ts):
 *
 * | spelling                              | key   | example                                      |
 * |---------------------------------------|-------|----------------------------------------------|
 * | ch                                    | c     | Chávez ≠ Cávez: ch is its own sound          |
 * | ph                                    | f     | Stephany = Stefany                           |
 * | jh at the start                       | y     | Jhonny = Yhonny = Yonny (English "John")     |
 * | any other h                           | —     | Hernández = Ernández, Yamileth = Yamilet     |
 * | s + consonant at the start            | es…   | Stefany = Estefany                           |
 * | b, v                                  | b     | Verónica = Berónica                          |
 * | w                                     | u     | Wilmer = Uilmer = Wuilmer (not Guilmer)      |
 * | s, z, c before e/i                    | s     | Gutiérrez = Gutierres, Cecilia = Sesilia     |
 * | c before a/o/u/consonant, k, qu, q    | k     | Quintero = Kintero, Carla = Karla            |
 * | u after q or g, before e/i            | —     | Quintero, Guillermo                          |
 * | g before e/i, j                       | j     | Jesús = Gesús, Gil = Jil                     |
 * | other g (gu before e/i included)      | g     | Gómez ≠ Jómez                                |
 * | x before a vowel (old spelling)       | j     | Ximena = Jimena, Mexía = Mejía               |
 * | other x                               | ks    | Félix, Extremera                             |
 * | ll                                    | y     | Llorgelis = Yorgelis                         |
 * | ll + final y/i                        | l     | Nelly = Neli, Kelly = Keli                   |
 * | y before a vowel                      | y     | Maya                                         |
 * | y elsewhere (before a consonant, end) | i     | Mayra = Maira, Leydi = Leidi, Ysabel = Isabel|
 * | i between two vowel sounds            | y     | Daiana = Dayana                              |
 * | the same sound twice in a row         | once  | Gutiérrez, Jhonny, Isaac = Isac, Ascensión   |
 *
 * Deliberately NOT merged (they sound different, or merging would join names
 * that are different): y and j (Yusbely ≠ Jusbely, Julio ≠ Yulio), w and gu
 * (Wilmer ≠ Guilmer: the ü that would make "gui" sound like "wi" is lost in
 * folding, and "Guillermo" has a hard g), a final s (Rosa ≠ Rosas), vowels
 * (Pérez ≠ Páez, Luis ≠ Lucía). English-style spellings where j sounds like y
 * (Jennifer = Yenifer, Jessica = Yésica) are left to the typo rule, which
 * accepts them: only "jh", which exists only in such names, is keyed as y.
 * Xiomara ("Siomara" in speech) keys as "jiomara": it is one edit from
 * Siomara, so the typo rule still finds it. Alexandra and Alejandra share a
 * key; they are one edit apart anyway.
 */
export function phoneticKey(word: string): string {
  const letters = [...withoutSilentH(word)];
  let key = "";
  const emit = (sound: string): void => {
    // Doubled letters and letters that end up as the same sound collapse:
    // rr → r, nn → n, "sc" in Ascensión → s.
    for (const symbol of sound) if (!key.endsWith(symbol)) key += symbol;
  };
  const last = (): string => key.slice(-1);

  if (letters[0] === "s" && letters[1] !== undefined && !isVowel(letters[1])) emit("e");

  for (let i = 0; i < letters.length; i++) {
    const letter = letters[i]!;
    const next = letters[i + 1];
    const afterNext = letters[i + 2];
    switch (letter) {
      case CH:
        emit("c");
        break;
      case "b":
      case "v":
        emit("b");
        break;
      case "w":
        emit("u");
        break;
      case "s":
      case "z":
        emit("s");
        break;
      case "c":
        emit(isFrontVowel(next) ? "s" : "k");
        break;
      case "k":
        emit("k");
        break;
      case "q":
        emit("k");
        if (next === "u" && isFrontVowel(afterNext)) i++; // the u of que/qui is silent
        break;
      case "g":
        if (isFrontVowel(next)) {
          emit("j");
        } else {
          emit("g");
          if (next === "u" && isFrontVowel(afterNext)) i++; // the u of gue/gui is silent
        }
        break;
      case "j":
        emit("j");
        break;
      case "x":
        emit(isVowel(next) ? "j" : "ks");
        break;
      case "l":
        if (next === "l") {
          const finalVowelY = (afterNext === "y" || afterNext === "i") && i + 3 === letters.length;
          emit(finalVowelY ? "l" : "y");
          i++;
        } else {
          emit("l");
        }
        break;
      case "y":
        emit(isVowel(next) ? "y" : "i");
        break;
      case "i":
        emit(isVowel(last()) && isVowel(next) ? "y" : "i");
        break;
      default:
        emit(letter);
    }
  }
  return key;
}

/** The phonetic key of each folded word, in order (["veronica", "hernandez"] → ["beronika", "ernandes"]). */
export function phoneticKeys(words: readonly string[]): string[] {
  return words.map(phoneticKey);
}

/** Stands for "ch" once the h is gone; never a letter of a folded word. */
const CH = "C";

/**
 * Letters with the silent h removed. "ch" survives as one sound (CH), "ph" is
 * f, and a leading "jh" (Jhon, Jhonny: English spellings said with a y) is y.
 */
function withoutSilentH(word: string): string {
  return word
    .replace(/^jh/, "y")
    .replace(/ch/g, CH)
    .replace(/ph/g, "f")
    .replace(/h/g, "");
}

function isVowel(letter: string | undefined): boolean {
  return letter !== undefined && letter.length === 1 && "aeiou".includes(letter);
}

function isFrontVowel(letter: string | undefined): boolean {
  return letter === "e" || letter === "i";
}
