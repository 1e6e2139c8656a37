import type { JsonPath } from './jsonDocument';

/** A key that reads unambiguously after a dot: header names such as `X-Email` included (they hold no `.` or space). */
const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/**
 * A JSON path as people read it, the one spelling of a place used by diagnostics, hovers and plans alike:
 * `environments.staging.globalVariables.X-Shop-Region`, `parameters[0].value`, `headers["X Odd.Name"]`.
 * Keys that are not plain (a dot, a space, a leading digit…) are written as quoted JSON strings in brackets.
 */
export function formatJsonPath(path: JsonPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
