/**
 * The NLP bundle (dist/language-data/nlp.js): wink-nlp with its English light model, built apart from the server so
 * that its ~1 MB of model data is only read on the first comparison of two actions (see load.ts).
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** Sentences, lemmas, parts of speech and negation: the only pipes the analyser reads. */
export const nlp = winkNLP(model, ['sbd', 'pos', 'negation']);
export const its = nlp.its;
