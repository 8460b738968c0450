// web/model/education.h and clock.h: the education list at a fixed moment (soonest first, past
// events only on request, the audience rule), and Korea's time from a Unix time.
#include "web/model/education.h"

#include <gtest/gtest.h>

#include <vector>

#include "web/model/clock.h"

namespace bokji::web {
namespace {

TEST(Clock, KoreaTimeFromUnixSeconds) {
  // 2026-01-01 00:00 KST is 2025-12-31 15:00 UTC = 1767193200 (date arithmetic by hand).
  const Now new_year = NowAt(1767193200);
  EXPECT_EQ(new_year.kst, 202601010000u);
  EXPECT_EQ(new_year.year, 2026);
  EXPECT_EQ(new_year.week.day, 3);  // a Thursday
  EXPECT_EQ(new_year.week.minute, 0);
  const Now before = NowAt(1767193200 - 60);
  EXPECT_EQ(before.kst, 202512312359u);
  EXPECT_EQ(before.year, 2025);
  EXPECT_EQ(FixedClock(42)(), 42);
  EXPECT_GT(SystemClock()(), 1767193200 - 86400 * 365 * 2);
}

EducationEvent Event(EducationAudience audience, DateTime start, DateTime end) {
  EducationEvent e;
  e.audience = audience;
  e.start = start;
  e.end = end;
  return e;
}

TEST(Education, SoonestFirstPastOnRequestAndTheAudienceRule) {
  Dataset data;
  data.education = {
      Event(EducationAudience::kWorkers, 202603101000, 202603101200),   // 0 upcoming
      Event(EducationAudience::kCitizens, 202602011000, 202602011200),  // 1 past
      Event(EducationAudience::kBoth, 202603061000, 0),                 // 2 upcoming, no end
      Event(EducationAudience::kCitizens, 202603051400, 202603051600),  // 3 running now
      Event(EducationAudience::kBoth, 0, 0),                            // 4 no date: never past
  };
  const DateTime now = 202603051430;
  EducationCard card;
  EXPECT_EQ(ListEducation(data, card, now), (std::vector<uint32_t>{4, 3, 2, 0}));
  card.show_past = true;
  EXPECT_EQ(ListEducation(data, card, now), (std::vector<uint32_t>{4, 1, 3, 2, 0}));
  card.audience = EducationFor::kCitizens;
  EXPECT_EQ(ListEducation(data, card, now), (std::vector<uint32_t>{4, 1, 3, 2}));
  card.audience = EducationFor::kWorkers;
  EXPECT_EQ(ListEducation(data, card, now), (std::vector<uint32_t>{4, 2, 0}));
  EXPECT_TRUE(IsPast(data.education[1], now));
  EXPECT_FALSE(IsPast(data.education[3], now));
  EXPECT_FALSE(IsPast(data.education[4], now));
}

}  // namespace
}  // namespace bokji::web
