import type { JsonPath } from '../document/jsonDocument';

/**
 * A UTF-16 code unit of a surrogate pair without its partner (`"\ud800"` written in a JSON file). It has no UTF-8
 * form, so `encodeURIComponent`, which OpenCX uses for path and query values (spec C), throws a URIError on it:
 * such a value can never be sent as written. No `u` flag, so the pattern sees code units, not code points.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether `text` holds a lone surrogate, i.e. cannot be encoded as UTF-8 (nor by encodeURIComponent). */
export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/** The index of the first lone surrogate in `text`, or -1. */
export function loneSurrogateIndex(text: string): number {
  return LONE_SURROGATE.exec(text)?.index ?? -1;
}

/**
 * The sentence that says why a value cannot go into a URL, naming it (`the static value of query parameter "q"`)
 * and showing the offending escape as it would be written in JSON.
 */
export function unencodableMessage(what: string, text: string): string {
  const index = loneSurrogateIndex(text);
  const escape = index >= 0 ? ` (\\u${text.charCodeAt(index).toString(16)})` : '';
  return `${what} holds a lone surrogate${escape}, which has no UTF-8 form: encodeURIComponent rejects it, so the request can never be sent; remove it or write the whole character`;
}

/** A value that cannot be put into the URL: where it was written (a path in the action file, when it is there) and why. */
export interface UnencodableValue {
  /** The value's place in the action file; absent when it comes from elsewhere (the config, the given values). */
  path?: JsonPath;
  message: string;
}
