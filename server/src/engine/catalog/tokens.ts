import { countAiTokens } from '../execute/tokens';
import { modelTools } from './catalog';
import type { CatalogTokens, CatalogTool } from './types';

/**
 * Tokens of the tool list as the model receives it: the compact JSON of the `tools` array (o200k, the tokenizer
 * the run view uses), and each tool's own compact JSON, most expensive first (the biggest contributors). The
 * per-tool counts do not add up exactly to the total: the array's brackets and commas belong to no tool.
 */
export async function catalogTokens(tools: readonly CatalogTool[]): Promise<CatalogTokens> {
  const sent = modelTools(tools);
  const total = await countAiTokens(JSON.stringify(sent));
  const contributors = await Promise.all(sent.map(async (tool, i) => ({ file: tools[i].file, function: tool.function.name, tokens: (await countAiTokens(JSON.stringify(tool))).tokens })));
  contributors.sort((a, b) => b.tokens - a.tokens || a.function.localeCompare(b.function));
  return { tokens: total.tokens, contributors };
}
