'use strict';
// word-audit end to end: the real parley binary (PARLEY_BINARY, set by ctest)
// classifies the words of a small set. Run: PARLEY_BINARY=build/bin/parley node --test ...
const test = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const binary = process.env.PARLEY_BINARY;
const repo = path.resolve(__dirname, '..', '..');

test('flags a swear word of the clean rows, not everyday words nor the abusive rows', { skip: !binary }, () => {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'word-audit-'));
  const rows = [];
  for (let i = 0; i < 3; ++i) {
    rows.push({ id: `c${i}`, lang: 'en', text: 'the shrimp pasta was lovely, idiot', labels: {} });
    rows.push({ id: `o${i}`, lang: 'en', text: 'what a moron', labels: { offensive: 1 } });
  }
  fs.writeFileSync(path.join(data, 'tiny.jsonl'), rows.map((row) => JSON.stringify(row)).join('\n') + '\n');
  const out = execFileSync(
    path.join(__dirname, 'word-audit'),
    ['--data', data, '--parley', binary, '--config', path.join(repo, 'configs', 'classifiers.yaml')],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  fs.rmSync(data, { recursive: true });
  assert.match(out, /\| en \| idiot \| 3 \| 0\.\d\d \|/);
  assert.doesNotMatch(out, /shrimp|pasta|lovely/); // everyday words, and "shrimping" is not their stem
  assert.doesNotMatch(out, /moron/); // only in rows labelled offensive
});
