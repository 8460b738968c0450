#include "web/model/clock.h"

#include <ctime>

namespace bokji::web {

Clock SystemClock() {
  return [] { return static_cast<int64_t>(std::time(nullptr)); };
}

Clock FixedClock(int64_t unix_seconds) {
  return [unix_seconds] { return unix_seconds; };
}

Now NowAt(int64_t unix_seconds) {
  Now now;
  now.unix_seconds = unix_seconds;
  now.week = KstWeekTime(unix_seconds);
  const std::time_t kst = static_cast<std::time_t>(unix_seconds + 9 * 3600);
  std::tm parts{};
  gmtime_r(&kst, &parts);
  now.year = parts.tm_year + 1900;
  now.kst = static_cast<DateTime>(now.year) * 100000000 +
            static_cast<DateTime>(parts.tm_mon + 1) * 1000000 +
            static_cast<DateTime>(parts.tm_mday) * 10000 + parts.tm_hour * 100 + parts.tm_min;
  return now;
}

}  // namespace bokji::web
