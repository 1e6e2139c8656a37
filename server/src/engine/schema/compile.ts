import Ajv, { type AnySchema, type ValidateFunction } from 'ajv';
import actionSchema from '../../../../schemas/action.schema.json';
import configSchema from '../../../../schemas/opencx.config.schema.json';

/** Editor-facing annotations in our schemas, which ajv must accept and ignore. */
const ANNOTATION_KEYWORDS = [
  'markdownDescription',
  'markdownEnumDescriptions',
  'defaultSnippets',
  'patternErrorMessage',
  'errorMessage',
  'x-hint',
  'x-code',
];

export const ACTION_SCHEMA_ID = actionSchema.$id;
export const CONFIG_SCHEMA_ID = configSchema.$id;

/** The schemas as plain JSON, for services (completion, hover) that need them as documents. */
export const SCHEMAS = { action: actionSchema, config: configSchema } as const;

/** One ajv instance with both schemas compiled once; branches of `anyOf` are compiled on demand and cached. */
export class SchemaValidators {
  readonly action: ValidateFunction;
  readonly config: ValidateFunction;
  private readonly ajv: Ajv;
  private readonly branchCache = new WeakMap<object, ValidateFunction>();

  constructor() {
    this.ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
    this.ajv.addVocabulary(ANNOTATION_KEYWORDS);
    this.ajv.addSchema(actionSchema as AnySchema);
    this.ajv.addSchema(configSchema as AnySchema);
    this.action = this.mustGet(ACTION_SCHEMA_ID);
    this.config = this.mustGet(CONFIG_SCHEMA_ID);
  }

  /**
   * A validator for one branch of an `anyOf`/`oneOf`, with a local `$ref` resolved against the schema it came from.
   * Returns the branch's resolved schema too, so callers can read its `type`.
   */
  branch(rootId: string, branch: Record<string, unknown>): { validate: ValidateFunction; schema: Record<string, unknown> } {
    const ref = branch.$ref;
    if (typeof ref === 'string' && ref.startsWith('#')) {
      const validate = this.mustGet(rootId + ref);
      return { validate, schema: validate.schema as Record<string, unknown> };
    }
    let validate = this.branchCache.get(branch);
    if (!validate) {
      validate = this.ajv.compile(branch);
      this.branchCache.set(branch, validate);
    }
    return { validate, schema: branch };
  }

  private mustGet(id: string): ValidateFunction {
    const validate = this.ajv.getSchema(id);
    if (!validate) throw new Error(`schema ${id} is not registered`);
    return validate;
  }
}

let shared: SchemaValidators | undefined;

/** The process-wide validators: compiling takes milliseconds, so it happens once. */
export function schemaValidators(): SchemaValidators {
  return (shared ??= new SchemaValidators());
}
