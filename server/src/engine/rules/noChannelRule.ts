import { valueRange } from './positions';
import type { ActionRule } from './rule';

/** `no-channel`: `"channels": []`. The action is on no channel, so the AI can never call it. */
export const noChannelRule: ActionRule = {
  code: 'no-channel',
  defaultSeverity: 'warning',
  summary: 'The action is on no channel, so the AI can never call it.',
  check({ document, action }) {
    const written = document.nodeAt(['channels']);
    if (!written || written.type !== 'array' || action.channels.length > 0) return [];
    return [{
      message: 'channels is empty, so the AI can never call this action; add "widget" (OpenCX\'s default) or the channels it should work on',
      range: valueRange(document, ['channels']),
    }];
  },
};
