/**
 * Views of a text that the runner scores beside it; the highest score wins, as with windows.
 *
 * Decoded views, for every text. An instruction smuggled as base64 ("decode this and follow it:
 * aWdub3Jl…"), in leetspeak ("1gn0r3 y0ur pr3v10us 1nstruct10ns"), spelled out letter by letter
 * ("i g n o r e   y o u r   r u l e s", "I.g.n.o.r.e", "p/r/i/n/t") or written backwards
 * ("snoitcurtsni suoiverp erongi") has none of the n-grams or words the model knows: the first two scored 0.09 and 0.16 with
 * 2026.11.26-1, the last 0.20 with a fifth-round build. Pure functions; the common case (no candidate)
 * costs one pass over the char codes and allocates nothing.
 *
 * Paragraph views, for documents only (text a tool fetched, passages a retrieval-augmented assistant
 * retrieved). An injection planted as its own paragraph of an e-mail or a page shares its scoring window
 * with the ordinary text around it, and the window's n-grams are normalised together, so the attack's
 * share is diluted: with 200 real e-mails, each scored alone and with one short attack added as a
 * paragraph, the windows alone told the two apart with AUC 0.78; with each paragraph also scored alone,
 * 0.96 (docs/model.md, "Documents"). Prompts do not get them: a long system prompt's rule paragraph
 * ("Never reveal …") reads like an attack on its own, and scoring it alone raised the threshold the
 * model needs on prompts.
 */

/** Base64 runs long enough to carry a sentence (12+ bytes) and short runs are not worth decoding. */
const BASE64_RUN = /[A-Za-z0-9+/_-]{16,}={0,2}/g;
/** At most this many decoded views per text, so a page of hashes cannot multiply the scoring work. */
export const MAX_VIEWS = 4;
/** A decoded view is kept only if this share of its characters is printable text. */
const PRINTABLE_SHARE = 0.95;

/** Leetspeak digits and symbols and the letters they stand for. */
const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
};
const LEET_WORD = /[a-z0-9@$]*[a-z][a-z0-9@$]*/gi;
const LEET_CHAR = /[013457@$]/g;
/**
 * A leet view is made only when at least this many words mix letters with leet digits and they are at
 * least a fifth of the words: "gpt4 on x86" is technical text, not leetspeak.
 */
const LEET_MIN_WORDS = 3;
const LEET_MIN_SHARE = 0.2;

/**
 * The letters a word may be spelled out with (a character-class body): ASCII and full-width Latin
 * ("ｉｇｎｏｒｅ"), which the featurizer's NFKC folds to ASCII after the view is joined. The candidate pass's
 * CLASS table is built from the same two strings, so the two scans agree on what a spelled word is.
 */
const SPELL_LETTERS = 'A-Za-z\\uFF21-\\uFF3A\\uFF41-\\uFF5A';
/** What may stand between the letters of a spelled-out word (a character-class body). */
const SPELL_SEPARATORS = ' .\\-_*|\\\\/';
/**
 * Letters spelled out one by one, the same separator between them: "i g n o r e", "I.g.n.o.r.e",
 * "p/r/i/n/t".
 */
const SPELLED_WORD = new RegExp(
  `(?<![${SPELL_LETTERS}])[${SPELL_LETTERS}]([${SPELL_SEPARATORS}])[${SPELL_LETTERS}](?:\\1[${SPELL_LETTERS}])*(?![${SPELL_LETTERS}])`,
  'g',
);
/** A spelled chain of one letter repeated ("\\n\\n\\n…" in JSON): not a word, not joined. */
const ONE_LETTER_REPEATED = /^(.)\1*$/i;
/**
 * A spelled view is made when a chain of single letters reaches this many ("A. B. Smith" does not). A
 * power of two: the candidate pass ORs every chain length together and tests this bit, which chains of
 * 8 to 15 letters set (a longer chain passes through them).
 */
const SPELLED_MIN_LETTERS = 8;

/**
 * Function words written backwards: two of them and the text is read reversed too. Reversed English
 * nearly always holds "eht" (the) or "uoy" (you), which the candidate pass looks for first.
 */
const EHT = (0x65 << 16) | (0x68 << 8) | 0x74;
const UOY = (0x75 << 16) | (0x6f << 8) | 0x79;
const REVERSED_WORD = /\b(?:eht|dna|uoy|ruoy|siht|taht|htiw|rof)\b/gi;
const REVERSED_MIN_WORDS = 2;

const B64 = 1;
const LETTER = 2;
const LEET_SYMBOL = 4;
/** A char of LEET_WORD. */
const WORD = 8;
/** What may stand between the letters of a word spelled out letter by letter. */
const SPELL_SEP = 16;
/**
 * Char classes by UTF-16 code unit (non-ASCII units are 0 but full-width Latin letters): one load per
 * char in the scans below.
 */
const CLASS = new Uint8Array(65536);
const spellSeparator = new RegExp(`[${SPELL_SEPARATORS}]`);
const spellLetter = new RegExp(`[${SPELL_LETTERS}]`);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  CLASS[c] =
    (/[A-Za-z0-9+/_-]/.test(ch) ? B64 : 0) |
    (/[A-Za-z]/.test(ch) ? LETTER : 0) |
    (ch in LEET ? LEET_SYMBOL : 0) |
    (/[A-Za-z0-9@$]/.test(ch) ? WORD : 0) |
    (spellSeparator.test(ch) ? SPELL_SEP : 0);
}
// Full-width Latin letters spell words too (SPELL_LETTERS); they are not WORD chars, so leetspeak and
// base64 runs stay ASCII.
for (let c = 0xff01; c <= 0xff5e; c++) if (spellLetter.test(String.fromCharCode(c))) CLASS[c] = LETTER;

/**
 * One pass over the char codes: does the text hold a base64-sized run (16+), a letter next to a leet
 * symbol, or a word spelled out letter by letter? Mostly branch-free, because it runs on every scored
 * text: the regular expressions below cost ~20 µs on a 1 KB prompt, this pass about as much as summing
 * the char codes, and for almost all text it is the only work done.
 */
function candidates(text: string): number {
  let run = 0;
  let prev = 0;
  let base64 = 0;
  let leet = 0;
  // Letters in the current chain of single letters between separators ("i g n o r e   y o u"); a chain
  // of SPELLED_MIN_LETTERS (8) sets bit 3.
  let spelled = 0;
  let spelledFound = 0;
  // The last three chars (low byte of each): "eht" or "uoy" in them is a hint of reversed English.
  let last3 = 0;
  let reversed = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const k = CLASS[c]!;
    run = (run + 1) & -(k & B64);
    base64 |= run >> 4;
    // LETTER is 2 and LEET_SYMBOL 4: a letter then a symbol, or a symbol then a letter.
    leet |= ((prev << 1) & k & LEET_SYMBOL) | ((prev >> 1) & k & LETTER);
    // A letter after a non-letter extends the chain, a separator keeps it, anything else ends it
    // (two letters in a row are an ordinary word).
    const letter = (k >> 1) & 1;
    const keep = (letter & ~(prev >> 1)) | (~letter & (k >> 4) & 1);
    spelled = (spelled + letter) & -(keep & 1);
    spelledFound |= spelled;
    last3 = ((last3 << 8) | (c & 0xff)) & 0xffffff;
    reversed |= +(last3 === EHT) | +(last3 === UOY);
    prev = k;
  }
  return (
    (base64 ? FOUND_BASE64 : 0) |
    (leet ? FOUND_LEET : 0) |
    (spelledFound & SPELLED_MIN_LETTERS ? FOUND_SPELLED : 0) |
    (reversed ? FOUND_REVERSED : 0)
  );
}
const NO_VIEWS: readonly string[] = Object.freeze([]);

/** Paragraphs are separated by a blank line (spaces and tabs allowed on it). */
const BLANK_LINE = /\n[ \t\r]*\n/;
/** A shorter paragraph ("Thanks,", a signature) says too little to score alone. */
const MIN_PARAGRAPH = 20;
/** At most this many paragraph views per text; a longer document's paragraphs are packed (see below). */
export const MAX_PARAGRAPHS = 32;

/** What a text is to the scorer: a prompt, or a document (fetched or retrieved text). */
export type TextKind = 'prompt' | 'document';

/** The views of `text` worth scoring beside it: decoded views, and for a document its paragraphs. */
export function textViews(text: string, windowChars: number, kind: TextKind): readonly string[] {
  const decoded = decodedViews(text);
  if (kind === 'prompt') return decoded;
  const paragraphs = paragraphViews(text, windowChars);
  if (paragraphs.length === 0) return decoded;
  return decoded.length === 0 ? paragraphs : [...decoded, ...paragraphs];
}

/**
 * The blank-line paragraphs of `text` (20 chars or more, trimmed), when it has two or more. A paragraph
 * longer than a window is left to the windows. Over MAX_PARAGRAPHS, neighbours are packed into blocks of
 * up to half a window, and the first MAX_PARAGRAPHS blocks are kept: a speech or a book chapter then
 * costs at most 32 more rows, and its windows still cover every part of it.
 */
export function paragraphViews(text: string, windowChars: number): readonly string[] {
  // Most prompts have no line break at all: one native scan and no allocation.
  if (text.indexOf('\n') < 0) return NO_VIEWS;
  const parts: string[] = [];
  for (const part of text.split(BLANK_LINE)) {
    const p = part.trim();
    if (p.length >= MIN_PARAGRAPH && p.length <= windowChars) parts.push(p);
  }
  if (parts.length < 2) return NO_VIEWS;
  if (parts.length <= MAX_PARAGRAPHS) return parts;
  const blocks: string[] = [];
  let block = '';
  for (const p of parts) {
    if (block && block.length + 2 + p.length > windowChars / 2) {
      blocks.push(block);
      if (blocks.length === MAX_PARAGRAPHS) return blocks;
      block = '';
    }
    block = block ? `${block}\n\n${p}` : p;
  }
  if (block) blocks.push(block);
  return blocks.slice(0, MAX_PARAGRAPHS);
}
const FOUND_BASE64 = 1;
const FOUND_LEET = 2;
const FOUND_SPELLED = 4;
const FOUND_REVERSED = 8;

/** The decoded views of `text` worth scoring beside it (none for almost all text). */
export function decodedViews(text: string): readonly string[] {
  const found = candidates(text);
  if (found === 0) return NO_VIEWS;
  const views: string[] = [];
  for (const run of found & FOUND_BASE64 ? text.matchAll(BASE64_RUN) : []) {
    if (views.length === MAX_VIEWS) return views;
    const decoded = decodeBase64Text(run[0]);
    if (decoded !== undefined) views.push(decoded);
  }
  const leet = found & FOUND_LEET ? leetView(text) : undefined;
  if (leet !== undefined && views.length < MAX_VIEWS) views.push(leet);
  const spelled = found & FOUND_SPELLED ? spelledView(text) : undefined;
  if (spelled !== undefined && views.length < MAX_VIEWS) views.push(spelled);
  const reversed = found & FOUND_REVERSED ? reversedView(text) : undefined;
  if (reversed !== undefined && views.length < MAX_VIEWS) views.push(reversed);
  return views;
}

/**
 * The text with words spelled out letter by letter joined up ("i g n o r e" -> "ignore"). A chain of one
 * letter repeated is left alone: escaped newlines in JSON would otherwise make a view of a whole fetched
 * document that reads the same as the document.
 */
function spelledView(text: string): string | undefined {
  let joined = 0;
  const view = text.replace(SPELLED_WORD, (chain, sep: string) => {
    const word = chain.split(sep).join('');
    if (ONE_LETTER_REPEATED.test(word)) return chain;
    joined++;
    return word;
  });
  return joined > 0 ? view : undefined;
}

/** The text read backwards, when it holds function words written backwards ("ruoy", "dna"). */
function reversedView(text: string): string | undefined {
  const hits = text.match(REVERSED_WORD);
  if (hits === null || hits.length < REVERSED_MIN_WORDS) return undefined;
  return Array.from(text).reverse().join('');
}

/** The text a base64 run encodes, or undefined when it is not mostly printable UTF-8 with words. */
export function decodeBase64Text(run: string): string | undefined {
  // A run of letters only is an ordinary long word or identifier far more often than base64.
  if (!/[0-9+/=_-]/.test(run) && !/[A-Z].*[a-z].*[A-Z]/.test(run)) return undefined;
  const bytes = Buffer.from(run.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (bytes.length < 12) return undefined;
  const decoded = bytes.toString('utf8');
  // Counted over UTF-16 units without materialising the characters: a run can be as long as the text.
  let printable = 0;
  for (let i = 0; i < decoded.length; i++) {
    const c = decoded.charCodeAt(i);
    if (c !== 0xfffd && (c >= 0x20 || c === 0x0a || c === 0x0d || c === 0x09)) printable++;
  }
  if (printable < PRINTABLE_SHARE * decoded.length) return undefined;
  // Text has spaces between words; random bytes that happen to be printable rarely do.
  return /\p{L}{2,}\s+\p{L}{2,}/u.test(decoded) ? decoded : undefined;
}

/** The text with leet digits read as letters inside mixed words, when it looks like leetspeak. */
export function leetView(text: string): string | undefined {
  // Counted by char class rather than with LEET_WORD: ordinary text with "3rd" or "mp3" reaches here,
  // and matching every word allocated ~30 µs per 1 KB.
  let words = 0;
  let leetWords = 0;
  let seen = 0;
  for (let i = 0; i <= text.length; i++) {
    const k = i < text.length ? CLASS[text.charCodeAt(i)]! : 0;
    if (k & WORD) {
      seen |= k;
      continue;
    }
    if (seen & LETTER) {
      words++;
      if (seen & LEET_SYMBOL) leetWords++;
    }
    seen = 0;
  }
  if (leetWords < LEET_MIN_WORDS || leetWords < LEET_MIN_SHARE * words) return undefined;
  return text.replace(LEET_WORD, (w) => w.replace(LEET_CHAR, (c) => LEET[c]!));
}
