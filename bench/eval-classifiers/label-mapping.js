'use strict';
// How the data sets' labels are compared with what `parley classify` prints.
// This is the one place that decides it; docs/quality.md repeats the tables.
//
// task             gold (set label)            parley prediction
// ---------------  --------------------------  ------------------------------------------------
// offensive        labels.offensive 0/1        toxicity.offensive >= threshold (0.5)
// hate             labels.hate 0/1             toxicity.hate >= threshold (0.5)
// complaint        labels.complaint 0/1        intent.complaint >= threshold (0.5)
// spam             labels.spam 0/1             intent.spam >= threshold (0.5)
// anger            labels.anger 0/1            anger >= threshold (0.5)
// anger-intensity  labels.anger 0..1           the anger score itself (Pearson r)
// sentiment        labels.sentiment            argmax of sentiment.negative|neutral|positive
//                                                (neutral when none is set or on a tie)
// lang             labels.lang                 attribute lang
// theme            labels.theme, mapped by     attribute theme ("other" when not set);
//                  AIRLINE_THEMES, on rows     only rows with complaint 1 and a mapped reason
//                  with complaint 1
// A label the classifiers did not set counts as 0.

const SENTIMENT_CLASSES = ['negative', 'neutral', 'positive'];
const LANGUAGES = ['en', 'el', 'ru', 'pl', 'fi', 'ar'];

const TASKS = {
  offensive: { kind: 'binary', label: 'toxicity.offensive', threshold: 0.5 },
  hate: { kind: 'binary', label: 'toxicity.hate', threshold: 0.5 },
  complaint: { kind: 'binary', label: 'intent.complaint', threshold: 0.5 },
  spam: { kind: 'binary', label: 'intent.spam', threshold: 0.5 },
  question: { kind: 'binary', label: 'intent.question', threshold: 0.5 },
  praise: { kind: 'binary', label: 'intent.praise', threshold: 0.5 },
  compensation: { kind: 'binary', label: 'intent.compensation', threshold: 0.5 },
  offtopic: { kind: 'binary', label: 'intent.offtopic', threshold: 0.5 },
  anger: { kind: 'binary', label: 'anger', threshold: 0.5 },
  'anger-intensity': { kind: 'intensity', label: 'anger' },
  sentiment: { kind: 'classes', classes: SENTIMENT_CLASSES },
  lang: { kind: 'classes', attribute: 'lang', classes: LANGUAGES },
  theme: { kind: 'classes', attribute: 'theme' }, // classes: the mapped themes present in the set
};

// Airline complaint reasons (Twitter US Airline Sentiment, `negativereason`)
// -> our complaint themes. null: not scored (no gold theme). Loose matches are
// marked; a theme that has no counterpart there becomes `other`.
const AIRLINE_THEMES = {
  'Late Flight': 'late_delivery',
  'Lost Luggage': 'lost_luggage',
  'Damaged Luggage': 'lost_luggage', // loose: luggage mishandled, our closest theme
  'Flight Attendant Complaints': 'rude_staff',
  'Customer Service Issue': 'rude_staff', // loose: how staff and agents treated the customer
  'Bad Flight': 'quality',
  'Cancelled Flight': 'other', // no cancellation theme
  'Flight Booking Problems': 'other', // mixes website, fees and overbooking
  longlines: 'other',
  "Can't Tell": null,
};

// Our own theme names (the intent plugin's defaults): sets written for Parley
// (bench/brand-comments) use them as they are.
const PARLEY_THEMES = new Set([
  'late_delivery', 'wrong_order', 'billing_error', 'app_crash', 'lost_luggage',
  'rude_staff', 'refund_delay', 'account_locked', 'quality', 'price', 'other',
]);

/** The gold value of `task` for a data set row, or undefined when the row does not take part. */
function goldValue(task, row) {
  const labels = row.labels || {};
  switch (task) {
    case 'anger':
    case 'anger-intensity':
      return labels.anger;
    case 'theme': {
      if (labels.complaint !== 1 || labels.theme === undefined) return undefined;
      if (PARLEY_THEMES.has(labels.theme)) return labels.theme;
      const theme = AIRLINE_THEMES[labels.theme];
      return theme === null ? undefined : (theme ?? `unmapped:${labels.theme}`);
    }
    default:
      return labels[task];
  }
}

/** The tasks a set's rows carry (label keys we know how to score). */
function tasksOfRows(rows) {
  const tasks = new Set();
  for (const row of rows) {
    for (const [key, value] of Object.entries(row.labels || {})) {
      if (key === 'anger') tasks.add(value === 0 || value === 1 ? 'anger' : 'anger-intensity');
      else if (key in TASKS) tasks.add(key);
    }
  }
  // A set with both kinds of anger values is an intensity set whose ends happen to be 0 or 1.
  if (tasks.has('anger-intensity')) tasks.delete('anger');
  return [...tasks].sort((a, b) => Object.keys(TASKS).indexOf(a) - Object.keys(TASKS).indexOf(b));
}

/** Scored-label threshold per task, with `--threshold` overrides (by task or by label name). */
function thresholds(overrides) {
  const result = {};
  for (const [task, spec] of Object.entries(TASKS)) {
    if (spec.kind !== 'binary') continue;
    result[task] = spec.threshold;
    for (const key of [task, spec.label]) if (key in overrides) result[task] = overrides[key];
  }
  return result;
}

function thresholdNames() {
  return Object.entries(TASKS).flatMap(([task, spec]) => (spec.kind === 'binary' ? [task, spec.label] : []));
}

function sentimentOf(labels) {
  const scores = SENTIMENT_CLASSES.map((name) => labels[`sentiment.${name}`] ?? 0);
  const best = Math.max(...scores);
  if (best <= 0) return 'neutral';
  const winners = SENTIMENT_CLASSES.filter((_, i) => scores[i] === best);
  return winners.length === 1 ? winners[0] : 'neutral';
}

/** Whether one `parley classify` output line carries anything `task` is read from. */
function answersTask(task, output) {
  const labels = output.labels || {};
  const attributes = output.attributes || {};
  const spec = TASKS[task];
  if (task === 'sentiment') return SENTIMENT_CLASSES.some((name) => `sentiment.${name}` in labels);
  if (spec.attribute) return spec.attribute in attributes;
  return spec.label in labels;
}

/** The prediction of `task` from one `parley classify` output line ({labels, attributes}). */
function parleyPrediction(task, output, taskThresholds) {
  const labels = output.labels || {};
  const attributes = output.attributes || {};
  const spec = TASKS[task];
  if (task === 'sentiment') return sentimentOf(labels);
  if (task === 'theme') return attributes.theme || 'other';
  if (spec.attribute) return attributes[spec.attribute] || '';
  if (spec.kind === 'intensity') return labels[spec.label] ?? 0;
  return (labels[spec.label] ?? 0) >= taskThresholds[task] ? 1 : 0;
}

module.exports = {
  TASKS,
  LANGUAGES,
  SENTIMENT_CLASSES,
  AIRLINE_THEMES,
  goldValue,
  tasksOfRows,
  thresholds,
  thresholdNames,
  parleyPrediction,
  answersTask,
  sentimentOf,
};
