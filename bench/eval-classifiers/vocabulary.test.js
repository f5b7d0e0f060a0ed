'use strict';
// Self-test of word-audit's vocabulary. Run: node --test bench/eval-classifiers/
const test = require('node:test');
const assert = require('node:assert/strict');
const { vocabulary, wordsOf } = require('./vocabulary.js');

test('words: three letters or more, lower-cased, in any script, accents kept', () => {
  assert.deepEqual(wordsOf('Ура! Säästä 20 % on a γάμος, ok'), ['ура', 'säästä', 'γάμος']);
  assert.deepEqual(wordsOf('هدية للوطن'), ['هدية', 'للوطن']);
});

test('vocabulary: per language, once per row, abusive rows left out, rare words dropped', () => {
  const rows = [
    { lang: 'ru', text: 'ура ура заказ', labels: {} },
    { lang: 'ru', text: 'ура', labels: { sentiment: 'positive' } },
    { lang: 'ru', text: 'ура дурак', labels: { offensive: 1 } },
    { lang: 'el', text: 'γάμος', labels: { offensive: 0 } },
  ];
  const counts = vocabulary(rows, 2);
  assert.deepEqual([...counts.get('ru')], [['ура', 2]]);
  assert.deepEqual([...counts.get('el')], []);
  assert.deepEqual([...vocabulary(rows, 1).get('el')], [['γάμος', 1]]);
});
