#include "web/model/education.h"

#include <algorithm>

namespace bokji::web {

bool IsPast(const EducationEvent& event, DateTime now) {
  const DateTime ends = event.end != 0 ? event.end : event.start;
  return ends != 0 && ends < now;
}

std::vector<uint32_t> ListEducation(const Dataset& data, const EducationCard& card, DateTime now) {
  std::vector<uint32_t> listed;
  for (uint32_t i = 0; i < data.education.size(); ++i) {
    const EducationEvent& e = data.education[i];
    if (!card.show_past && IsPast(e, now)) continue;
    if (card.audience == EducationFor::kCitizens && e.audience == EducationAudience::kWorkers)
      continue;
    if (card.audience == EducationFor::kWorkers && e.audience == EducationAudience::kCitizens)
      continue;
    listed.push_back(i);
  }
  std::sort(listed.begin(), listed.end(), [&](uint32_t a, uint32_t b) {
    return data.education[a].start != data.education[b].start
               ? data.education[a].start < data.education[b].start
               : a < b;
  });
  return listed;
}

}  // namespace bokji::web
