// Opening hours: a small hand-written reader over the text, token by token. See opening_hours.h
// for what it understands and why it gives up rather than guess.
//
// Index
//   - Week time
//   - Tokens: spaces, words, numbers
//   - Days, times, one segment
//   - The whole text
#include "core/opening_hours.h"

#include <initializer_list>

namespace bokji {

// ---------------------------------------------------------------------------------------------------------
// Week time
// ---------------------------------------------------------------------------------------------------------

WeekTime KstWeekTime(int64_t unix_seconds) {
  constexpr int64_t kDay = 86400;
  const int64_t kst = unix_seconds + 9 * 3600;
  int64_t days = kst / kDay, seconds = kst % kDay;
  if (seconds < 0) {
    seconds += kDay;
    --days;
  }
  // 1970-01-01 was a Thursday (day 3 counting from Monday).
  const int64_t weekday = ((days + 3) % 7 + 7) % 7;
  return WeekTime{static_cast<int>(weekday), static_cast<int>(seconds / 60)};
}

OpenState WeeklyHours::StateAt(WeekTime t) const {
  for (const OpenInterval& i : open[t.day])
    if (t.minute >= i.open_minute && t.minute < i.close_minute) return OpenState::kOpen;
  const int day_before = (t.day + 6) % 7;
  for (const OpenInterval& i : open[day_before])
    if (t.minute + 1440 < i.close_minute) return OpenState::kOpen;
  return stated[t.day] ? OpenState::kClosed : OpenState::kUnknown;
}

namespace {

// ---------------------------------------------------------------------------------------------------------
// Tokens: spaces, words, numbers
// ---------------------------------------------------------------------------------------------------------

using DaySet = uint8_t;  // bit d = day d (0 = Monday)
constexpr DaySet kWeekdays = 0x1F, kWeekend = 0x60, kEveryDay = 0x7F;

// The text still to read. Every Eat* consumes only on success.
struct Cursor {
  std::string_view rest;

  void SkipSpaces() {
    while (!rest.empty()) {
      if (rest[0] == ' ' || rest[0] == '\t' || rest[0] == '(' || rest[0] == ')' || rest[0] == '[' ||
          rest[0] == ']') {
        rest.remove_prefix(1);
      } else if (rest.substr(0, 2) == "\xC2\xA0") {  // no-break space
        rest.remove_prefix(2);
      } else {
        break;
      }
    }
  }
  bool Eat(std::string_view word) {
    SkipSpaces();
    if (rest.substr(0, word.size()) != word) return false;
    rest.remove_prefix(word.size());
    return true;
  }
  bool EatAny(std::initializer_list<std::string_view> words) {
    for (std::string_view w : words)
      if (Eat(w)) return true;
    return false;
  }
  // 1 or 2 digits.
  bool EatNumber(int* value) {
    SkipSpaces();
    size_t n = 0;
    int v = 0;
    while (n < rest.size() && n < 2 && rest[n] >= '0' && rest[n] <= '9')
      v = v * 10 + (rest[n++] - '0');
    if (n == 0 || (n < rest.size() && rest[n] >= '0' && rest[n] <= '9')) return false;
    rest.remove_prefix(n);
    *value = v;
    return true;
  }
  bool AtEnd() {
    SkipSpaces();
    return rest.empty();
  }
};

// The separators that mean "to" between two days or two times.
bool EatRangeDash(Cursor* c) {
  return c->EatAny(
      {"~", "-", "\xE2\x80\x93" /* – */, "\xE3\x80\x9C" /* 〜 */, "\xEF\xBD\x9E" /* ～ */});
}

// ---------------------------------------------------------------------------------------------------------
// Days, times, one segment
// ---------------------------------------------------------------------------------------------------------

// One weekday name (월 … 일, optionally followed by 요일): its index, or -1.
int EatDayName(Cursor* c) {
  static constexpr std::string_view kNames[7] = {"월", "화", "수", "목", "금", "토", "일"};
  for (int d = 0; d < 7; ++d) {
    Cursor trial = *c;
    if (!trial.Eat(kNames[d])) continue;
    trial.Eat("요일");
    *c = trial;
    return d;
  }
  return -1;
}

// Days: words, names, ranges and lists of them. 0 when the cursor is not at a day.
DaySet EatDays(Cursor* c) {
  DaySet days = 0;
  while (true) {
    // A list goes on after a middle dot or a slash, or with the next day right away
    // ("평일(월~금)").
    Cursor trial = *c;
    if (days != 0)
      trial.EatAny(
          {"\xC2\xB7" /* · */, "\xE3\x86\x8D" /* ㆍ */, "\xE3\x83\xBB" /* ・ */, "/", "."});
    if (trial.Eat("평일")) {
      days |= kWeekdays;
    } else if (trial.Eat("주말")) {
      days |= kWeekend;
    } else if (trial.EatAny({"매일", "연중무휴"})) {
      days |= kEveryDay;
    } else {
      const int first = EatDayName(&trial);
      if (first < 0) break;
      int last = first;
      Cursor range = trial;
      if (EatRangeDash(&range)) {
        const int end = EatDayName(&range);
        if (end >= 0) {
          last = end;
          trial = range;
        }
      }
      for (int d = first;; d = (d + 1) % 7) {  // 금~월 wraps through the weekend
        days |= static_cast<DaySet>(1u << d);
        if (d == last) break;
      }
    }
    *c = trial;
  }
  return days;
}

// A time of day: 9, 09:30, 9시, 9시30분, 오전 9시, 오후 6시. Minutes since midnight, or -1.
int EatTime(Cursor* c) {
  Cursor trial = *c;
  int shift = 0;
  if (trial.Eat("오전"))
    shift = 0;
  else if (trial.Eat("오후"))
    shift = 12;
  int hour = 0, minute = 0;
  if (!trial.EatNumber(&hour)) return -1;
  if (trial.Eat(":")) {
    const std::string_view r = trial.rest;  // minutes are two digits, right after the colon
    if (r.size() < 2 || r[0] < '0' || r[0] > '9' || r[1] < '0' || r[1] > '9') return -1;
    trial.EatNumber(&minute);
  } else if (trial.Eat("시")) {
    Cursor with_minutes = trial;
    if (with_minutes.EatNumber(&minute) && with_minutes.Eat("분"))
      trial = with_minutes;
    else if (trial.Eat("반"))
      minute = 30;
  }
  if (shift == 12 && hour < 12) hour += 12;
  if (hour > 24 || minute > 59 || (hour == 24 && minute != 0)) return -1;
  *c = trial;
  return hour * 60 + minute;
}

struct Segment {
  DaySet days = 0;
  bool closed = false;
  bool ignored = false;  // about holidays, which are not modelled
  std::vector<OpenInterval> intervals;
};

// One segment between separators. False if any of it is not understood.
bool ParseSegment(std::string_view text, Segment* out) {
  Cursor c{text};
  const std::initializer_list<std::string_view> kHolidays = {"법정공휴일", "공휴일", "명절", "설날",
                                                             "추석"};
  if (c.EatAny(kHolidays)) {
    while (c.EatAny({"및", "\xC2\xB7"}) && c.EatAny(kHolidays)) {
    }
    if (!c.EatAny({"휴무", "휴관", "휴일", "쉼"})) return false;
    out->ignored = true;
    return c.AtEnd();
  }
  out->days = EatDays(&c);
  Cursor and_holidays = c;  // "일요일 및 공휴일 휴무": the holidays are not modelled
  if (out->days != 0 && and_holidays.Eat("및") && and_holidays.EatAny(kHolidays)) c = and_holidays;
  if (c.EatAny({"휴무", "휴관", "휴일", "쉼"})) {
    out->closed = true;
    return out->days != 0 && c.AtEnd();
  }
  if (c.Eat("24시간")) {
    c.Eat("운영");
    out->intervals.push_back(OpenInterval{0, 1440});
    return c.AtEnd();
  }
  while (!c.AtEnd()) {
    const int open = EatTime(&c);
    if (open < 0 || !EatRangeDash(&c)) return false;
    int close = EatTime(&c);
    if (close < 0) return false;
    if (close <= open) close += 1440;  // runs past midnight
    if (open >= 1440) return false;
    out->intervals.push_back(OpenInterval{open, close});
    c.Eat("까지");
    c.Eat("운영");
    c.Eat("/");
  }
  return true;  // days alone (carried to the next segment), times alone, or both
}

}  // namespace

// ---------------------------------------------------------------------------------------------------------
// The whole text
// ---------------------------------------------------------------------------------------------------------

std::optional<WeeklyHours> ParseOpeningHours(std::string_view text) {
  WeeklyHours hours;
  DaySet carried_days = 0;  // days named alone, waiting for their times ("토, 일 휴무")
  DaySet last_days = 0;     // the days the segment before spoke of
  bool understood_any = false;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find_first_of(",;|\n", start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view piece = text.substr(start, end - start);
    start = end + 1;
    Cursor blank{piece};
    if (blank.AtEnd()) continue;

    Segment segment;
    if (!ParseSegment(piece, &segment)) return std::nullopt;
    if (segment.ignored) {
      understood_any = true;
      continue;
    }
    const bool has_content = segment.closed || !segment.intervals.empty();
    if (!has_content) {  // days alone: they join the next segment's days
      carried_days |= segment.days;
      continue;
    }
    DaySet days = segment.days | carried_days;
    carried_days = 0;
    if (days == 0) days = last_days != 0 ? last_days : kEveryDay;
    last_days = days;
    for (int d = 0; d < 7; ++d) {
      if ((days & (1u << d)) == 0) continue;
      hours.stated[d] = true;
      if (segment.closed)
        hours.open[d].clear();
      else
        hours.open[d].insert(hours.open[d].end(), segment.intervals.begin(),
                             segment.intervals.end());
    }
    understood_any = true;
  }
  if (carried_days != 0 || !understood_any) return std::nullopt;  // days with nothing said of them
  return hours;
}

}  // namespace bokji
