/**
 * Company and person names as payers write them: the same customer appears as
 * "ACME GMBH", "Acme GmbH & Co. KG" or "Acme". Names are compared after folding
 * accents and German umlaut spellings, dropping legal-form words and punctuation,
 * and sorting the words, so that case, word order and legal form do not matter.
 *
 * @module
 */
import levenshtein from 'fast-levenshtein';

/** Legal-form and filler words that say nothing about who pays. */
const LEGAL_FORMS = new Set(
  (
    'gmbh mbh ag kg kgaa ohg gbr ug ek ev se co cie und and the et ' +
    'ltd limited inc incorporated corp corporation company llc llp plc ' +
    'sa sas sarl srl spa sl bv nv vof oy oyj ab as asa aps sro sp zoo'
  ).split(' '),
);

/**
 * The words of a name, normalised: lower case, accents and umlaut spellings folded
 * (ü, ue -> u), punctuation gone, initials joined (B.V. -> bv), legal forms dropped.
 *
 * @example
 * nameTokens('Müller & Söhne GmbH & Co. KG')
 * //=> ['muller', 'sohne']
 */
export function nameTokens(name: string): string[] {
  // Names in printable ASCII (most of them) need no Unicode folding.
  const ascii = !/[^ -~]/.test(name);
  const folded = (
    ascii
      ? name.toLowerCase()
      : name
          .normalize('NFKD')
          .replace(/[\u0300-\u036f]/g, '')
          .toLowerCase()
          .replace(/ß/g, 'ss')
          .replace(/æ/g, 'ae')
          .replace(/ø/g, 'o')
  )
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  const words = folded === '' ? [] : folded.split(' ');
  const joined: string[] = [];
  for (const [i, w] of words.entries()) {
    // Initials written with dots ("B.V.", "S.A.") arrive as single letters: rejoin them.
    if (w.length === 1 && i > 0 && words[i - 1]!.length === 1) {
      joined[joined.length - 1] = `${joined[joined.length - 1]}${w}`;
    } else {
      joined.push(w);
    }
  }
  const out = joined
    // ae -> a, oe -> o, ue -> u in one pass: each e follows at most one of the three.
    .map((w) => w.replace(/([aou])e/g, '$1'))
    .filter((w) => !LEGAL_FORMS.has(w));
  return out.length > 0 ? out : joined;
}

/**
 * The comparison key of a name: its normalised words, sorted and unique.
 *
 * @example
 * nameKey('Acme GmbH & Co. KG')
 * //=> 'acme'
 */
export function nameKey(name: string): string {
  return [...new Set(nameTokens(name))].sort().join(' ');
}

/**
 * How alike two name keys are, 0..1: the better of edit similarity on the sorted
 * words and the share of words that (nearly) agree.
 *
 * @example
 * nameSimilarity(nameKey('ACME GMBH'), nameKey('Acme GmbH & Co. KG'))
 * //=> 1
 */
export function nameSimilarity(a: string, b: string): number {
  if (a === b) return a === '' ? 0 : 1;
  const longest = Math.max(a.length, b.length);
  const edit = 1 - levenshtein.get(a, b) / longest;
  const wa = a.split(' ');
  const wb = b.split(' ');
  let agreeing = 0;
  for (const w of wa) {
    if (wb.includes(w)) agreeing += 1;
    else if (w.length >= 5 && wb.some((v) => levenshtein.get(v, w) <= 1)) agreeing += 0.9;
  }
  const words = (2 * agreeing) / (wa.length + wb.length);
  return Math.max(edit, words);
}
