import { modify, type FormattingOptions } from 'jsonc-parser';
import type { JsonDocument, JsonPath } from '../document/jsonDocument';
import type { FileEdit } from './codeFix';

/** The indentation a file already uses, so an edit looks as if the author typed it. */
export function formattingOf(document: JsonDocument): FormattingOptions {
  const indented = /\n([ \t]+)\S/.exec(document.text)?.[1] ?? '  ';
  const eol = document.text.includes('\r\n') ? '\r\n' : '\n';
  return indented.startsWith('\t') ? { insertSpaces: false, tabSize: 1, eol } : { insertSpaces: true, tabSize: indented.length, eol };
}

/** Sets (or, with undefined, removes) the value at `path`, as jsonc-parser's `modify` does; edits as ranges. */
export function setValue(file: string, document: JsonDocument, path: JsonPath, value: unknown, isArrayInsertion = false): FileEdit[] {
  const edits = modify(document.text, path, value, { formattingOptions: formattingOf(document), isArrayInsertion });
  return edits.map((e) => ({ file, range: document.lines.rangeOf({ offset: e.offset, length: e.length }), newText: e.content }));
}
