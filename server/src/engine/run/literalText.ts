/**
 * Values the AI extracts (typed by the user at run time: `--param`, the run inputs, a samples file) are text, and
 * OpenCX sends them as they are: a `${secret:NAME}` in one is literal text, never a reference to fill. The
 * executor fills every `${secret:NAME}` it finds in a plan, so such text is marked when it enters the plan: a
 * WORD JOINER (U+2060, invisible, never typed in a value) between the `$` and the `{` breaks the reference
 * pattern. The executor removes the mark after filling, and displays remove it, so the bytes sent and shown are
 * exactly the text typed (percent-encoded in the URL, JSON-escaped in a body).
 */
const MARK = '\u2060';
const REFERENCE_START = /\$\{(?=secret:)/g;
const MARKED = /\$\u2060\{/g;
/** The mark as encodeURIComponent writes it in a URL: `%24` `%E2%81%A0` `%7B`. */
const MARKED_IN_URL = /%24%E2%81%A0%7B/gi;

/** A typed value with each `${secret:` marked as literal. Other text is unchanged. */
export function markLiteralText(value: string): string {
  return value.includes('${secret:') ? value.replace(REFERENCE_START, `$${MARK}{`) : value;
}

/** A typed value of any JSON type, with every string in it (keys included) marked as literal. */
export function markLiteralValue(value: unknown): unknown {
  if (typeof value === 'string') return markLiteralText(value);
  if (Array.isArray(value)) return value.map(markLiteralValue);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [markLiteralText(k), markLiteralValue(v)]));
  }
  return value;
}

/** Text (raw, JSON or a URL) with the marks removed: what is sent and shown. */
export function withoutLiteralMarks(text: string): string {
  if (!text.includes(MARK) && !/%E2%81%A0/i.test(text)) return text;
  return text.replace(MARKED, '${').replace(MARKED_IN_URL, '%24%7B');
}

/** A plan value (body, header) with the marks removed from every string in it. */
export function valueWithoutLiteralMarks(value: unknown): unknown {
  if (typeof value === 'string') return withoutLiteralMarks(value);
  if (Array.isArray(value)) return value.map(valueWithoutLiteralMarks);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [withoutLiteralMarks(k), valueWithoutLiteralMarks(v)]));
  }
  return value;
}
