// Opening hours: the forms Korean facility lists use, what each says about every minute of the
// week, and the texts that must stay unknown.
#include "core/opening_hours.h"

#include <gtest/gtest.h>

#include <string>

namespace bokji {
namespace {

constexpr int kMon = 0, kTue = 1, kFri = 4, kSat = 5, kSun = 6;

int At(int hour, int minute = 0) {
  return hour * 60 + minute;
}

OpenState StateOf(const char* text, int day, int minute) {
  const std::optional<WeeklyHours> hours = ParseOpeningHours(text);
  EXPECT_TRUE(hours.has_value()) << text;
  return hours ? hours->StateAt(WeekTime{day, minute}) : OpenState::kUnknown;
}

TEST(OpeningHoursTest, WeekdaysWithTimesLeaveTheWeekendUnknown) {
  const char* text = "평일 09:00~18:00";
  EXPECT_EQ(StateOf(text, kMon, At(9)), OpenState::kOpen);
  EXPECT_EQ(StateOf(text, kFri, At(17, 59)), OpenState::kOpen);
  EXPECT_EQ(StateOf(text, kFri, At(18)), OpenState::kClosed);  // closing time is exclusive
  EXPECT_EQ(StateOf(text, kTue, At(8, 59)), OpenState::kClosed);
  EXPECT_EQ(StateOf(text, kSat, At(12)), OpenState::kUnknown);  // not mentioned: not "closed"
}

TEST(OpeningHoursTest, DayRangesListsAndClosedDays) {
  const char* text = "월~금 9시~18시, 토 09:00-13:00, 일요일 휴무";
  EXPECT_EQ(StateOf(text, kMon, At(10)), OpenState::kOpen);
  EXPECT_EQ(StateOf(text, kSat, At(12, 30)), OpenState::kOpen);
  EXPECT_EQ(StateOf(text, kSat, At(13)), OpenState::kClosed);
  EXPECT_EQ(StateOf(text, kSun, At(10)), OpenState::kClosed);

  // "토, 일 휴무": a comma inside a day list, days carried to the words after them.
  const char* weekend = "평일 08:30~17:30, 토, 일 휴무";
  EXPECT_EQ(StateOf(weekend, kSat, At(10)), OpenState::kClosed);
  EXPECT_EQ(StateOf(weekend, kSun, At(10)), OpenState::kClosed);
  EXPECT_EQ(StateOf("토·일 휴관", kSun, At(10)), OpenState::kClosed);
  EXPECT_EQ(StateOf("토·일 휴관", kMon, At(10)), OpenState::kUnknown);
  // 금~월 wraps through the weekend.
  EXPECT_EQ(StateOf("금~월 10:00~16:00", kSun, At(11)), OpenState::kOpen);
  EXPECT_EQ(StateOf("금~월 10:00~16:00", kTue, At(11)), OpenState::kUnknown);
}

TEST(OpeningHoursTest, LunchBreaksAmPmAndParentheses) {
  const char* text = "평일(월~금) 09:00~12:00, 13:00~18:00";  // the second range continues 평일
  EXPECT_EQ(StateOf(text, kMon, At(11)), OpenState::kOpen);
  EXPECT_EQ(StateOf(text, kMon, At(12, 30)), OpenState::kClosed);
  EXPECT_EQ(StateOf(text, kMon, At(13)), OpenState::kOpen);
  EXPECT_EQ(StateOf("매일 오전 9시 ~ 오후 6시", kSun, At(17, 59)), OpenState::kOpen);
  EXPECT_EQ(StateOf("매일 오전 9시 ~ 오후 6시", kSun, At(18)), OpenState::kClosed);
  EXPECT_EQ(StateOf("평일 9시30분~17시반", kMon, At(9, 29)), OpenState::kClosed);
  EXPECT_EQ(StateOf("평일 9시30분~17시반", kMon, At(17, 29)), OpenState::kOpen);
}

TEST(OpeningHoursTest, AllDayAndPastMidnight) {
  EXPECT_EQ(StateOf("24시간", kSun, At(3)), OpenState::kOpen);
  EXPECT_EQ(StateOf("연중무휴 24시간 운영", 2, At(23, 59)), OpenState::kOpen);
  // 22:00–02:00 on Friday is open early on Saturday, and Saturday itself is not mentioned.
  const char* late = "금 22:00~02:00";
  EXPECT_EQ(StateOf(late, kSat, At(1, 59)), OpenState::kOpen);
  EXPECT_EQ(StateOf(late, kSat, At(2)), OpenState::kUnknown);
  EXPECT_EQ(StateOf(late, kFri, At(21)), OpenState::kClosed);
}

TEST(OpeningHoursTest, TimesWithoutDaysMeanEveryDay) {
  EXPECT_EQ(StateOf("09:00~18:00", kSun, At(10)), OpenState::kOpen);
  EXPECT_EQ(StateOf("09:00~18:00", kSun, At(19)), OpenState::kClosed);
}

TEST(OpeningHoursTest, HolidaysAreUnderstoodAndNotModelled) {
  const char* text = "평일 09:00~18:00 (토·일 및 공휴일 휴무)";
  // The parenthesis opens no new segment: "(토·일 및 공휴일 휴무)" follows the times, which is not
  // a form we read, so this stays unknown rather than half-read.
  EXPECT_FALSE(ParseOpeningHours(text).has_value());
  const char* split = "평일 09:00~18:00; 토·일 및 공휴일 휴무";
  EXPECT_EQ(StateOf(split, kSun, At(10)), OpenState::kClosed);
  EXPECT_EQ(StateOf("평일 09:00~18:00, 공휴일 휴무", kMon, At(10)), OpenState::kOpen);
  EXPECT_EQ(StateOf("평일 09:00~18:00, 공휴일 휴무", kSat, At(10)), OpenState::kUnknown);
}

TEST(OpeningHoursTest, AnythingNotUnderstoodIsUnknown) {
  for (const char* text :
       {"", "   ", "문의 바랍니다", "평일 09:00~18:00, 점심시간 12:00~13:00", "월~금",
        "25:00~26:00", "09:00", "9~", "평일 9:7~18:00", "토요일 격주 휴무"}) {
    EXPECT_FALSE(ParseOpeningHours(text).has_value()) << '"' << text << '"';
  }
}

TEST(OpeningHoursTest, KoreaTimeFromUnixSeconds) {
  // 2026-11-23 00:00 UTC is Monday 09:00 in Korea.
  const WeekTime monday = KstWeekTime(1795392000);
  EXPECT_EQ(monday.day, kMon);
  EXPECT_EQ(monday.minute, At(9));
  // 15:00 UTC the same day is already Tuesday 00:00 in Korea.
  const WeekTime tuesday = KstWeekTime(1795392000 + 15 * 3600);
  EXPECT_EQ(tuesday.day, kTue);
  EXPECT_EQ(tuesday.minute, 0);
  // Before 1970 too: 1969-12-31 15:00 UTC (-9 h) is Thursday 1970-01-01 00:00 in Korea.
  const WeekTime thursday = KstWeekTime(-9 * 3600);
  EXPECT_EQ(thursday.day, 3);
  EXPECT_EQ(thursday.minute, 0);
}

}  // namespace
}  // namespace bokji
