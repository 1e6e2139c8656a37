import {
  getLanguageService,
  type CompletionList,
  type DocumentSymbol,
  type FoldingRange,
  type FormattingOptions,
  type Hover,
  type JSONDocument,
  type LanguageService,
  type Position,
  type Range,
  type TextEdit,
} from 'vscode-json-languageservice';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ACTION_SCHEMA_ID, CONFIG_SCHEMA_ID, SCHEMAS } from '../engine/schema/compile';

/**
 * Completion, hover, outline, folding and formatting from vscode-json-languageservice, driven by our two
 * schemas. Validation stays ours (better messages and placement), so the service is configured not to
 * validate. No I/O: a `$schema` naming one of our schema files is answered from the bundled copy.
 */
export class JsonFeatures {
  private readonly service: LanguageService;
  private readonly parsed = new Map<string, { version: number; json: JSONDocument }>();

  constructor() {
    const schemaText = { action: JSON.stringify(SCHEMAS.action), config: JSON.stringify(SCHEMAS.config) };
    this.service = getLanguageService({
      schemaRequestService: async (uri) => {
        if (uri === ACTION_SCHEMA_ID || uri.endsWith('/action.schema.json')) return schemaText.action;
        if (uri === CONFIG_SCHEMA_ID || uri.endsWith('/opencx.config.schema.json')) return schemaText.config;
        throw new Error(`OpenCX: not loading schema ${uri}`);
      },
      workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).toString() },
    });
    this.service.configure({
      validate: false,
      allowComments: false,
      schemas: [
        { uri: ACTION_SCHEMA_ID, fileMatch: ['*.action.json'], schema: SCHEMAS.action },
        { uri: CONFIG_SCHEMA_ID, fileMatch: ['opencx.config.json'], schema: SCHEMAS.config },
      ],
    });
  }

  complete(document: TextDocument, position: Position): PromiseLike<CompletionList | null> {
    return this.service.doComplete(document, position, this.jsonOf(document));
  }

  hover(document: TextDocument, position: Position): PromiseLike<Hover | null> {
    return this.service.doHover(document, position, this.jsonOf(document));
  }

  symbols(document: TextDocument): DocumentSymbol[] {
    return this.service.findDocumentSymbols2(document, this.jsonOf(document));
  }

  folding(document: TextDocument): FoldingRange[] {
    return this.service.getFoldingRanges(document);
  }

  format(document: TextDocument, range: Range | undefined, options: FormattingOptions): TextEdit[] {
    return this.service.format(document, range, options);
  }

  forget(uri: string): void {
    this.parsed.delete(uri);
  }

  private jsonOf(document: TextDocument): JSONDocument {
    const cached = this.parsed.get(document.uri);
    if (cached && cached.version === document.version) return cached.json;
    const json = this.service.parseJSONDocument(document);
    this.parsed.set(document.uri, { version: document.version, json });
    return json;
  }
}
