/**
 * Loads the language data (dist/language-data/: the NLP bundle and the compiled WordNet) once, lazily: on the first
 * comparison of two actions, not when the server starts, so that a workspace with one action never pays for it.
 *
 * The folder is found from this bundle's own place (dist/server.js and dist/cli.js sit beside it; test and bench
 * bundles under out/ find the repository's dist/), or from OPENCX_LANGUAGE_DATA.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { CompiledWordNet } from './wordnet';
import { WordNet } from './wordnet';

/** The parts of wink-nlp the analyser uses (typed here so the engine does not import the bundle). */
export interface NlpToken {
  value: string;
  lemma: string;
  pos: string;
  negated: boolean;
  stop: boolean;
}

export interface Language {
  wordnet: WordNet;
  /** The sentences of a text, each as tokens (lower-cased value and lemma, universal part of speech). */
  sentences(text: string): NlpToken[][];
}

const FOLDER = 'language-data';
let loaded: Language | undefined;

/** Where the language data is: OPENCX_LANGUAGE_DATA, else beside this bundle or in a dist/ above it. */
export function languageDataFolder(start = __dirname): string {
  const override = process.env.OPENCX_LANGUAGE_DATA;
  if (override) return override;
  for (let dir = start; ; dir = path.dirname(dir)) {
    for (const candidate of [path.join(dir, FOLDER), path.join(dir, 'dist', FOLDER)]) {
      if (fs.existsSync(path.join(candidate, 'wordnet.json'))) return candidate;
    }
    if (path.dirname(dir) === dir) break;
  }
  throw new Error(`the language data (${FOLDER}/wordnet.json) is missing: run "npm run build"`);
}

interface NlpBundle {
  nlp: {
    readDoc(text: string): {
      sentences(): { each(fn: (sentence: { tokens(): { each(fn: (token: { out(f: unknown): unknown }) => void): void } }) => void): void };
    };
  };
  its: Record<'value' | 'lemma' | 'pos' | 'negationFlag' | 'stopWordFlag' | 'type', unknown>;
}

/** The language data, loaded on first use. */
export function language(): Language {
  if (loaded) return loaded;
  const folder = languageDataFolder();
  // A path chosen at run time: the bundler must not inline it (that is the point of loading it lazily).
  const nodeRequire = createRequire(__filename);
  const bundle = nodeRequire(path.join(folder, 'nlp.js')) as NlpBundle;
  const wordnet = new WordNet(JSON.parse(fs.readFileSync(path.join(folder, 'wordnet.json'), 'utf8')) as CompiledWordNet);
  const { nlp, its } = bundle;
  loaded = {
    wordnet,
    sentences(text) {
      const out: NlpToken[][] = [];
      nlp.readDoc(text).sentences().each((sentence) => {
        const tokens: NlpToken[] = [];
        sentence.tokens().each((t) => {
          if (t.out(its.type) !== 'word') return;
          tokens.push({
            value: String(t.out(its.value)).toLowerCase(),
            lemma: String(t.out(its.lemma)).toLowerCase(),
            pos: String(t.out(its.pos)),
            negated: Boolean(t.out(its.negationFlag)),
            stop: Boolean(t.out(its.stopWordFlag)),
          });
        });
        out.push(tokens);
      });
      return out;
    },
  };
  return loaded;
}
