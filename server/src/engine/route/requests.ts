import { modelTools } from '../catalog/catalog';
import type { Catalog, ModelTool } from '../catalog/types';
import type { Utterance } from './utterances';

/**
 * The default system message: a customer-support assistant that must call the right tool. It holds no URL and
 * nothing about the organisation, so what leaves the machine is only what the catalog already shows.
 */
export const DEFAULT_SYSTEM_PROMPT = 'You are a customer-support assistant. Answer the customer by calling the one tool that fits their request, with the arguments you can take from their message. If no tool fits, answer without calling a tool.';

/** One utterance of one offered action: what the routing test asks the model. */
export interface RouteCase {
  file: string;
  action: string;
  /** The function name the model should call. */
  function: string;
  utterance: Utterance;
}

/** A chat-completions request body, exactly as sent. */
export interface ChatRequest {
  model: string;
  messages: [{ role: 'system'; content: string }, { role: 'user'; content: string }];
  tools: ModelTool[];
  tool_choice: 'auto';
}

/** Every utterance of every action the catalog offers, in the catalog's order. Hidden actions are not tested. */
export function routeCases(catalog: Catalog, utterancesOfFile: (file: string) => Utterance[]): RouteCase[] {
  return catalog.tools.flatMap((tool) => utterancesOfFile(tool.file).map((utterance) => ({ file: tool.file, action: tool.name, function: tool.function, utterance })));
}

/** The request for one utterance: two messages (system, then the utterance), the catalog's tools, tool_choice auto. */
export function chatRequest(model: string, systemPrompt: string, catalog: Catalog, text: string): ChatRequest {
  return { model, messages: [{ role: 'system', content: systemPrompt }, { role: 'user', content: text }], tools: modelTools(catalog.tools), tool_choice: 'auto' };
}
