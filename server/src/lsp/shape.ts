import {
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Hover,
  type MarkedString,
  type MarkupContent,
} from 'vscode-languageserver';
import type { ClientFeatures } from './clientFeatures';

/**
 * Answers shaped for what the client announced: plain text where it takes no Markdown, plain insert text where
 * it takes no snippets. VS Code takes both, so it gets the answers unchanged.
 */

/** Markdown as a reader of plain text wants it: no emphasis marks or code fences, links as their labels. */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/```[^\n]*\n([\s\S]*?)```/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(`+) ?([^`]+?) ?\1/g, '$2')
    .replace(/~~(.+?)~~/g, '$1 (not sent)')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\\*\w])\*(?!\s)([^*\n]+?)\*/g, '$1$2')
    .replace(/\\([\\`*_[\]<>~|()#.!-])/g, '$1');
}

/**
 * A snippet as the text it inserts with its defaults: `${1:Look up order}` → `Look up order`, a choice
 * `${4|GET,POST|}` → `GET`, tab stops removed, escapes resolved.
 */
export function snippetToPlainText(snippet: string): string {
  let text = snippet;
  // Innermost placeholders first, until none is left (placeholders may nest).
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text
      .replace(/\$\{\d+\|((?:\\.|[^,|\\])*)[^}]*\|\}/g, '$1')
      .replace(/\$\{\d+:((?:\\.|[^${}\\])*)\}/g, '$1')
      .replace(/\$\{\d+\}|\$\d+/g, '');
  }
  return text.replace(/\\([$}\\,|])/g, '$1');
}

function plainItem(item: CompletionItem): CompletionItem {
  if (item.insertTextFormat !== InsertTextFormat.Snippet) return item;
  const shaped: CompletionItem = { ...item, insertTextFormat: InsertTextFormat.PlainText };
  if (item.insertText !== undefined) shaped.insertText = snippetToPlainText(item.insertText);
  if (item.textEdit) shaped.textEdit = { ...item.textEdit, newText: snippetToPlainText(item.textEdit.newText) };
  return shaped;
}

/** Completion without snippets for clients that cannot expand them. */
export function shapeCompletion(list: CompletionList | null, features: ClientFeatures): CompletionList | null {
  if (!list || features.snippets) return list;
  return { ...list, items: list.items.map(plainItem) };
}

/** A hover's contents, whatever form the provider gave them, as one Markdown text. */
export function markdownOf(contents: Hover['contents']): string {
  const one = (c: MarkedString | MarkupContent) => (typeof c === 'string' ? c : 'kind' in c ? c.value : `\`\`\`${c.language}\n${c.value}\n\`\`\``);
  return Array.isArray(contents) ? contents.map(one).join('\n\n') : one(contents);
}

/** A hover in the markup the client takes: Markdown as it is, or converted to plain text. */
export function shapeHover(hover: Hover | null | undefined, features: ClientFeatures): Hover | null {
  if (!hover) return null;
  const markdown = markdownOf(hover.contents);
  const contents: MarkupContent = features.hoverMarkdown
    ? { kind: MarkupKind.Markdown, value: markdown }
    : { kind: MarkupKind.PlainText, value: markdownToPlainText(markdown) };
  return { contents, ...(hover.range ? { range: hover.range } : {}) };
}
