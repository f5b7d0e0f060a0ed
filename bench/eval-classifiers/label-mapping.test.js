'use strict';
// The mapping from data set labels and `parley classify` output to
// predictions, and the fixed subsets. Run: node --test bench/eval-classifiers/*.test.js
const test = require('node:test');
const assert = require('node:assert/strict');
const { goldValue, tasksOfRows, thresholds, parleyPrediction, sentimentOf } = require('./label-mapping.js');
const { subsetOf } = require('./datasets.js');

test('sentiment is the argmax, neutral when nothing is set or on a tie', () => {
  assert.equal(sentimentOf({ 'sentiment.negative': 0.7, 'sentiment.positive': 0.2 }), 'negative');
  assert.equal(sentimentOf({ 'sentiment.positive': 0.1 }), 'positive');
  assert.equal(sentimentOf({}), 'neutral');
  assert.equal(sentimentOf({ 'sentiment.negative': 0.5, 'sentiment.positive': 0.5 }), 'neutral');
  assert.equal(sentimentOf({ 'sentiment.neutral': 0.9, 'sentiment.positive': 0.4 }), 'neutral');
});

test('scored labels are cut at 0.5 unless --threshold overrides them by task or label name', () => {
  const output = { labels: { 'toxicity.offensive': 0.5, 'intent.complaint': 0.49 }, attributes: {} };
  const defaults = thresholds({});
  assert.equal(parleyPrediction('offensive', output, defaults), 1);
  assert.equal(parleyPrediction('complaint', output, defaults), 0);
  assert.equal(parleyPrediction('spam', output, defaults), 0); // not set counts as 0
  const raised = thresholds({ offensive: 0.6, 'intent.complaint': 0.4 });
  assert.equal(parleyPrediction('offensive', output, raised), 0);
  assert.equal(parleyPrediction('complaint', output, raised), 1);
});

test('attributes: lang as given, theme "other" when a complaint has none', () => {
  const output = { labels: { anger: 0.25 }, attributes: { lang: 'fi' } };
  assert.equal(parleyPrediction('lang', output, {}), 'fi');
  assert.equal(parleyPrediction('theme', output, {}), 'other');
  assert.equal(parleyPrediction('anger-intensity', output, {}), 0.25);
  assert.equal(parleyPrediction('lang', {}, {}), ''); // a line parley could not label
});

test('airline themes: mapped on complaint rows only, "Can\'t Tell" not scored', () => {
  const row = (complaint, theme) => ({ labels: { complaint, theme } });
  assert.equal(goldValue('theme', row(1, 'Late Flight')), 'late_delivery');
  assert.equal(goldValue('theme', row(1, 'Flight Attendant Complaints')), 'rude_staff');
  assert.equal(goldValue('theme', row(1, "Can't Tell")), undefined);
  assert.equal(goldValue('theme', row(0, 'Late Flight')), undefined);
  assert.equal(goldValue('theme', { labels: { complaint: 1 } }), undefined);
  assert.equal(goldValue('theme', row(1, 'refund_delay')), 'refund_delay'); // our own names pass
  assert.equal(goldValue('theme', row(1, 'Refund')), 'unmapped:Refund');
});

test('the intent labels beyond complaint and spam are binary tasks of their own', () => {
  const output = { labels: { 'intent.question': 0.8, 'intent.praise': 0.2, 'intent.offtopic': 0.5 }, attributes: {} };
  const defaults = thresholds({});
  assert.equal(parleyPrediction('question', output, defaults), 1);
  assert.equal(parleyPrediction('praise', output, defaults), 0);
  assert.equal(parleyPrediction('offtopic', output, defaults), 1);
  assert.equal(parleyPrediction('compensation', output, defaults), 0);
  assert.deepEqual(tasksOfRows([{ labels: { complaint: 0, question: 1, praise: 0, compensation: 0, offtopic: 0 } }]), [
    'complaint',
    'question',
    'praise',
    'compensation',
    'offtopic',
  ]);
});

test('tasks come from the label keys; anger 0/1 is binary, fractions are intensity', () => {
  assert.deepEqual(tasksOfRows([{ labels: { offensive: 1, hate: 0 } }, { labels: { offensive: 0, domain: 'x' } }]), [
    'offensive',
    'hate',
  ]);
  assert.deepEqual(tasksOfRows([{ labels: { anger: 1 } }, { labels: { anger: 0 } }]), ['anger']);
  assert.deepEqual(tasksOfRows([{ labels: { anger: 1 } }, { labels: { anger: 0.43 } }]), ['anger-intensity']);
  assert.deepEqual(tasksOfRows([{ labels: { sentiment: 'neutral', complaint: 1, theme: 'Late Flight' } }]), [
    'complaint',
    'sentiment',
    'theme',
  ]);
});

test('subsets are fixed, in file order, and keep an interleaved label mix', () => {
  // Labels repeat with period 3: "every k-th row" with k a multiple of 3 would pick one label only.
  const rows = Array.from({ length: 3000 }, (_, i) => ({ id: `train:${i}`, label: i % 3 }));
  const subset = subsetOf(rows, 300);
  assert.equal(subset.length, 300);
  assert.deepEqual(subsetOf(rows, 300), subset);
  assert.ok(subset.every((row, i) => i === 0 || Number(row.id.slice(6)) > Number(subset[i - 1].id.slice(6))));
  for (const label of [0, 1, 2]) {
    const share = subset.filter((row) => row.label === label).length / 300;
    assert.ok(share > 0.25 && share < 0.42, `label ${label}: ${share}`);
  }
  assert.equal(subsetOf(rows, 0), rows);
  assert.equal(subsetOf(rows, 5000), rows);
});

test('a task is answered only by output that carries its label or attribute', () => {
  const { answersTask } = require('./label-mapping.js');
  assert.equal(answersTask('offensive', { labels: { 'toxicity.offensive': 0 } }), true);
  assert.equal(answersTask('offensive', { labels: { 'lang.en': 1 } }), false);
  assert.equal(answersTask('sentiment', { labels: { 'sentiment.neutral': 1 } }), true);
  assert.equal(answersTask('lang', { labels: {}, attributes: { lang: 'fi' } }), true);
  assert.equal(answersTask('theme', { labels: {}, attributes: {} }), false);
});
