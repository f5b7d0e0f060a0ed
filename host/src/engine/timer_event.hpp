// Timer events: what a durable follow_up timer keeps of the event it was set
// for, and the `timer` event the responders get when it is due
// (docs/plugin-authoring.md, "Timers").
#pragma once

#include <parley/event.hpp>
#include <parley/labels.hpp>
#include <string>

#include "store/store.hpp"

namespace parley::host {

/// The fields of `event` a timer event copies (platform, account, author,
/// thread, url, visibility, its id as parent, and lang: the classified `lang`
/// attribute, else the event's own), as JSON for Timer::event_json.
std::string timer_event_json(const Event& event, const Labels& labels);

/// The `timer` event for `timer`, with its metadata; the thread counts are
/// set by set_thread_counts once the event's thread is known.
Event make_timer_event(const Timer& timer);

/// thread.replies_since and thread.brand_replies_since in the event's metadata.
void set_thread_counts(Event& event, const ThreadCounts& counts);

}  // namespace parley::host
