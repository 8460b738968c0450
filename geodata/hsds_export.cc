// Index
//   - Ids, dates, text
//   - Tables            the records collected per HSDS table, written as JSON arrays
//   - Facilities        organization (operator or the facility), service, location, address,
//                       phone, schedules, service_at_location
//   - Programs          organization (provider), service
//   - ExportHsds
#include "geodata/hsds_export.h"

#include <openssl/evp.h>

#include <cassert>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "core/opening_hours.h"
#include "geodata/import_config.h"
#include "nlohmann/json.hpp"

namespace bokji::geodata {
namespace {

using nlohmann::json;

// ---------------------------------------------------------------------------------------------------------
// Ids, dates, text
// ---------------------------------------------------------------------------------------------------------

// This exporter's UUID namespace (itself a version 4 UUID chosen once; never change it, or every id
// changes).
constexpr unsigned char kNamespace[16] = {0x6b, 0x0e, 0x3c, 0x52, 0x9d, 0x41, 0x4e, 0x2a,
                                          0x8f, 0x77, 0x1c, 0x5d, 0x30, 0xa9, 0xe4, 0x18};

// "2025-03-01" for a day-precise date; "" for a month, a year or unknown (never an invented day).
std::string IsoDay(Date date) {
  if (PrecisionOf(date) != DatePrecision::kDay) return "";
  char text[16];
  std::snprintf(text, sizeof text, "%04u-%02u-%02u", date / 10000, date / 100 % 100, date % 100);
  return text;
}

// "2025-03-01", "2025-03" or "2025" as the source states it.
std::string StatedDate(Date date) {
  char text[16];
  switch (PrecisionOf(date)) {
    case DatePrecision::kDay:
      return IsoDay(date);
    case DatePrecision::kMonth:
      std::snprintf(text, sizeof text, "%04u-%02u", date / 10000, date / 100 % 100);
      return text;
    case DatePrecision::kYear:
      std::snprintf(text, sizeof text, "%04u", date / 10000);
      return text;
    default:
      return "기준일 자료에 없음";
  }
}

// "09:00+09:00": HSDS asks for the time with its UTC offset; Korea has no daylight saving.
std::string KstTime(int minute) {
  char text[16];
  std::snprintf(text, sizeof text, "%02d:%02d+09:00", minute / 60 % 24, minute % 60);
  return text;
}

// ---------------------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------------------

struct Tables {
  std::vector<json> organizations, services, locations, addresses, phones, schedules,
      service_at_locations;
  std::set<std::string> organization_ids;
  std::map<uint32_t, const Region*> regions;  // by code
  int approximate_locations = 0;

  const Region* RegionOf(uint32_t code) const {
    const auto it = regions.find(code);
    return it == regions.end() ? nullptr : it->second;
  }

  // Adds an organization once per id; returns its id.
  std::string Organization(const std::string& key, const std::string& name,
                           const std::string& description, const std::string& website) {
    const std::string id = NameUuid("organization:" + key);
    if (organization_ids.insert(id).second) {
      json o = {{"id", id}, {"name", name}, {"description", description}};
      if (!website.empty()) o["website"] = website;
      organizations.push_back(std::move(o));
    }
    return id;
  }
};

std::string SourceLine(const Dataset& data, uint16_t source) {
  const Source& s = data.sources[source];
  return "출처: " + s.name + " (" + s.publisher + ", " + StatedDate(s.data_date) + ")";
}

// ---------------------------------------------------------------------------------------------------------
// Facilities
// ---------------------------------------------------------------------------------------------------------

void AddFacility(const Dataset& data, const Facility& f, Tables& t) {
  const std::string category = CategoryWord(f.category);
  const std::string source = SourceLine(data, f.source);
  // The organization delivering it: its operator when the source names one, else the facility.
  const std::string organization_id =
      f.operator_name.empty() ? t.Organization("facility:" + f.source_key, f.name,
                                               category + " 시설. " + source, f.homepage)
                              : t.Organization("operator:" + f.operator_name, f.operator_name,
                                               "시설 운영 기관 (" + source + ")", "");

  const std::string service_id = NameUuid("facility-service:" + f.source_key);
  json service = {{"id", service_id},
                  {"organization_id", organization_id},
                  {"name", f.name},
                  {"status", "active"},
                  {"description", category + ". " + source}};
  if (!f.homepage.empty()) service["url"] = f.homepage;
  if (const std::string targets = TargetWords(f.targets); !targets.empty())
    service["eligibility_description"] = "대상: " + targets;
  if (const std::string day = IsoDay(f.verified); !day.empty()) service["assured_date"] = day;
  t.services.push_back(std::move(service));

  const std::string location_id = NameUuid("facility-location:" + f.source_key);
  json location = {{"id", location_id},
                   {"location_type", "physical"},
                   {"name", f.name},
                   {"organization_id", organization_id},
                   {"external_identifier", f.source_key},
                   {"external_identifier_type", "bokji source_key"}};
  if (IsApproximate(f.position_quality)) {
    // No coordinates: the source gave only an address. Say which area, never a point.
    const Region* area = t.RegionOf(f.emd_code != 0 ? f.emd_code : f.sigungu_code);
    location["description"] = "좌표 없음: 주소 기준 대략 위치 (" +
                              std::string(f.emd_code != 0 ? "읍면동" : "시군구") + " " +
                              (area ? area->full_name : std::string("?")) +
                              "). Approximate: placed by address, no coordinates.";
    ++t.approximate_locations;
  } else {
    location["latitude"] = f.position.lat;
    location["longitude"] = f.position.lng;
    if (f.position_quality == PositionQuality::kGeocoded)
      location["description"] = "좌표: 주소를 지오코딩한 위치 (geocoded from the address)";
  }
  t.locations.push_back(std::move(location));

  const std::string& street = f.road_address.empty() ? f.lot_address : f.road_address;
  if (!street.empty()) {
    const Region* sigungu = t.RegionOf(f.sigungu_code);
    const Region* emd = t.RegionOf(f.emd_code);
    const Region* province = sigungu ? t.RegionOf(sigungu->parent_code) : nullptr;
    json address = {{"id", NameUuid("facility-address:" + f.source_key)},
                    {"location_id", location_id},
                    {"address_1", street},
                    {"city", sigungu ? sigungu->name : std::string()},
                    {"state_province", province ? province->name : std::string()},
                    {"postal_code", ""},  // required by HSDS; not in our data
                    {"country", "KR"},
                    {"address_type", "physical"}};
    if (!f.lot_address.empty() && !f.road_address.empty()) address["address_2"] = f.lot_address;
    if (emd) address["region"] = emd->name;
    t.addresses.push_back(std::move(address));
  }

  if (!f.phone.empty()) {
    t.phones.push_back({{"id", NameUuid("facility-phone:" + f.source_key)},
                        {"location_id", location_id},
                        {"service_id", service_id},
                        {"number", f.phone},
                        {"type", "voice"}});
  }

  if (!f.hours.empty()) {
    // Understood hours become weekly rules, one per day and interval; otherwise the text alone.
    static const char* const kDays[7] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
    const std::optional<WeeklyHours> hours = ParseOpeningHours(f.hours);
    int n = 0;
    if (hours) {
      for (int day = 0; day < 7; ++day) {
        for (const OpenInterval& interval : hours->open[day]) {
          t.schedules.push_back(
              {{"id", NameUuid("facility-schedule:" + f.source_key + ":" + std::to_string(n++))},
               {"service_id", service_id},
               {"location_id", location_id},
               {"freq", "WEEKLY"},
               {"byday", kDays[day]},
               {"opens_at", KstTime(interval.open_minute)},
               {"closes_at", KstTime(interval.close_minute)},
               {"description", f.hours}});
        }
      }
    }
    if (n == 0) {
      t.schedules.push_back({{"id", NameUuid("facility-schedule:" + f.source_key + ":text")},
                             {"service_id", service_id},
                             {"location_id", location_id},
                             {"description", f.hours}});
    }
  }

  t.service_at_locations.push_back(
      {{"id", NameUuid("facility-service-at-location:" + f.source_key)},
       {"service_id", service_id},
       {"location_id", location_id}});
}

// ---------------------------------------------------------------------------------------------------------
// Programs
// ---------------------------------------------------------------------------------------------------------

void AddProgram(const Dataset& data, const Program& p, size_t index, Tables& t) {
  const Source& source = data.sources[p.source];
  const std::string provider = p.provider.empty() ? source.publisher : p.provider;
  const std::string organization_id =
      t.Organization("provider:" + provider, provider,
                     "복지서비스 제공·소관 기관 (" + SourceLine(data, p.source) + ")", "");
  const std::string key =
      p.service_id.empty() ? "program-index:" + std::to_string(index) : "program:" + p.service_id;
  std::string description = p.summary;
  if (!p.benefits.empty())
    description += (description.empty() ? "" : "\n\n") + ("지원 내용: " + p.benefits);
  description += (description.empty() ? "" : "\n\n") +
                 ("지역: " + p.region_name + ". " + SourceLine(data, p.source));
  json service = {{"id", NameUuid(key)},
                  {"organization_id", organization_id},
                  {"name", p.name},
                  {"status", "active"},
                  {"description", description}};
  if (!p.apply_url.empty()) service["url"] = p.apply_url;
  if (!p.eligibility.empty()) service["eligibility_description"] = p.eligibility;
  if (!p.how_to_apply.empty()) service["application_process"] = p.how_to_apply;
  if (const std::string day = IsoDay(p.updated); !day.empty()) service["assured_date"] = day;
  t.services.push_back(std::move(service));
}

// One record per line: readable, diffable, and far smaller than pretty-printing every field.
Status WriteArray(const std::filesystem::path& path, const std::vector<json>& records) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << "[";
  for (size_t i = 0; i < records.size(); ++i) {
    // Bundles hold UTF-8 (the importer checks every cell); a crafted bundle's bad bytes become
    // U+FFFD instead of failing the export.
    out << (i ? ",\n" : "\n") << records[i].dump(-1, ' ', false, json::error_handler_t::replace);
  }
  out << (records.empty() ? "]\n" : "\n]\n");
  out.close();
  if (!out) return Status::Error("cannot write '" + path.string() + "'");
  return Status::Ok();
}

}  // namespace

std::string NameUuid(const std::string& name) {
  std::vector<unsigned char> input(kNamespace, kNamespace + 16);
  input.insert(input.end(), name.begin(), name.end());
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  const int ok = EVP_Digest(input.data(), input.size(), digest, &length, EVP_sha1(), nullptr);
  // SHA-1 is always available in OpenSSL's default provider; a failure is a broken installation.
  assert(ok == 1 && length >= 16);
  (void)ok;
  digest[6] = static_cast<unsigned char>((digest[6] & 0x0F) | 0x50);  // version 5
  digest[8] = static_cast<unsigned char>((digest[8] & 0x3F) | 0x80);  // RFC 4122 variant
  static const char kHex[] = "0123456789abcdef";
  std::string uuid;
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) uuid += '-';
    uuid += kHex[digest[i] >> 4];
    uuid += kHex[digest[i] & 0x0F];
  }
  return uuid;
}

Result<HsdsCounts> ExportHsds(const Dataset& data, const std::string& directory) {
  std::error_code error;
  std::filesystem::create_directories(directory, error);
  if (error) return Status::Error("cannot create '" + directory + "': " + error.message());
  Tables t;
  for (const Region& region : data.regions) t.regions[region.code] = &region;
  for (const Facility& f : data.facilities) AddFacility(data, f, t);
  for (size_t i = 0; i < data.programs.size(); ++i) AddProgram(data, data.programs[i], i, t);

  const std::filesystem::path dir(directory);
  for (const auto& [name, records] :
       {std::pair<const char*, const std::vector<json>*>{"organizations.json", &t.organizations},
        {"services.json", &t.services},
        {"locations.json", &t.locations},
        {"addresses.json", &t.addresses},
        {"phones.json", &t.phones},
        {"schedules.json", &t.schedules},
        {"service_at_locations.json", &t.service_at_locations}}) {
    if (Status s = WriteArray(dir / name, *records); !s.ok()) return s;
  }
  HsdsCounts counts;
  counts.organizations = static_cast<int>(t.organizations.size());
  counts.services = static_cast<int>(t.services.size());
  counts.locations = static_cast<int>(t.locations.size());
  counts.addresses = static_cast<int>(t.addresses.size());
  counts.phones = static_cast<int>(t.phones.size());
  counts.schedules = static_cast<int>(t.schedules.size());
  counts.service_at_locations = static_cast<int>(t.service_at_locations.size());
  counts.approximate_locations = t.approximate_locations;
  return counts;
}

}  // namespace bokji::geodata
