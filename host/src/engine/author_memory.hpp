// Author memory: what the engine keeps about an author between events
// (complaint times, customer tier) and the AuthorHistory classifiers see.
#pragma once

#include <cstdint>
#include <parley/author_history.hpp>
#include <parley/event.hpp>
#include <parley/labels.hpp>

#include "store/store.hpp"

namespace parley::host {

/// An event counts as a complaint when a classifier gave it at least this.
inline constexpr double kComplaintThreshold = 0.5;
inline constexpr std::int64_t kComplaintWindowMs = std::int64_t{30} * 24 * 3600 * 1000;

/// The event's time: created_at, or `now_ms` when the platform gave none.
std::int64_t event_time(const Event& event, std::int64_t now_ms);

/// What classifiers see about the author of an event at `at_ms`.
AuthorHistory author_history(const AuthorState& author, std::int64_t at_ms);

/// Takes a `customer_tier` from the event's metadata (a connector or CRM sets it).
void remember_customer_tier(AuthorState& author, const Event& event);

/// Records the event as a complaint if the labels say so; keeps the times of
/// the last 60 days (at most 100).
void remember_complaint(AuthorState& author, const Labels& labels, std::int64_t at_ms);

}  // namespace parley::host
