// The welfare programs view's listing rule, shared by the app and its tests: which programs a
// choice of life stage, 관심주제, target group and area lists, in which order, and the 시군 and
// themes the view offers as choices.
//
// clang-format off
//   bokji::ProgramFilter filter;
//   filter.stage = bokji::kStageYoungAdult;
//   filter.region = 35060;                                     // 김제시
//   bokji::ProgramList list = bokji::ListPrograms(data.programs, program_search, filter, "");
//   for (uint32_t id : list.ids) Show(data.programs[id]);       // 시군 first, then 도, national
//   // list.unstated_stage_count: programs left out only because they state no life stage
// clang-format on
//
// The rule:
//   - life stage: the program states that stage; programs stating none only when
//     include_unstated_stage is set (569 of the sample's 856 state none);
//   - 관심주제: one of its themes is the chosen one; target group: it states that group;
//   - area: a 시군 shows its own programs and every program not tied to a 시군 (도, national,
//     private); kCommonOnly hides all 시군 programs. A 구's code counts as its 시 (CityCodeOf).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "core/text_search.h"

namespace bokji {

struct ProgramFilter {
  // Region values besides a 시군 code.
  static constexpr int64_t kAnyRegion = -1;
  static constexpr int64_t kCommonOnly = 0;  // national, province-wide and private programs

  LifeStageSet stage = 0;  // one LifeStage bit; DEFAULT 0: any
  bool include_unstated_stage = false;
  std::string theme;     // DEFAULT empty: any
  TargetSet target = 0;  // one TargetGroup bit; DEFAULT 0: any
  int64_t region = kAnyRegion;

  bool operator==(const ProgramFilter&) const = default;
  bool any() const { return stage != 0 || !theme.empty() || target != 0 || region != kAnyRegion; }
};

// Whether `filter` lists `program` (the rule at the top of this file).
bool ProgramListed(const Program& program, const ProgramFilter& filter);

struct ProgramList {
  std::vector<uint32_t> ids;     // positions in the programs vector
  int unstated_stage_count = 0;  // left out only because they state no life stage (stage set)
};

// The programs `filter` lists. Without a query: closest to home first (시군, 도, national,
// private), in data order within a level. With a query: those `search` finds, best hit first.
// REQUIRES: `search` indexes `programs` in order (id i is programs[i]).
ProgramList ListPrograms(const std::vector<Program>& programs, const TextSearch& search,
                         const ProgramFilter& filter, std::string_view query);

// A 시군 as the views offer it.
struct City {
  uint32_t code = 0;  // the 시군's code (35010 for 전주시)
  std::string name;   // as its own programs name it ("전주시")
};

// The 시군 of the dataset's 시군구 regions, by code. A 구 (전주시 완산구, "전주시완산구" in the
// 2018 boundaries) stands for its 시, named as the 시's own programs name it, or by the region's
// name up to its "시".
std::vector<City> CitiesOf(const Dataset& data);

// Every 관심주제 the programs name, the most named first (ties by name).
std::vector<std::string> ThemesByCount(const std::vector<Program>& programs);

}  // namespace bokji
