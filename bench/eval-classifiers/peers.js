'use strict';
// The npm peers Parley's classifiers are compared with, run in-process on the
// same rows. Each peer covers one task in some languages; it is only run on
// rows of those languages. The packages come from tools/npm/node_modules
// (installed by scripts/setup.sh from tools/npm/package.json) and are used
// with their documented defaults unless a comment says why not.
const fs = require('node:fs');
const path = require('node:path');
const { createRequire } = require('node:module');
const { pathToFileURL } = require('node:url');

// Peers much slower than the rest (fuzzy lexicon search, regex per word)
// run on a fixed subset of at most `rowLimit` rows of each set: the same
// pseudo-random rows on every run (datasets.js subsetOf).
const MULTILANG_SENTIMENT_ROWS = 300; // 2 to 30 texts/s; parley is scored on the same rows too
const GLIN_PROFANITY_ROWS = 2000; // ~140 texts/s on Arabic without word boundaries

// franc answers ISO 639-3; our labels are ISO 639-1.
const FRANC_TO_ISO639_1 = { eng: 'en', ell: 'el', rus: 'ru', pol: 'pl', fin: 'fi', arb: 'ar', ara: 'ar' };

const GLIN_LANGUAGE_NAMES = { en: 'english', ar: 'arabic', ru: 'russian', pl: 'polish', fi: 'finnish' };

/** Polarity from a signed score with a neutral band [-band, band]. */
function polarity(score, band) {
  if (score > band) return 'positive';
  if (score < -band) return 'negative';
  return 'neutral';
}

const PEERS = [
  {
    name: 'sentiment',
    package: 'sentiment',
    task: 'sentiment',
    languages: ['en'],
    covers: 'AFINN-165 word valences + emoji, English; sign of the summed score',
    async load(npm) {
      const analyzer = new (npm.require('sentiment'))();
      return (text) => polarity(analyzer.analyze(text).score, 0);
    },
  },
  {
    name: 'vader-sentiment',
    package: 'vader-sentiment',
    task: 'sentiment',
    languages: ['en'],
    covers: 'VADER rules and lexicon, English; compound >= 0.05 positive, <= -0.05 negative (its authors\' cut-offs)',
    async load(npm) {
      const { SentimentIntensityAnalyzer } = npm.require('vader-sentiment');
      return (text) => {
        const compound = SentimentIntensityAnalyzer.polarity_scores(text).compound;
        if (compound >= 0.05) return 'positive';
        return compound <= -0.05 ? 'negative' : 'neutral';
      };
    },
  },
  {
    name: 'multilang-sentiment',
    package: 'multilang-sentiment',
    task: 'sentiment',
    languages: ['en', 'el', 'ru', 'pl', 'fi', 'ar'],
    rowLimit: MULTILANG_SENTIMENT_ROWS,
    covers: "AFINN-165 machine-translated, fuzzy word lookup; sign of the score, called with the row's language",
    async load(npm) {
      const analyze = npm.require('multilang-sentiment');
      return (text, lang) => polarity(analyze(text, lang).score, 0);
    },
  },
  {
    name: 'obscenity',
    package: 'obscenity',
    task: 'offensive',
    languages: ['en'],
    covers: 'English obscenity patterns with leetspeak/confusable transformers; offensive = hasMatch',
    async load(npm) {
      const { RegExpMatcher, englishDataset, englishRecommendedTransformers } = npm.require('obscenity');
      const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
      return (text) => (matcher.hasMatch(text) ? 1 : 0);
    },
  },
  {
    name: '@2toad/profanity',
    package: '@2toad/profanity',
    task: 'offensive',
    languages: ['en', 'ar', 'ru'], // of its 12 lists, these are ours
    covers: 'profanity word lists (en, ar, ru of ours); offensive = exists, Unicode word boundaries outside English',
    async load(npm) {
      const { Profanity } = npm.require('@2toad/profanity');
      // ASCII word boundaries (the default) never match around Arabic or Cyrillic words.
      const byLanguage = {};
      for (const lang of this.languages) {
        byLanguage[lang] = new Profanity({ languages: [lang], unicodeWordBoundaries: lang !== 'en' });
      }
      return (text, lang) => (byLanguage[lang].exists(text) ? 1 : 0);
    },
  },
  {
    name: 'glin-profanity',
    package: 'glin-profanity',
    task: 'offensive',
    languages: ['en', 'ar', 'ru', 'pl', 'fi'], // of its 23 languages, these are ours (no Greek)
    rowLimit: GLIN_PROFANITY_ROWS,
    covers: 'profanity word lists (en ar ru pl fi of ours); offensive = containsProfanity; substrings for ar/ru',
    async load(npm) {
      const { Filter } = npm.require('glin-profanity');
      // Its word boundaries are the ASCII regex \b, which never matches
      // around Arabic or Cyrillic words, so those lists match as substrings.
      const byLanguage = {};
      for (const lang of this.languages) {
        const latin = lang !== 'ar' && lang !== 'ru';
        byLanguage[lang] = new Filter({ languages: [GLIN_LANGUAGE_NAMES[lang]], wordBoundaries: latin });
      }
      return (text, lang) => (byLanguage[lang].checkProfanity(text).containsProfanity ? 1 : 0);
    },
  },
  {
    name: 'franc',
    package: 'franc',
    task: 'lang',
    languages: ['en', 'el', 'ru', 'pl', 'fi', 'ar'],
    covers: 'trigram language ID, 187 languages (ISO 639-3 mapped to 639-1); minLength 1: it always guesses',
    async load(npm) {
      const { franc } = await npm.importFile('franc/index.js'); // ESM only
      return (text) => {
        const code = franc(text, { minLength: 1 });
        return FRANC_TO_ISO639_1[code] || code;
      };
    },
  },
  {
    name: 'eld',
    package: 'eld',
    task: 'lang',
    languages: ['en', 'el', 'ru', 'pl', 'fi', 'ar'],
    covers: 'n-gram language ID, 60 languages, large database',
    async load(npm) {
      const { eld } = await npm.importFile('eld/src/entries/static.large.js'); // ESM only ('eld/large')
      return (text) => eld.detect(text).language;
    },
  },
  {
    name: 'tinyld',
    package: 'tinyld',
    task: 'lang',
    languages: ['en', 'el', 'ru', 'pl', 'fi', 'ar'],
    covers: 'n-gram language ID, 64 languages (default build)',
    async load(npm) {
      const { detect } = npm.require('tinyld');
      return (text) => detect(text);
    },
  },
];

/** Loads packages from tools/npm/node_modules, CommonJS (require) or ESM (import of a file path). */
function npmLoader(npmDir) {
  const modules = path.join(npmDir, 'node_modules');
  if (!fs.existsSync(modules)) {
    throw new Error(`${modules} not found: run scripts/setup.sh (it installs tools/npm), or pass --no-peers`);
  }
  return {
    require: createRequire(path.join(npmDir, 'package.json')),
    importFile: (relative) => import(pathToFileURL(path.join(modules, relative)).href),
    version: (name) => JSON.parse(fs.readFileSync(path.join(modules, name, 'package.json'), 'utf8')).version,
  };
}

module.exports = { PEERS, npmLoader, polarity, FRANC_TO_ISO639_1 };
