// Catalog: one loaded Dataset with everything derived from it that the app needs, built once and
// then only read: the facility index and marker clusters, the three text searches, parsed opening
// hours, region label points, category counts, program tags, the 시군 list and the 관심주제.
// The app, the web model (web/model/) and the tests share it instead of each deriving their own.
//
// clang-format off
//   bokji::Result<bokji::Dataset> loaded = bokji::LoadBundle(bytes, size);
//   const bokji::Catalog catalog = bokji::Catalog::Build(std::move(loaded).value());
//   for (const bokji::TextSearch::Hit& hit : catalog.facility_search.Search("장애인", 5))
//     Show(catalog.data.facilities[hit.id]);
//   int id = catalog.FacilityByKey("장애인복지관:179");    // -1 when the bundle has none
// clang-format on
//
// Building the sample's (45 facilities, 856 programs, 257 regions) takes a few ms; the program
// tags are most of it.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/cluster.h"
#include "core/facility_index.h"
#include "core/model.h"
#include "core/opening_hours.h"
#include "core/program_list.h"
#include "core/programs.h"
#include "core/text_search.h"

namespace bokji {

struct Catalog {
  static Catalog Build(Dataset data);

  Catalog(Catalog&&) = default;
  Catalog& operator=(Catalog&&) = default;
  Catalog(const Catalog&) = delete;  // large: pass it by reference
  Catalog& operator=(const Catalog&) = delete;

  // The bundle's dataset without the facilities placed by address only: every facility here has
  // its own coordinates (PositionQuality kExact or kGeocoded), so ids into data.facilities may be
  // drawn, indexed and listed as points.
  Dataset data;
  // The facilities whose position is only their area's label point (IsApproximate), in bundle
  // order: never drawn as points.
  std::vector<Facility> approximate;
  // For each of `approximate`: the region it stands at (its 읍면동 for kApproxEmd, else its 시군구)
  // and its 시군구, as indexes into data.regions; -1 where the boundaries lack the code.
  std::vector<int> approximate_area;
  std::vector<int> approximate_sigungu;
  std::array<int, kFacilityCategoryCount> approximate_category_counts{};

  // Facilities.
  FacilityIndex facility_index;                   // ids are positions in data.facilities
  MarkerClusters clusters;                        // all facilities; a filter takes a Subset
  std::vector<std::optional<WeeklyHours>> hours;  // by facility; nullopt when not understood
  int hours_known = 0;
  std::array<int, kFacilityCategoryCount> category_counts{};
  TargetSet facility_targets = 0;  // every group some facility serves (approximate ones too)

  // Searches, ids as in data: names first, then address / full name / provider, area, themes and
  // summary as the secondary text.
  TextSearch facility_search;
  TextSearch region_search;
  TextSearch program_search;
  TextSearch approximate_search;  // ids are positions in `approximate`

  // Regions: where each name is drawn (core/geo.h LabelPointOf), by region.
  std::vector<LatLng> label_points;
  // The box the start screen frames: the regions' rings of at least 1% of the largest ring's area
  // (far-off islets left out), else every facility; has_bounds false for an empty dataset.
  bool has_bounds = false;
  LatLng south_west, north_east;

  // Programs.
  std::vector<ProgramTags> program_tags;  // DeriveAllProgramTags(data.programs)
  std::vector<City> cities;               // CitiesOf(data)
  std::vector<std::string> themes;        // ThemesByCount(data.programs)
  TargetSet program_targets = 0;          // every group some program states

  // Look-ups by a record's stable key (what links carry); -1 when there is none.
  int FacilityByKey(std::string_view source_key) const;
  int ApproximateByKey(std::string_view source_key) const;  // an index into `approximate`
  int ProgramByServiceId(std::string_view service_id) const;
  int RegionByCode(uint32_t code) const;
  // The name of a 시군 of `cities`; nullptr when it is not one.
  const char* CityName(uint32_t code) const;

 private:
  Catalog() = default;
};

}  // namespace bokji
