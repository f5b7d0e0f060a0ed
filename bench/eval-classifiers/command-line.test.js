'use strict';
// Self-test of the shared command-line reading. Run: node --test bench/eval-classifiers/
const test = require('node:test');
const assert = require('node:assert/strict');
const { UsageError, readFlags, wholeNumber, decimalNumber, pattern } = require('./command-line.js');

function read(argv) {
  const seen = [];
  readFlags(argv, {
    withValue: { '--data': (value) => seen.push(['data', value]), '--limit': (value, flag) => seen.push([flag, value]) },
    switches: { '--no-peers': () => seen.push(['no-peers']), '-h': () => seen.push(['help']) },
  });
  return seen;
}

test('flags take the next word or what follows "=", switches take nothing', () => {
  assert.deepEqual(read(['--data', 'dir', '--limit=5', '--no-peers', '-h']), [
    ['data', 'dir'],
    ['--limit', '5'],
    ['no-peers'],
    ['help'],
  ]);
  assert.deepEqual(read(['--data=a=b']), [['data', 'a=b']]);
});

test('an unknown flag, a missing value or a valued switch is a usage error', () => {
  assert.throws(() => read(['--nope']), (error) => error instanceof UsageError && /unknown option '--nope'/.test(error.message));
  assert.throws(() => read(['--data']), /--data needs a value/);
  assert.throws(() => read(['--no-peers=yes']), /unknown option '--no-peers=yes'/);
});

test('numbers and patterns are checked and name their flag', () => {
  assert.equal(wholeNumber('--limit', '300'), 300);
  assert.throws(() => wholeNumber('--limit', '3.5'), /--limit takes a whole number, not '3.5'/);
  assert.equal(decimalNumber('--min-score', '0.45'), 0.45);
  assert.throws(() => decimalNumber('--min-score', '-1'), UsageError);
  assert.ok(pattern('--sets', 'ar|el').test('offensive-el'));
  assert.throws(() => pattern('--sets', '('), /--sets: /);
});
