import * as vscode from 'vscode';
import { inputsComplete, isJsonObject, parseInput, type RunInput } from '../../../server/src/engine';

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

/** Where a run's inputs come from, and whether each value is asked for again before sending. */
export interface StartingValues {
  values: InputValues;
  /** False when a complete sample set was picked to run as it is. */
  review: boolean;
}

/**
 * With sample sets next to the action (`<name>.samples.json`), asks what to send: a complete sample runs as it is;
 * "review" walks through each value, starting from the sample or the last run's values.
 */
export async function pickStartingValues(actionName: string, inputs: RunInput[], samples: Record<string, InputValues>, remembered: InputValues): Promise<StartingValues | undefined> {
  const names = Object.keys(samples);
  if (!names.length) return { values: remembered, review: true };
  type Item = vscode.QuickPickItem & { start?: StartingValues };
  const items: Item[] = [
    { label: 'Sample sets (from the .samples.json file)', kind: vscode.QuickPickItemKind.Separator },
    ...names.map((name): Item => {
      const complete = inputsComplete(inputs, samples[name]);
      return { label: `$(play) ${name}`, description: complete ? 'run with these values' : 'incomplete: you will be asked for the rest', detail: JSON.stringify(samples[name]), start: { values: samples[name], review: !complete } };
    }),
    { label: 'Type or review each value', kind: vscode.QuickPickItemKind.Separator },
    { label: '$(history) Last values', description: 'asked for one by one', detail: Object.keys(remembered).length ? JSON.stringify(remembered) : '(none yet)', start: { values: remembered, review: true } },
    ...names.map((name): Item => ({ label: `$(edit) ${name}`, description: 'asked for one by one, starting from this sample', start: { values: samples[name], review: true } })),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: `Run "${actionName}": which values would the AI extract?`,
    placeHolder: 'Pick a sample to run it as it is, or review each value before sending',
    matchOnDetail: true,
  });
  return picked?.start;
}
