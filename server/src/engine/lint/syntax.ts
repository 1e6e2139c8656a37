import { ParseErrorCode, type Node } from 'jsonc-parser';
import { normaliseFindings, type Finding } from './findings';
import { MAX_NESTING_DEPTH, mayHaveDuplicateKeys, type JsonDocument } from '../document/jsonDocument';

export const SYNTAX_CODE = 'json-syntax';
export const DUPLICATE_KEY_CODE = 'duplicate-key';

const SYNTAX_MESSAGES: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidSymbol]: 'unexpected character: this is not valid JSON here',
  [ParseErrorCode.InvalidNumberFormat]: 'invalid number',
  [ParseErrorCode.PropertyNameExpected]: 'a property name in double quotes is expected here',
  [ParseErrorCode.ValueExpected]: 'a value is expected here (a string, number, object, array, true, false or null)',
  [ParseErrorCode.ColonExpected]: 'a colon ":" is expected after the property name',
  [ParseErrorCode.CommaExpected]: 'a comma "," is expected between two entries',
  [ParseErrorCode.CloseBraceExpected]: 'a closing brace "}" is expected',
  [ParseErrorCode.CloseBracketExpected]: 'a closing bracket "]" is expected',
  [ParseErrorCode.EndOfFileExpected]: 'the file should end here: one JSON value per file',
  [ParseErrorCode.InvalidCommentToken]: 'comments are not allowed: action files are plain JSON',
  [ParseErrorCode.UnexpectedEndOfComment]: 'unterminated comment (comments are not allowed in JSON)',
  [ParseErrorCode.UnexpectedEndOfString]: 'unterminated string: a closing double quote is missing',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'incomplete number',
  [ParseErrorCode.InvalidUnicode]: 'invalid \\u escape: four hexadecimal digits are expected',
  [ParseErrorCode.InvalidEscapeCharacter]: 'invalid escape: use \\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX',
  [ParseErrorCode.InvalidCharacter]: 'control characters must be escaped inside a string',
};

/** Syntax errors of a malformed text, worded for people and placed on the offending token. */
export function syntaxFindings(doc: JsonDocument): Finding[] {
  if (doc.wellFormed) return [];
  if (doc.text.trim() === '') {
    return [{
      code: SYNTAX_CODE,
      severity: 'error',
      message: 'the file is empty: it must hold one JSON object (ask for completion here, Ctrl+Space, to insert a template)',
      range: doc.rangeOf({ offset: 0, length: 0 }),
    }];
  }
  if (doc.tooDeepAt !== undefined) {
    return [{
      code: SYNTAX_CODE,
      severity: 'error',
      message: `objects and arrays are nested more than ${MAX_NESTING_DEPTH} levels deep here; the file is not checked further`,
      range: doc.rangeOf({ offset: doc.tooDeepAt, length: 1 }),
    }];
  }
  return normaliseFindings(doc.syntaxErrors.map((error): Finding => {
    const comma = trailingCommaBefore(doc, error.offset);
    if (comma !== undefined) {
      return { code: SYNTAX_CODE, severity: 'error', message: 'trailing comma: JSON allows no "," before a closing bracket', range: doc.rangeOf({ offset: comma, length: 1 }) };
    }
    return {
      code: SYNTAX_CODE,
      severity: 'error',
      message: SYNTAX_MESSAGES[error.error] ?? 'invalid JSON',
      range: doc.rangeOf({ offset: error.offset, length: error.length }),
    };
  }));
}

/** A comma followed by a closing bracket is the commonest JSON slip: its offset, so we can say so and point at it. */
function trailingCommaBefore(doc: JsonDocument, offset: number): number | undefined {
  const closing = doc.text[offset];
  if (closing !== '}' && closing !== ']') return undefined;
  let i = offset - 1;
  while (i >= 0 && /\s/.test(doc.text[i])) i--;
  return doc.text[i] === ',' ? i : undefined;
}

/** Keys that appear twice in one object: JSON keeps only the last value, silently. */
export function duplicateKeyFindings(doc: JsonDocument): Finding[] {
  if (doc.wellFormed && !mayHaveDuplicateKeys(doc)) return [];
  const root = doc.tree;
  if (!root) return [];
  const findings: Finding[] = [];
  const visit = (node: Node): void => {
    if (node.type === 'object') {
      const firstSeen = new Map<string, Node>();
      for (const property of node.children ?? []) {
        const key = property.children?.[0];
        if (!key || typeof key.value !== 'string') continue;
        const earlier = firstSeen.get(key.value);
        if (earlier) {
          const line = doc.lines.positionAt(earlier.offset).line + 1;
          findings.push({
            code: DUPLICATE_KEY_CODE,
            severity: 'warning',
            message: `"${key.value}" is already defined on line ${line}; JSON keeps only the last value, so the earlier one is ignored`,
            range: doc.rangeOfNode(key),
          });
        } else {
          firstSeen.set(key.value, key);
        }
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(root);
  return findings;
}
