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
import { ACTION_SCHEMA_ID, CONFIG_SCHEMA_ID, MAX_NESTING_DEPTH, offsetBeyondDepth, SCHEMAS } from '../engine';

/**
 * Completion, hover, outline, folding and formatting from vscode-json-languageservice, driven by our two
 * schemas. Validation stays ours (better messages and placement), so the service is configured not to
 * validate. No I/O: a `$schema` naming one of our schema files is answered from the bundled copy.
 */
export class JsonFeatures {
  private readonly service: LanguageService;
  private readonly parsed = new Map<string, { version: number; json: JSONDocument | undefined }>();

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
    const json = this.jsonOf(document);
    return json ? this.service.doComplete(document, position, json) : Promise.resolve(null);
  }

  hover(document: TextDocument, position: Position): PromiseLike<Hover | null> {
    const json = this.jsonOf(document);
    return json ? this.service.doHover(document, position, json) : Promise.resolve(null);
  }

  symbols(document: TextDocument): DocumentSymbol[] {
    const json = this.jsonOf(document);
    return json ? this.service.findDocumentSymbols2(document, json) : [];
  }

  folding(document: TextDocument): FoldingRange[] {
    return this.service.getFoldingRanges(document);
  }

  format(document: TextDocument, range: Range | undefined, options: FormattingOptions): TextEdit[] {
    return this.jsonOf(document) ? this.service.format(document, range, options) : [];
  }

  forget(uri: string): void {
    this.parsed.delete(uri);
  }

  /**
   * The parsed document, or undefined when it nests deeper than the engine checks: the service's parser
   * recurses (a stack overflow) and its formatter's output grows with the square of the depth (gigabytes).
   */
  private jsonOf(document: TextDocument): JSONDocument | undefined {
    const cached = this.parsed.get(document.uri);
    if (cached && cached.version === document.version) return cached.json;
    const tooDeep = offsetBeyondDepth(document.getText(), MAX_NESTING_DEPTH) !== undefined;
    const json = tooDeep ? undefined : this.service.parseJSONDocument(document);
    this.parsed.set(document.uri, { version: document.version, json });
    return json;
  }
}
