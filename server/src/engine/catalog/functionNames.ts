/**
 * Function names for tools. OpenCX does not document how an action's name becomes the name a model calls; we
 * assume the way most tool-calling stacks do it (docs/assumptions.md): the name in snake_case, letters without
 * accents, every other run of characters one `_`, cut to 64 characters; a name that would be empty is `action`.
 * Two actions with the same function name get `_2`, `_3`… in file order, so the list stays unique.
 */

/** The pattern OpenAI-compatible APIs accept for a function name. */
export const FUNCTION_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_LENGTH = 64;

/** The function name of one action name, before clashes are resolved. */
export function functionNameOf(actionName: string): string {
  const plain = actionName.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const snake = plain.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^[_-]+|[_-]+$/g, '').toLowerCase();
  return (snake || 'action').slice(0, MAX_LENGTH).replace(/[_-]+$/, '') || 'action';
}

/**
 * Unique function names for action names in order: the first keeps its name, later ones with the same name
 * (compared case-insensitively, as some APIs do) get a suffix `_2`, `_3`…, the base cut so it fits in 64.
 */
export function uniqueFunctionNames(actionNames: readonly string[]): string[] {
  const taken = new Set<string>();
  return actionNames.map((name) => {
    const base = functionNameOf(name);
    let candidate = base;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
      const suffix = `_${n}`;
      candidate = base.slice(0, MAX_LENGTH - suffix.length) + suffix;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}
