/**
 * How a secret's value can come back from a server that echoes it, as one regular expression per value. Each
 * character may appear as itself, JSON-escaped (`\"`, `\\`, `\/`, `\n`…), as a `\uXXXX` escape (any character,
 * hex in either case, astral characters as a surrogate pair), or percent-encoded (its UTF-8 bytes, hex in either
 * case), and the forms may mix within one value (a server escaping only some characters). The whole value may
 * also come back in base64 or base64url, alone or inside a longer encoded text (`Basic base64(user:value)`).
 */

/** JSON's short escapes, by character. */
const JSON_SHORT_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '/': '\\/', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** A hex digit matched in either case. */
const hexDigit = (digit: string) => (/[a-f]/i.test(digit) ? `[${digit.toLowerCase()}${digit.toUpperCase()}]` : digit);
const hex = (n: number, width: number) => [...n.toString(16).padStart(width, '0')].map(hexDigit).join('');

/** Every way one character (a code point) may be written. */
function characterForms(character: string): string {
  const forms = [escapeRegExp(character)];
  if (JSON_SHORT_ESCAPES[character]) forms.push(escapeRegExp(JSON_SHORT_ESCAPES[character]));
  const units = [...Array(character.length).keys()].map((i) => character.charCodeAt(i));
  forms.push(units.map((unit) => `\\\\u${hex(unit, 4)}`).join(''));
  forms.push([...Buffer.from(character, 'utf8')].map((byte) => `%${hex(byte, 2)}`).join(''));
  return `(?:${forms.join('|')})`;
}

/** The value written character by character in any of the forms above. */
export function escapedFormsPattern(value: string): string {
  return [...value].map(characterForms).join('');
}

/** Shorter base64 runs inside a longer text are not searched for: they would match by chance. */
const MIN_SHIFTED_BASE64 = 8;

/**
 * The value's base64 and base64url texts: the whole value (with and without padding), and for a value inside a
 * longer encoded text (starting 0, 1 or 2 bytes past a 3-byte group), the characters that depend on its bytes alone.
 */
export function base64Forms(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const forms = new Set<string>();
  const add = (text: string) => {
    forms.add(text);
    forms.add(text.replace(/\+/g, '-').replace(/\//g, '_'));
  };
  const whole = bytes.toString('base64');
  add(whole);
  add(whole.replace(/=+$/, ''));
  for (const shift of [0, 1, 2]) {
    const unpadded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64').replace(/=+$/, '');
    // The first characters mix the filler bytes with the value's (from index 2 for one filler byte, 3 for two);
    // a character past the last whole 6 bits mixes the value with whatever follows it.
    const start = [0, 2, 3][shift];
    const core = unpadded.slice(start, Math.floor(((shift + bytes.length) * 8) / 6));
    if (core.length >= MIN_SHIFTED_BASE64) add(core);
  }
  return [...forms];
}
