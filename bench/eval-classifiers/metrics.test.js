'use strict';
// Self-test of the metric code on small examples computed by hand (see the
// comments). Run: node --test bench/eval-classifiers/
const test = require('node:test');
const assert = require('node:assert/strict');
const { accuracy, binaryScores, multiClassScores, pearson } = require('./metrics.js');

const close = (actual, expected) => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} is not ${expected}`);

test('binary: precision, recall, F1 of the positive class and accuracy', () => {
  // tp = rows 0, 2, 7; fp = rows 3, 6; fn = row 1; tn = rows 4, 5.
  const scores = binaryScores([1, 1, 1, 0, 0, 0, 0, 1], [1, 0, 1, 1, 0, 0, 1, 1]);
  close(scores.precision, 3 / 5);
  close(scores.recall, 3 / 4);
  close(scores.f1, 2 / 3); // 2 * 0.6 * 0.75 / 1.35
  close(scores.accuracy, 5 / 8);
  assert.equal(scores.n, 8);
});

test('binary: booleans and 0/1 are the same thing', () => {
  assert.deepEqual(binaryScores([1, 0, 1], [true, false, false]), binaryScores([1, 0, 1], [1, 0, 0]));
});

test('binary: a system that never says positive scores 0, not NaN', () => {
  const scores = binaryScores([1, 0, 1, 0], [0, 0, 0, 0]);
  assert.equal(scores.precision, 0);
  assert.equal(scores.recall, 0);
  assert.equal(scores.f1, 0);
  close(scores.accuracy, 0.5);
});

test('multi-class: macro P/R/F1 are means over the classes', () => {
  const gold = ['neg', 'neg', 'neu', 'neu', 'pos', 'pos'];
  const predicted = ['neg', 'neu', 'neu', 'neu', 'pos', 'neg'];
  const scores = multiClassScores(gold, predicted, ['neg', 'neu', 'pos']);
  // neg: P 1/2 R 1/2 F1 1/2; neu: P 2/3 R 1 F1 4/5; pos: P 1 R 1/2 F1 2/3.
  close(scores.perClass.neu.f1, 0.8);
  close(scores.precision, (1 / 2 + 2 / 3 + 1) / 3);
  close(scores.recall, (1 / 2 + 1 + 1 / 2) / 3);
  close(scores.f1, (1 / 2 + 4 / 5 + 2 / 3) / 3); // not the F1 of macro P and macro R (0.6923)
  close(scores.accuracy, 4 / 6);
});

test('multi-class: a prediction outside the classes is an error', () => {
  const scores = multiClassScores(['en', 'fi', 'fi'], ['en', 'et', 'fi'], ['en', 'fi']);
  close(scores.accuracy, 2 / 3);
  close(scores.perClass.fi.recall, 1 / 2);
  close(scores.perClass.fi.precision, 1);
  close(scores.perClass.en.f1, 1);
});

test('accuracy of an empty set is 0 and lengths must match', () => {
  assert.equal(accuracy([], []), 0);
  assert.throws(() => accuracy([1], []), /1 gold values but 0 predictions/);
});

test('Pearson r', () => {
  // means 2.5 and 5; covariance sum 11; variance sums 5 and 26 -> 11 / sqrt(130).
  close(pearson([1, 2, 3, 4], [2, 4, 5, 9]), 11 / Math.sqrt(130));
  close(pearson([1, 2, 3], [30, 20, 10]), -1);
  assert.equal(pearson([1, 2, 3], [0, 0, 0]), null); // a system that always says 0
  assert.equal(pearson([1], [1]), null);
});
