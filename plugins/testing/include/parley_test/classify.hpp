// One-call classification for plugin tests: an event with the ids every test
// needs, and the labels a classifier gives a text.
#pragma once

#include <string>
#include <utility>

#include <parley/event.hpp>
#include <parley/labels.hpp>
#include <parley/plugin.hpp>

namespace parley::test {

/// A comment with `text` (and `lang` as the platform's own language field).
inline Event event_with(std::string text, std::string lang = "") {
  Event event;
  event.id = "ev-test";
  event.account = "nordic-coffee";
  event.author.id = "u-test";
  event.text = std::move(text);
  event.lang = std::move(lang);
  return event;
}

/// The labels `classifier` gives `text`, on top of `earlier` labels (what
/// the classifiers before it in a pipeline would have set).
inline Labels classify(Classifier& classifier, std::string text, Labels earlier = {}) {
  classifier.classify(event_with(std::move(text)), earlier);
  return earlier;
}

}  // namespace parley::test
