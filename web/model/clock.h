// The app's one clock: whatever tells the time is injected (the page's clock in the app, a fixed
// moment in tests), and every frame reads it once into a Now that the rest of the app is given.
// Korea's time throughout (UTC+9, no daylight saving).
//
// clang-format off
//   Clock clock = SystemClock();                   // tests: FixedClock(1767225600)
//   const Now now = NowAt(clock());                // once per frame
//   if (catalog.hours[id]->StateAt(now.week) == OpenState::kOpen) ...
//   if (event.end < now.kst) ...                   // a past event
// clang-format on
#pragma once

#include <cstdint>
#include <functional>

#include "core/model.h"
#include "core/opening_hours.h"

namespace bokji::web {

// Seconds since the Unix epoch.
using Clock = std::function<int64_t()>;
Clock SystemClock();
Clock FixedClock(int64_t unix_seconds);

// One moment, as the parts of the app need it.
struct Now {
  int64_t unix_seconds = 0;
  WeekTime week;     // for opening hours
  DateTime kst = 0;  // yyyymmddhhmm, for education events
  int year = 0;      // for ages in the self-check
};
Now NowAt(int64_t unix_seconds);

}  // namespace bokji::web
