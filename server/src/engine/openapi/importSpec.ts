import { isJsonObject, type JsonObject } from '../document/json';
import { mapOperation, type MapContext } from './mapOperation';
import { fileBaseName } from './naming';
import { isSelected, listOperations, namesOperation } from './operations';
import { generatedHash, originOf, refersToSpec, specReference, USER_FIELDS, type Origin } from './origin';
import { parseSpec } from './parse';
import { securityHeaderNames, securityNotes } from './security';
import type { ExistingFile, ImportOptions, ImportPlan, SpecOperation, SpecSource } from './types';

const ACTION_SUFFIX = '.action.json';
const HTTP_UPGRADE_NOTE = 'the spec\'s server is http://; OpenCX only calls https://, so the endpoints use https:// (check that the API answers there)';

interface Imported {
  id: string;
  action: JsonObject;
  origin: Origin;
}

/** A fresh plan with nothing in it. */
function emptyPlan(): ImportPlan {
  return { created: [], updated: [], unchanged: [], kept: [], skipped: [], errors: [], notes: [], writes: [], operationCount: 0, selectedCount: 0, unmatched: { operations: [], tags: [] } };
}

/** The existing action files that were imported from this spec, by operation key (the first file wins). */
function importedFrom(source: SpecSource, existing: ExistingFile[]): Map<string, Imported> {
  const found = new Map<string, Imported>();
  for (const file of existing) {
    let action: unknown;
    try {
      action = JSON.parse(file.text);
    } catch {
      continue; // a file that does not parse is nobody's import: never touched
    }
    const origin = originOf(action);
    if (!origin || !isJsonObject(action) || !refersToSpec(origin, file.id, source.location)) continue;
    if (!found.has(origin.operationId)) found.set(origin.operationId, { id: file.id, action, origin });
  }
  return found;
}

/** The file's text: generated fields, then the user's own fields carried over, then `origin`. */
function actionText(generated: JsonObject, userFields: JsonObject, origin: Origin): string {
  return JSON.stringify({ ...generated, ...userFields, origin }, null, 2) + '\n';
}

function userFieldsOf(action: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of USER_FIELDS) if (key !== 'origin' && action[key] !== undefined) out[key] = action[key];
  return out;
}

/** A file name in the output folder that no other file has: `list-pets.action.json`, else `list-pets-2…`. */
function freeFileId(operation: SpecOperation, outDir: string, taken: Set<string>): string {
  const base = `${outDir.replace(/\/+$/, '')}/${fileBaseName(operation)}`;
  for (let n = 1; ; n++) {
    const id = `${base}${n === 1 ? '' : `-${n}`}${ACTION_SUFFIX}`;
    if (!taken.has(id.toLowerCase())) {
      taken.add(id.toLowerCase());
      return id;
    }
  }
}

/**
 * Plans the import of one spec into action files, without touching anything: which files to create, which to
 * replace (imported before and not edited since: their content still has the recorded hash), which to keep
 * (edited by hand, or whose operation left the spec), which operations were skipped or rejected, and notes.
 * Hand-made actions (no `origin`, or another spec's) are never touched, nor are their file names reused.
 * `existing` should hold every action file under the output folder (and any other the caller wants matched).
 */
export async function planImport(source: SpecSource, existing: ExistingFile[], options: ImportOptions): Promise<ImportPlan> {
  const plan = emptyPlan();
  const parsed = await parseSpec(source);
  if (!parsed.ok) {
    plan.errors.push(parsed.error);
    return plan;
  }
  const operations = listOperations(parsed.spec);
  const wanted = { operations: options.operations ?? [], tags: options.tags ?? [] };
  plan.unmatched = {
    operations: wanted.operations.filter((o) => !operations.some((op) => namesOperation(op, [o]))),
    tags: wanted.tags.filter((t) => !operations.some((op) => op.tags.includes(t))),
  };
  const selected = operations.filter((op) => isSelected(op, wanted.operations, wanted.tags));
  plan.operationCount = operations.length;
  plan.selectedCount = selected.length;
  plan.notes.push(...securityNotes(parsed.spec).map((message) => ({ operation: null, message })));

  const previous = importedFrom(source, existing);
  const taken = new Set(existing.map((f) => f.id.toLowerCase()));
  const context: MapContext = { spec: parsed.spec, specLocation: source.location, server: options.server, securityHeaders: securityHeaderNames(parsed.spec) };
  let upgradedFromHttp = false;
  for (const operation of selected) {
    const mapped = mapOperation(operation, context);
    if (mapped.kind === 'action') upgradedFromHttp ||= mapped.upgradedFromHttp;
    if (mapped.kind === 'rejected') plan.errors.push(mapped.error);
    else if (mapped.kind === 'skipped') plan.skipped.push({ operation: operation.key, reason: mapped.reason });
    else {
      plan.notes.push(...mapped.notes.map((message) => ({ operation: operation.key, message })));
      place(plan, operation, mapped.action, previous.get(operation.key), { source, outDir: options.outDir, taken });
    }
  }
  if (upgradedFromHttp) plan.notes.push({ operation: null, message: HTTP_UPGRADE_NOTE });
  const keys = new Set(operations.map((op) => op.key));
  for (const [key, file] of previous) {
    if (keys.has(key)) continue;
    plan.kept.push({ id: file.id, operation: key });
    plan.skipped.push({ operation: key, reason: 'no longer in the spec: its file was kept; delete it if the action should go' });
  }
  return plan;
}

/** Decides what happens to one imported operation's file: created, updated, unchanged or kept. */
function place(plan: ImportPlan, operation: SpecOperation, generated: JsonObject, before: Imported | undefined, where: { source: SpecSource; outDir: string; taken: Set<string> }): void {
  const hash = generatedHash(generated);
  if (!before) {
    const id = freeFileId(operation, where.outDir, where.taken);
    const text = actionText(generated, {}, { spec: specReference(where.source.location, id), operationId: operation.key, hash });
    plan.created.push(id);
    plan.writes.push({ id, text, operation: operation.key, kind: 'created' });
    return;
  }
  const origin: Origin = { spec: specReference(where.source.location, before.id), operationId: operation.key, hash };
  const text = actionText(generated, userFieldsOf(before.action), origin);
  if (generatedHash(before.action) !== before.origin.hash) {
    plan.kept.push({ id: before.id, operation: operation.key, proposedText: text });
    plan.skipped.push({ operation: operation.key, reason: 'its file was edited by hand since the last import: kept (compare it with the spec\'s version)' });
  } else if (hash === before.origin.hash && origin.spec === before.origin.spec) {
    plan.unchanged.push(before.id);
  } else {
    plan.updated.push(before.id);
    plan.writes.push({ id: before.id, text, operation: operation.key, kind: 'updated' });
  }
}
