// Every encoding in which a server might echo a secret's value back, for the masking and canary tests.

const unicodeEscapes = (text: string, upper: boolean) => [...Array(text.length).keys()]
  .map((i) => text.charCodeAt(i).toString(16).padStart(4, '0'))
  .map((hex) => `\\u${upper ? hex.toUpperCase() : hex}`).join('');
const jsonEscaped = (text: string) => JSON.stringify(text).slice(1, -1);
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** [name, form] for each encoding the issue lists, and the ones that were masked before. */
export function secretForms(value: string): [string, string][] {
  return [
    ['verbatim', value],
    ['JSON-escaped', jsonEscaped(value)],
    ['JSON with \\/ escaped slashes', jsonEscaped(value).replace(/\//g, '\\/')],
    ['\\uXXXX escapes of every character', unicodeEscapes(value, false)],
    ['\\uXXXX escapes in upper-case hex', unicodeEscapes(value, true)],
    ['upper-case percent-encoding', encodeURIComponent(value)],
    ['lower-case percent-encoding', encodeURIComponent(value).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())],
    ['every byte percent-encoded', [...Buffer.from(value, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')],
    ['base64', base64(value)],
    ['base64 without padding', base64(value).replace(/=+$/, '')],
    ['base64url', base64(value).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')],
  ];
}

/** Fails with the form's name when `text` holds any form of `value`. */
export function findForm(text: string, value: string): string | undefined {
  return secretForms(value).find(([, form]) => text.includes(form))?.[0];
}
