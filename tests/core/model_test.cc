// Tests of core/model.h's small rules: dates keep the precision a source states, every category
// belongs to one legend group, and approximate positions are told apart.
#include "core/model.h"

#include <gtest/gtest.h>

#include <set>

namespace bokji {
namespace {

TEST(DatePrecision, DayMonthYearOrUnknown) {
  EXPECT_EQ(PrecisionOf(20191231), DatePrecision::kDay);
  EXPECT_EQ(PrecisionOf(20250301), DatePrecision::kDay);
  EXPECT_EQ(PrecisionOf(20250300), DatePrecision::kMonth);
  EXPECT_EQ(PrecisionOf(20220000), DatePrecision::kYear);
  EXPECT_EQ(PrecisionOf(0), DatePrecision::kUnknown);
  // A month-only date sorts before the days of that month, after the month before.
  EXPECT_LT(Date{20250300}, Date{20250301});
  EXPECT_GT(Date{20250300}, Date{20250231});
}

TEST(CategoryGroup, EveryCategoryHasAGroupAndTheNewOnesTheirs) {
  std::set<CategoryGroup> used;
  for (int c = 0; c < kFacilityCategoryCount; ++c) {
    const CategoryGroup group = GroupOf(static_cast<FacilityCategory>(c));
    EXPECT_LT(static_cast<int>(group), kCategoryGroupCount);
    used.insert(group);
  }
  EXPECT_EQ(static_cast<int>(used.size()), kCategoryGroupCount);  // no empty group in a legend
  EXPECT_EQ(GroupOf(FacilityCategory::kSeniorCenter), CategoryGroup::kSenior);  // 경로당 under 노인
  EXPECT_EQ(GroupOf(FacilityCategory::kElderCare), CategoryGroup::kSenior);
  EXPECT_EQ(GroupOf(FacilityCategory::kDementia), CategoryGroup::kSenior);
  EXPECT_EQ(GroupOf(FacilityCategory::kPublicHealth), CategoryGroup::kHealth);
  EXPECT_EQ(GroupOf(FacilityCategory::kPharmacy), CategoryGroup::kHealth);
  EXPECT_EQ(GroupOf(FacilityCategory::kDisability), CategoryGroup::kDisability);
  EXPECT_EQ(GroupOf(FacilityCategory::kYouth), CategoryGroup::kChildFamily);
  EXPECT_EQ(GroupOf(FacilityCategory::kCommunityWelfare), CategoryGroup::kCommunity);
  // The groups' sets split every category exactly once.
  CategorySet all = 0;
  for (int g = 0; g < kCategoryGroupCount; ++g) {
    const CategorySet set = GroupCategories(static_cast<CategoryGroup>(g));
    EXPECT_NE(set, 0u);
    EXPECT_EQ(all & set, 0u);
    all |= set;
  }
  EXPECT_EQ(all, kAllCategories);
  EXPECT_EQ(GroupCategories(CategoryGroup::kHealth),
            CategoryBit(FacilityCategory::kMedical) | CategoryBit(FacilityCategory::kPublicHealth) |
                CategoryBit(FacilityCategory::kPharmacy));
  // The category bits still fit a CategorySet.
  EXPECT_LE(kFacilityCategoryCount, 32);
  EXPECT_EQ(kAllCategories, (1u << kFacilityCategoryCount) - 1);
}

TEST(PositionQuality, OnlyAreaPositionsAreApproximate) {
  EXPECT_FALSE(IsApproximate(PositionQuality::kExact));
  EXPECT_FALSE(IsApproximate(PositionQuality::kGeocoded));
  EXPECT_TRUE(IsApproximate(PositionQuality::kApproxEmd));
  EXPECT_TRUE(IsApproximate(PositionQuality::kApproxSigungu));
  EXPECT_FALSE(IsApproximate(Facility{}.position_quality));  // a facility is exact unless told
}

}  // namespace
}  // namespace bokji
