/**
 * Undoes the two cheapest disguises of an attack word before it is hashed, so "1gn0r3 @ll pr3v10u5
 * instructions" and "іgnоre" (Cyrillic і, о) reach the model as the words it was trained on, instead of
 * n-grams it has never seen. On the disguised attacks of public sets the model never saw, recall rose from
 * 0.45 to 0.54 with the fold, and no benign row it changed was flagged (docs/model.md, "Model").
 *
 * Both folds are confined to the words that show the disguise, so ordinary text is left alone:
 * - look-alike letters (Cyrillic, Greek, IPA) become Latin only inside a word that also has Latin
 *   letters: a Greek or Russian word stays as it is;
 * - leet digits and symbols become letters only inside a word made of nothing else that has three Latin
 *   letters: "h4ck3r", "p4ssw0rd" and "wr!+e" fold; "1st", "mp3", "10am", "2024", "c++" and
 *   "bob@example.com" do not.
 * Input is already NFKC-normalised and lower-cased (NFKC also folds full-width and mathematical letters).
 * The map is one code unit to one, so the text keeps its length.
 */

const LOOKALIKE = new Map<string, string>([
  // Cyrillic
  ['а', 'a'],
  ['в', 'b'],
  ['е', 'e'],
  ['ё', 'e'],
  ['һ', 'h'],
  ['н', 'h'],
  ['і', 'i'],
  ['ї', 'i'],
  ['ј', 'j'],
  ['к', 'k'],
  ['м', 'm'],
  ['о', 'o'],
  ['р', 'p'],
  ['ԛ', 'q'],
  ['с', 'c'],
  ['ѕ', 's'],
  ['т', 't'],
  ['у', 'y'],
  ['ԝ', 'w'],
  ['х', 'x'],
  ['ԁ', 'd'],
  ['ь', 'b'],
  // Greek
  ['α', 'a'],
  ['β', 'b'],
  ['ε', 'e'],
  ['η', 'n'],
  ['ι', 'i'],
  ['κ', 'k'],
  ['ν', 'v'],
  ['ο', 'o'],
  ['ρ', 'p'],
  ['τ', 't'],
  ['υ', 'u'],
  ['χ', 'x'],
  // IPA and Latin extensions that pass NFKC unchanged
  ['ɑ', 'a'],
  ['ɡ', 'g'],
  ['ɩ', 'i'],
]);

const LEET = new Map<string, string>([
  ['0', 'o'],
  ['1', 'i'],
  ['3', 'e'],
  ['4', 'a'],
  ['5', 's'],
  ['6', 'g'],
  ['7', 't'],
  ['8', 'b'],
  ['9', 'g'],
  ['@', 'a'],
  ['+', 't'],
  ['!', 'i'],
  ['€', 'e'],
]);

const EDGES = /^(["'`([{<*_]*)(.*?)(["'`)\]}>.,;:?!*_]*)$/s;
const LEET_WORD = /^[a-z0-9@+!€]+$/;
/** A leet digit, or a symbol that stands for a letter ("wr!+e", "py+hon"). */
const LEET_SIGN = /[013456789+!€]/;
const LEET_CHAR = /[0-9@+!€]/g;
/**
 * Words that spell with digits but are not disguises: a version or id suffix ("html5", "python3",
 * "base64"), a quantity ("60fps"), three digits in a row ("abc123xyz", hashes), "!" or "+" at an end
 * ("!important", "dpm++"), "@" without a digit (an address).
 */
const NOT_LEET = /^[a-z@+!€]+[0-9]+$|^[0-9]{2}|[0-9]{3}|^[!+]|[!+]$|^[^0-9]*@[^0-9]*$/;

/**
 * ASCII classes for a caller's pre-check: 1 letter, 2 digit or leet symbol, 3 word separator, 0 other. An
 * ASCII word can change under deobfuscate only if it has three letters and a letter beside a class-2 char.
 */
export const ASCII_CLASS = Uint8Array.from({ length: 128 }, (_, c) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90)
    ? 1
    : (c >= 48 && c <= 57) || c === 64 || c === 43 || c === 33
      ? 2
      : c === 32 || c === 45 || (c >= 9 && c <= 13)
        ? 3
        : 0,
);

/** Code units of the look-alike letters and "€": curly quotes and dashes do not send a word to foldWord. */
const FOLDABLE = new Set([...LOOKALIKE.keys(), '€'].map((ch) => ch.charCodeAt(0)));

/** The Unicode spaces NFKC leaves as they are (the others it turns into U+0020). */
const isWideSpace = (c: number): boolean =>
  c === 0x1680 || c === 0x2028 || c === 0x2029 || c === 0x85 || c === 0xfeff;

/** The lower-cased, NFKC-normalised text with look-alike letters and leet spelling folded, word by word. */
export function deobfuscate(lower: string): string {
  // One pass with ASCII_CLASS's rule (the featurizer's foldAscii applies it too, fused with its folding);
  // foldWord sees only the rare words that may change.
  let out = '';
  let copied = 0;
  let start = 0;
  let kind = 3;
  let letters = 0;
  let suspect = false;
  let lookalike = false;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 32;
    const k = c < 128 ? ASCII_CLASS[c]! : isWideSpace(c) ? 3 : FOLDABLE.has(c) ? 4 : 0;
    if (k === 3) {
      // Leet needs three letters; a look-alike needs only to sit in a word ("αs").
      if (lookalike || (suspect && letters >= 3)) {
        const word = lower.slice(start, i);
        const folded = foldWord(word);
        if (folded !== word) {
          out += lower.slice(copied, start) + folded;
          copied = i;
        }
      }
      start = i + 1;
      letters = 0;
      suspect = false;
      lookalike = false;
    } else {
      if (k === 1 || k === 4) letters++;
      if (k === 4) lookalike = true;
      else if ((k === 1 && kind === 2) || (k === 2 && kind === 1)) suspect = true;
    }
    kind = k;
  }
  return copied === 0 ? lower : out + lower.slice(copied);
}

/** "illegal+unethical", "ios+android": words joined by "+", each of three letters or more. */
function joinsWords(core: string): boolean {
  return core.includes('+') && core.split('+').every((part) => part.length >= 3);
}

function foldWord(word: string): string {
  let latin = 0;
  let lookalike = 0;
  for (const ch of word) {
    if (ch >= 'a' && ch <= 'z') latin++;
    else if (LOOKALIKE.has(ch)) lookalike++;
  }
  let out = word;
  if (latin > 0 && lookalike > 0) {
    out = Array.from(out, (ch) => LOOKALIKE.get(ch) ?? ch).join('');
    latin += lookalike;
  }
  if (latin < 3) return out;
  const [, lead = '', core = '', trail = ''] = EDGES.exec(out) ?? [];
  if (!LEET_WORD.test(core) || !LEET_SIGN.test(core) || NOT_LEET.test(core) || joinsWords(core)) return out;
  if (core.replace(LEET_CHAR, '').length < 3) return out;
  return lead + core.replace(LEET_CHAR, (c) => LEET.get(c) ?? c) + trail;
}
