import { applyEdits, modify, type EditResult, type FormattingOptions } from 'jsonc-parser';

/** One generated utterance as the file keeps it: the object form, marked until a person reviews it. */
export interface GeneratedUtterance {
  text: string;
  generated: true;
}

/**
 * The text edits that append `texts` to the `utterances` array of an action file (creating the array when absent),
 * each as `{ "text": …, "generated": true }`. Offsets refer to `text`; apply them in one WorkspaceEdit.
 */
export function utteranceEdits(text: string, texts: readonly string[], formatting: FormattingOptions): EditResult {
  const items: GeneratedUtterance[] = texts.map((t) => ({ text: t, generated: true }));
  if (!items.length) return [];
  const options = { formattingOptions: formatting };
  const hasArray = /"utterances"\s*:\s*\[/.test(text);
  if (!hasArray) return modify(text, ['utterances'], items, options);
  // Append one by one on a working copy, then express the whole change as one edit against the original.
  let working = text;
  for (const item of items) working = applyEdits(working, modify(working, ['utterances', -1], item, options));
  let start = 0;
  while (start < text.length && text[start] === working[start]) start++;
  let endOld = text.length;
  let endNew = working.length;
  while (endOld > start && endNew > start && text[endOld - 1] === working[endNew - 1]) {
    endOld--;
    endNew--;
  }
  return [{ offset: start, length: endOld - start, content: working.slice(start, endNew) }];
}
