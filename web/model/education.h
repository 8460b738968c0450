// The welfare education list (복지 교육): which events the panel lists, soonest first.
//
// clang-format off
//   EducationCard card;                              // everyone, upcoming only
//   for (uint32_t id : ListEducation(data, card, now.kst)) Show(data.education[id]);
// clang-format on
#pragma once

#include <cstdint>
#include <vector>

#include "core/model.h"
#include "web/model/app_state.h"

namespace bokji::web {

// An event is past once its end (or its start, without an end) is before `now`; one without a
// date never is.
bool IsPast(const EducationEvent& event, DateTime now);

// The events the card lists: past ones only with show_past; kCitizens keeps events for citizens
// and for everyone, kWorkers likewise. Soonest first (ties by id; undated events first).
std::vector<uint32_t> ListEducation(const Dataset& data, const EducationCard& card, DateTime now);

}  // namespace bokji::web
