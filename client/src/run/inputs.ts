import * as vscode from 'vscode';
import { isJsonObject, parseInput, type RunInput } from '../../../server/src/engine';

/** Values a person gave for one action, remembered per action file (never secrets: these are the AI's inputs). */
export type InputValues = Record<string, unknown>;

const rememberedKey = (uri: vscode.Uri) => `opencx.runInputs:${uri.toString()}`;

export function rememberedValues(state: vscode.Memento, uri: vscode.Uri): InputValues {
  return state.get<InputValues>(rememberedKey(uri)) ?? {};
}

export function rememberValues(state: vscode.Memento, uri: vscode.Uri, values: InputValues): Thenable<void> {
  return state.update(rememberedKey(uri), values);
}

/** `look-up-order.action.json` → `look-up-order.samples.json`: named sets of inputs kept next to the action. */
export function samplesUri(uri: vscode.Uri): vscode.Uri {
  return uri.with({ path: uri.path.replace(/\.action\.json$/, '.samples.json') });
}

export async function readSamples(uri: vscode.Uri): Promise<Record<string, InputValues>> {
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(samplesUri(uri))));
    if (!isJsonObject(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter(([, v]) => isJsonObject(v))) as Record<string, InputValues>;
  } catch {
    return {};
  }
}

function describe(input: RunInput): string {
  const type = input.schema?.type ? ` (${Array.isArray(input.schema.type) ? input.schema.type.join(' | ') : String(input.schema.type)})` : '';
  const allowed = Array.isArray(input.schema?.enum) ? ` one of ${input.schema!.enum.join(', ')}` : '';
  return `${input.in} ${input.required ? 'required' : 'optional'}${type}${allowed}${input.description ? ` · ${input.description}` : ''}`;
}

const asText = (value: unknown) => (value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));

/**
 * Asks for each value the AI would extract, with its description and type, checked against its schema as it is
 * typed. Starts from a sample set or the values of the last run. Undefined when the person cancels.
 */
export async function askInputs(actionName: string, inputs: RunInput[], start: InputValues): Promise<InputValues | undefined> {
  const values: InputValues = {};
  for (const [index, input] of inputs.entries()) {
    const text = await vscode.window.showInputBox({
      title: `Run "${actionName}": ${input.name} (${index + 1}/${inputs.length})`,
      prompt: describe(input),
      value: asText(start[input.name]),
      ignoreFocusOut: true,
      validateInput: (t) => {
        const parsed = parseInput(input, t);
        return parsed.ok ? undefined : parsed.message;
      },
    });
    if (text === undefined) return undefined;
    const parsed = parseInput(input, text);
    if (parsed.ok && !parsed.omitted) values[input.name] = parsed.value;
  }
  return values;
}

/** Picks where the inputs start: a saved sample set, the last run's values, or empty. */
export async function pickStartingValues(actionName: string, samples: Record<string, InputValues>, remembered: InputValues): Promise<InputValues | undefined> {
  const names = Object.keys(samples);
  if (!names.length) return remembered;
  const items = [
    { label: '$(history) Last values', description: Object.keys(remembered).length ? JSON.stringify(remembered) : '(none yet)', values: remembered },
    ...names.map((name) => ({ label: name, description: JSON.stringify(samples[name]), values: samples[name] })),
  ];
  const picked = await vscode.window.showQuickPick(items, { title: `Run "${actionName}": start from`, placeHolder: 'A sample set from the .samples.json file, or the last values' });
  return picked?.values;
}
