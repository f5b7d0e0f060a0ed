'use strict';
// Runs `parley classify CONFIG --input -` on a set's texts and collects one
// output per input line. The output is parsed line by line as it arrives
// (never held as one big string), so large sets are bounded by parley, not
// by the harness.
const { spawn } = require('node:child_process');
const readline = require('node:readline');

class ClassifyError extends Error {}

/**
 * @param {object} run {parley, config, workers}
 * @param {object[]} rows data set rows ({id, text, ...})
 * @returns {Promise<{outputs: object[], seconds: number, lineErrors: object[]}>}
 *   outputs[i] is {labels, attributes} for rows[i] ({} for a line parley could not label).
 */
function classify(run, rows) {
  const args = ['classify', run.config, '--input', '-'];
  if (run.workers !== undefined) args.push('--workers', String(run.workers));
  const command = `${run.parley} ${args.join(' ')}`;
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(run.parley, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const outputs = [];
    const lineErrors = [];
    let stderr = '';
    let badLine = null;
    child.stderr.on('data', (chunk) => {
      if (stderr.length < 64 * 1024) stderr += chunk;
    });
    child.on('error', (error) => reject(new ClassifyError(`cannot run ${command}: ${error.message}`)));
    readline.createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', (line) => {
      let output;
      try {
        output = JSON.parse(line);
      } catch {
        badLine = badLine || line;
        return;
      }
      if (output.error !== undefined) {
        lineErrors.push(output);
        outputs.push({});
      } else {
        outputs.push({ id: output.id, labels: output.labels, attributes: output.attributes });
      }
    });
    child.on('close', (code, signal) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const fail = (why) =>
        reject(new ClassifyError(`${command} ${why}\n--- its stderr ---\n${stderr.trim() || '(empty)'}`));
      if (signal) return fail(`was killed by ${signal}`);
      // Exit 1 with error lines: some rows could not be labelled; those are reported, not fatal.
      if (code !== 0 && !(code === 1 && lineErrors.length > 0)) return fail(`exited with status ${code}`);
      if (badLine !== null) return fail(`printed a line that is not JSON: ${badLine.slice(0, 200)}`);
      if (outputs.length !== rows.length) {
        return fail(`printed ${outputs.length} lines for ${rows.length} input lines`);
      }
      const misplaced = outputs.findIndex((output, i) => output.id !== undefined && output.id !== String(rows[i].id));
      if (misplaced >= 0) {
        return fail(`answered id ${outputs[misplaced].id} on line ${misplaced + 1}, whose id is ${rows[misplaced].id}`);
      }
      resolve({ outputs, seconds, lineErrors });
    });
    // Keep our own fields only: what a connector would hand to parley.
    child.stdin.on('error', () => {}); // parley may exit early on a bad config; 'close' reports it
    const input = rows.map((row) => JSON.stringify({ id: String(row.id), text: row.text })).join('\n');
    child.stdin.end(rows.length > 0 ? `${input}\n` : '');
  });
}

/** Start-up cost (loading the pipeline and its plugins): the faster of two runs on an empty input. */
async function startupSeconds(run) {
  const first = await classify(run, []);
  const second = await classify(run, []);
  return Math.min(first.seconds, second.seconds);
}

module.exports = { classify, startupSeconds, ClassifyError };
