import { isJsonObject } from '../document/json';
import { changesState, type ActionModel } from '../model/action';
import { actionHandle } from './positions';
import type { ActionRule } from './rule';

/**
 * Verbs that say an action changes something, whatever its method. Only the first word of the name or of the
 * description counts: names and descriptions start with what the action does ("Cancel order"), while the same
 * words later are usually nouns ("Get refund status", "List charges").
 */
const STATE_CHANGING_VERBS = /^(refund|cancel|delete|remove|erase|close|deactivate|unsubscribe|charge|pay|transfer|reset|change|update|modify|create|book|reschedule|void|revoke|submit|send)$/i;

function firstWord(text: string): string {
  return /^[^A-Za-z]*([A-Za-z]+)/.exec(text)?.[1] ?? '';
}

function stateChange(action: ActionModel): string | undefined {
  if (changesState(action)) return `${action.method}`;
  const word = [firstWord(action.name), firstWord(action.description)].find((w) => STATE_CHANGING_VERBS.test(w));
  return word ? `"${word.toLowerCase()}"` : undefined;
}

/**
 * `missing-segment-rule`: no `restrictedToSegments` key at all. OpenCX then offers the action to every contact,
 * anonymous visitors included, and nothing in the file says whether that was meant. An explicit `[]` passes.
 */
export const missingSegmentRule: ActionRule = {
  code: 'missing-segment-rule',
  defaultSeverity: 'warning',
  summary: 'The action has no restrictedToSegments key, so every contact (anonymous visitors too) is offered it.',
  check({ document, action }) {
    if (action.restrictedToSegments !== undefined) return [];
    const change = stateChange(action);
    const title = action.name ? `"${action.name}"` : 'this action';
    // Pulled from OpenCX, whose API does not carry segments: unknown, not missing (set in the dashboard).
    const remote = isJsonObject(document.value) ? document.value.remote : undefined;
    if (isJsonObject(remote) && remote.segmentsUnknown === true) {
      return [{
        severity: 'info',
        message: `${title} was pulled from OpenCX, whose API does not carry segment restrictions: its segments are set in the dashboard and unknown here, so the rules treat it as offered to every contact; write restrictedToSegments to check them here`,
        range: actionHandle(document),
        data: { stateChanging: change !== undefined, segmentsUnknown: true },
      }];
    }
    if (change) {
      return [{
        severity: 'error',
        message: `${title} changes data (${change}) but has no restrictedToSegments, so every contact can trigger it, anonymous visitors included; list the segments allowed to use it, or add "restrictedToSegments": [] if everyone really may`,
        range: actionHandle(document),
        data: { stateChanging: true },
      }];
    }
    return [{
      message: `${title} has no restrictedToSegments, so OpenCX offers it to every contact, anonymous visitors included; list the segments that may use it, or add "restrictedToSegments": [] to say everyone may`,
      range: actionHandle(document),
      data: { stateChanging: false },
    }];
  },
};
