// Opening hours: reads the free text that facility lists give ("평일 09:00~18:00, 토 09:00~13:00")
// into a week of open intervals, so the app can say whether a facility is open now — and says
// "unknown" whenever it cannot be sure.
//
// clang-format off
//   std::optional<bokji::WeeklyHours> hours = bokji::ParseOpeningHours(facility.hours);
//   if (hours && hours->StateAt(bokji::KstWeekTime(now_unix_seconds)) == bokji::OpenState::kOpen)
//     ShowOpenBadge();
// clang-format on
//
// Honesty rules:
//   - The whole text must be understood, or ParseOpeningHours returns nullopt: one segment we
//     cannot read could be the one that says "closed".
//   - A day the text does not mention is unknown, not closed ("평일 09:00~18:00" says nothing about
//     Saturday). Public holidays are not modelled: "공휴일 휴무" is understood and ignored, so on a
//     holiday the answer may be wrong; the card shows the original text beside the badge.
//
// Understood (spaces anywhere, parentheses ignored):
//   days      월 화 수 목 금 토 일 (optionally 요일), ranges 월~금 / 월-금, lists 토·일 / 토,일,
//             평일 (월–금), 주말 (토·일), 매일 / 연중무휴 (every day)
//   times     09:00~18:00, 9~18, 9시~18시, 9시30분~18시, 오전 9시~오후 6시; a closing time past
//             midnight (22:00~02:00) runs into the next day; 24시간 is the whole day
//   closed    휴무 휴관 휴일 쉼 (for the days named before it)
//   segments  separated by , ; | or a line break; "평일 09:00~12:00, 13:00~18:00" (a segment with
//             times and no days) continues the days of the segment before
// A text with times but no day at all ("09:00~18:00") applies to every day.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace bokji {

enum class OpenState : uint8_t { kUnknown = 0, kOpen = 1, kClosed = 2 };

// A moment in the week: day 0 = Monday … 6 = Sunday, minute 0–1439 of that day.
struct WeekTime {
  int day = 0;
  int minute = 0;
};

// Korea's time (UTC+9, no daylight saving) at a Unix time, as a WeekTime.
WeekTime KstWeekTime(int64_t unix_seconds);

struct OpenInterval {
  int open_minute = 0;   // minutes since the day's midnight, 0–1439
  int close_minute = 0;  // after open_minute; up to 2880 when it runs past midnight
};

struct WeeklyHours {
  // Per day (0 = Monday): whether the text says anything about it, and its open intervals (empty
  // for a stated day = closed all day).
  std::array<bool, 7> stated = {};
  std::array<std::vector<OpenInterval>, 7> open;

  // kOpen inside an interval of that day or the day before's run past midnight; kClosed on a
  // stated day outside its intervals; kUnknown on a day the text does not mention (unless the day
  // before's interval covers the moment).
  OpenState StateAt(WeekTime t) const;
};

// nullopt when the text is empty or any part of it is not understood (see the top of this file).
std::optional<WeeklyHours> ParseOpeningHours(std::string_view text);

}  // namespace bokji
