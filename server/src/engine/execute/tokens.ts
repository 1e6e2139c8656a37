/**
 * Tokens of the AI's text with the o200k_base encoding (GPT-4o and later), from gpt-tokenizer.
 *
 * Tokenizing runs at roughly 25 MB/s, so up to EXACT_TOKEN_LIMIT characters (about 40 ms) the count is exact.
 * Above, it is estimated: SAMPLE_COUNT evenly spaced slices of SAMPLE_CHARS characters are counted exactly and the
 * tokens-per-character rate is applied to the whole text (a 50 MB body then costs about 25 ms, not 2 s).
 * The tokenizer is loaded on first use (its tables take about 300 ms), not when the engine is loaded.
 */

export const EXACT_TOKEN_LIMIT = 1_000_000;
const SAMPLE_COUNT = 8;
const SAMPLE_CHARS = 32_768;

export interface TokenCount {
  tokens: number;
  estimated: boolean;
}

export async function countAiTokens(text: string): Promise<TokenCount> {
  if (!text) return { tokens: 0, estimated: false };
  const { countTokens } = await import('gpt-tokenizer/encoding/o200k_base');
  if (text.length <= EXACT_TOKEN_LIMIT) return { tokens: countTokens(text), estimated: false };
  const stride = Math.floor((text.length - SAMPLE_CHARS) / (SAMPLE_COUNT - 1));
  let sampledTokens = 0;
  for (let i = 0; i < SAMPLE_COUNT; i++) sampledTokens += countTokens(text.slice(i * stride, i * stride + SAMPLE_CHARS));
  return { tokens: Math.round((sampledTokens / (SAMPLE_COUNT * SAMPLE_CHARS)) * text.length), estimated: true };
}
