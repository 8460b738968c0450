// Directory: what the server knows from the data bundle — which 읍면동 and 시군구 a point or a
// chosen region code belongs to (through the core's RegionIndex), which 시군구 a facility or
// program is looked after by, and the boundaries of a jurisdiction drawn as SVG paths for the staff
// map.
//
//   // clang-format off
//   bokji::Result<bokji::server::Directory> dir =
//   bokji::server::Directory::Load("build/site/data/jeonbuk-sample.bundle");
//   std::optional<bokji::server::Place> place = dir.value().RoutePoint(35.8242, 127.1480);
//   if (!place) Refuse("outside the province: call 129");
//   // clang-format on
//
// Loading takes ~0.2 s for the sample bundle (the RegionIndex build); lookups are const and
// thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/model.h"
#include "core/region_index.h"
#include "core/status.h"
#include "server/storage.h"

namespace bokji::server {

// Where a request goes: its 읍면동 (0 when only a 시군구 was chosen) and 시군구.
struct Place {
  uint32_t emd_code = 0;
  uint32_t sigungu_code = 0;
};

// Who looks after a facility or program's data ("정보가 틀렸어요" routing).
struct CorrectionTarget {
  std::string name;
  uint32_t sigungu_code = 0;  // 0: the 도's staff
};

class Directory {
 public:
  static Result<Directory> Load(const std::string& bundle_path);
  static Result<Directory> FromDataset(Dataset data);

  // The 읍면동 containing the point (and its 시군구); nullopt outside the province's 읍면동.
  std::optional<Place> RoutePoint(double lat, double lng) const;
  // A chosen 읍면동 code (its 시군구 too) or 시군구 code (emd_code 0); nullopt for an unknown code.
  std::optional<Place> RouteRegion(uint32_t code) const;

  std::optional<CorrectionTarget> Facility(const std::string& source_key) const;
  std::optional<CorrectionTarget> Program(const std::string& service_id) const;

  // A region's full name ("전라북도 전주시완산구 중앙동"); "" for an unknown code. Also answers a
  // 시 code that only its 구 carry (35010 → "전주시").
  std::string RegionName(uint32_t code) const;
  // True when the jurisdiction names a region of the bundle at its level (or a 시 of 구).
  bool IsValidJurisdiction(const Jurisdiction& j) const;

  // The jurisdiction's 읍면동 boundaries as JSON for the staff map: {"width","height","project":
  // {"lng0","lat0","scale","kx"},"regions":[{"code","name","path"}]}; a point projects to
  // x = (lng - lng0) * kx * scale, y = (lat0 - lat) * scale.
  std::string MapJson(const Jurisdiction& j) const;

  const Dataset& data() const { return *data_; }

 private:
  std::shared_ptr<const Dataset> data_;
  std::shared_ptr<const RegionIndex> index_;
  std::unordered_map<uint32_t, int> region_by_code_;
  std::unordered_map<std::string, int> facility_by_key_;
  std::unordered_map<std::string, int> program_by_id_;
};

}  // namespace bokji::server
