#include "server/directory.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <iterator>
#include <sstream>

#include "core/bundle.h"

namespace bokji::server {

Result<Directory> Directory::Load(const std::string& bundle_path) {
  std::ifstream in(bundle_path, std::ios::binary);
  if (!in) return Status::Error("cannot read the data bundle " + bundle_path);
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                             std::istreambuf_iterator<char>());
  Result<Dataset> data = LoadBundle(bytes.data(), bytes.size());
  if (!data.ok()) return Status::Error(bundle_path + ": " + data.status().message());
  return FromDataset(std::move(data).value());
}

Result<Directory> Directory::FromDataset(Dataset data) {
  Directory d;
  auto shared = std::make_shared<Dataset>(std::move(data));
  d.data_ = shared;
  d.index_ = std::make_shared<RegionIndex>(shared->regions);
  for (size_t i = 0; i < shared->regions.size(); ++i)
    d.region_by_code_[shared->regions[i].code] = int(i);
  for (size_t i = 0; i < shared->facilities.size(); ++i) {
    d.facility_by_key_[shared->facilities[i].source_key] = int(i);
  }
  for (size_t i = 0; i < shared->programs.size(); ++i) {
    d.program_by_id_[shared->programs[i].service_id] = int(i);
  }
  return d;
}

std::optional<Place> Directory::RoutePoint(double lat, double lng) const {
  int emd = index_->Find({lat, lng}, RegionLevel::kEmd);
  if (emd < 0) return std::nullopt;
  const Region& r = data_->regions[emd];
  return Place{r.code, r.parent_code};
}

std::optional<Place> Directory::RouteRegion(uint32_t code) const {
  auto it = region_by_code_.find(code);
  if (it == region_by_code_.end()) return std::nullopt;
  const Region& r = data_->regions[it->second];
  if (r.level == RegionLevel::kEmd) return Place{r.code, r.parent_code};
  if (r.level == RegionLevel::kSigungu) return Place{0, r.code};
  return std::nullopt;  // the whole 도 is not a place a worker can visit
}

std::optional<CorrectionTarget> Directory::Facility(const std::string& source_key) const {
  auto it = facility_by_key_.find(source_key);
  if (it == facility_by_key_.end()) return std::nullopt;
  const bokji::Facility& f = data_->facilities[it->second];
  return CorrectionTarget{f.name, f.sigungu_code};
}

std::optional<CorrectionTarget> Directory::Program(const std::string& service_id) const {
  auto it = program_by_id_.find(service_id);
  if (it == program_by_id_.end()) return std::nullopt;
  const bokji::Program& p = data_->programs[it->second];
  return CorrectionTarget{p.name, p.level == ProgramLevel::kCity ? p.sigungu_code : 0};
}

std::string Directory::RegionName(uint32_t code) const {
  auto it = region_by_code_.find(code);
  if (it != region_by_code_.end()) return data_->regions[it->second].full_name;
  if (code % 10 == 0) {
    for (const Region& r : data_->regions) {
      if (r.level == RegionLevel::kSigungu && r.code / 10 == code / 10) {
        // "전라북도 전주시완산구" → "전라북도 전주시": the 시's name ends at its first "시".
        size_t at = r.full_name.find("시");
        return at == std::string::npos ? r.full_name
                                       : r.full_name.substr(0, at + std::string("시").size());
      }
    }
  }
  return "";
}

bool Directory::IsValidJurisdiction(const Jurisdiction& j) const {
  auto it = region_by_code_.find(j.code);
  if (it != region_by_code_.end()) return data_->regions[it->second].level == j.level;
  return j.level == RegionLevel::kSigungu && !RegionName(j.code).empty();
}

std::string Directory::MapJson(const Jurisdiction& j) const {
  std::vector<const Region*> shown;
  for (const Region& r : data_->regions) {
    if (r.level == RegionLevel::kEmd && Covers(j, r.parent_code, r.code)) shown.push_back(&r);
  }
  double min_lat = 90, max_lat = -90, min_lng = 180, max_lng = -180;
  for (const Region* r : shown) {
    for (const Ring& ring : r->rings) {
      for (const LatLng& p : ring) {
        min_lat = std::min(min_lat, p.lat);
        max_lat = std::max(max_lat, p.lat);
        min_lng = std::min(min_lng, p.lng);
        max_lng = std::max(max_lng, p.lng);
      }
    }
  }
  nlohmann::json out;
  if (shown.empty()) {
    out = {{"width", 0}, {"height", 0}, {"regions", nlohmann::json::array()}};
    return out.dump();
  }
  // Equirectangular with the longitude scaled by cos(latitude) at the middle: true to shape at this
  // size.
  double kx = std::cos((min_lat + max_lat) / 2 * M_PI / 180);
  double span = std::max((max_lng - min_lng) * kx, max_lat - min_lat);
  double scale = 1000 / span;
  double width = (max_lng - min_lng) * kx * scale, height = (max_lat - min_lat) * scale;
  out["width"] = std::ceil(width);
  out["height"] = std::ceil(height);
  out["project"] = {{"lng0", min_lng}, {"lat0", max_lat}, {"scale", scale}, {"kx", kx}};
  nlohmann::json regions = nlohmann::json::array();
  for (const Region* r : shown) {
    std::ostringstream path;
    path.setf(std::ios::fixed);
    path.precision(1);
    for (const Ring& ring : r->rings) {
      double last_x = -1e9, last_y = -1e9;
      int emitted = 0;
      for (const LatLng& p : ring) {
        double x = (p.lng - min_lng) * kx * scale, y = (max_lat - p.lat) * scale;
        // Points closer than 0.7 units to the last one drawn add nothing visible at this size.
        if (std::abs(x - last_x) < 0.7 && std::abs(y - last_y) < 0.7) continue;
        path << (emitted == 0 ? "M" : "L") << x << ' ' << y;
        last_x = x;
        last_y = y;
        ++emitted;
      }
      if (emitted > 0) path << 'Z';
    }
    regions.push_back(
        {{"code", r->code},
         {"name", r->name},
         {"full_name", r->full_name},
         {"path", path.str()},
         {"label", {(r->label.lng - min_lng) * kx * scale, (max_lat - r->label.lat) * scale}}});
  }
  out["regions"] = std::move(regions);
  return out.dump();
}

}  // namespace bokji::server
