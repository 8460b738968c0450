// The test's own statement of Open Referral HSDS 3.0's rules for the tables geodata export-hsds
// writes, learned by reading the specification's schema/*.json (openreferral/specification, HSDS
// 3.0): each table's required fields (with the tabular model's foreign keys), the type of every
// field we write, the enumerations, and the uuid format of ids. Written here, not copied: a
// validator independent of the exporter.
//
//   std::vector<std::string> problems = CheckHsdsDirectory(dir);  // empty when valid
#pragma once

#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "geodata_test_util.h"
#include "nlohmann/json.hpp"

namespace bokji::geodata::testing {

enum class HsdsType { kString, kNumber };

struct HsdsField {
  HsdsType type = HsdsType::kString;
  bool required = false;
  std::vector<std::string> allowed;  // an enumeration; empty = any
  std::string format;                // "uuid", "uri", "date", "time", "country" or ""
  std::string references;            // a table this field's id must exist in, or ""
};

struct HsdsTable {
  std::string file;
  std::map<std::string, HsdsField> fields;
};

// HSDS 3.0, as read from schema/{organization,service,location,address,phone,schedule,
// service_at_location}.json: "required" plus "tabular_required" (service.organization_id,
// service_at_location.service_id/location_id), and the types of the fields the exporter writes.
inline const std::vector<HsdsTable>& HsdsTables() {
  using T = HsdsType;
  static const std::vector<HsdsTable> kTables = {
      {"organizations.json",
       {{"id", {T::kString, true, {}, "uuid", ""}},
        {"name", {T::kString, true, {}, "", ""}},
        {"description", {T::kString, true, {}, "", ""}},
        {"website", {T::kString, false, {}, "uri", ""}}}},
      {"services.json",
       {{"id", {T::kString, true, {}, "uuid", ""}},
        {"organization_id", {T::kString, true, {}, "uuid", "organizations.json"}},
        {"name", {T::kString, true, {}, "", ""}},
        {"status",
         {T::kString, true, {"active", "inactive", "defunct", "temporarily closed"}, "", ""}},
        {"description", {T::kString, false, {}, "", ""}},
        {"url", {T::kString, false, {}, "uri", ""}},
        {"eligibility_description", {T::kString, false, {}, "", ""}},
        {"application_process", {T::kString, false, {}, "", ""}},
        {"assured_date", {T::kString, false, {}, "date", ""}}}},
      {"locations.json",
       {{"id", {T::kString, true, {}, "uuid", ""}},
        {"location_type", {T::kString, true, {"physical", "postal", "virtual"}, "", ""}},
        {"name", {T::kString, false, {}, "", ""}},
        {"description", {T::kString, false, {}, "", ""}},
        {"organization_id", {T::kString, false, {}, "uuid", "organizations.json"}},
        {"latitude", {T::kNumber, false, {}, "", ""}},
        {"longitude", {T::kNumber, false, {}, "", ""}},
        {"external_identifier", {T::kString, false, {}, "", ""}},
        {"external_identifier_type", {T::kString, false, {}, "", ""}}}},
      {"addresses.json",
       {{"id", {T::kString, true, {}, "uuid", ""}},
        {"location_id", {T::kString, false, {}, "uuid", "locations.json"}},
        {"address_1", {T::kString, true, {}, "", ""}},
        {"address_2", {T::kString, false, {}, "", ""}},
        {"city", {T::kString, true, {}, "", ""}},
        {"region", {T::kString, false, {}, "", ""}},
        {"state_province", {T::kString, true, {}, "", ""}},
        {"postal_code", {T::kString, true, {}, "", ""}},
        {"country", {T::kString, true, {}, "country", ""}},
        {"address_type", {T::kString, true, {"physical", "postal", "virtual"}, "", ""}}}},
      {"phones.json",
       {{"id", {T::kString, true, {}, "uuid", ""}},
        {"location_id", {T::kString, false, {}, "uuid", "locations.json"}},
        {"service_id", {T::kString, false, {}, "uuid", "services.json"}},
        {"number", {T::kString, true, {}, "", ""}},
        {"type",
         {T::kString,
          false,
          {"text", "voice", "fax", "cell", "video", "pager", "textphone"},
          "",
          ""}}}},
      {"schedules.json",
       {{"id", {T::kString, true, {}, "uuid", ""}},
        {"service_id", {T::kString, false, {}, "uuid", "services.json"}},
        {"location_id", {T::kString, false, {}, "uuid", "locations.json"}},
        {"freq", {T::kString, false, {"WEEKLY", "MONTHLY"}, "", ""}},
        {"byday", {T::kString, false, {}, "", ""}},
        {"opens_at", {T::kString, false, {}, "time", ""}},
        {"closes_at", {T::kString, false, {}, "time", ""}},
        {"description", {T::kString, false, {}, "", ""}}}},
      {"service_at_locations.json",
       {{"id", {T::kString, true, {}, "uuid", ""}},
        {"service_id", {T::kString, true, {}, "uuid", "services.json"}},
        {"location_id", {T::kString, true, {}, "uuid", "locations.json"}}}},
  };
  return kTables;
}

// Every problem found in the export at `dir` (missing file, not an array, a field HSDS does not
// define for the table, a missing required field, a wrong type, a value outside its enumeration or
// format, a duplicate id, a dangling reference), as readable lines; at most `limit` of them.
inline std::vector<std::string> CheckHsdsDirectory(const std::string& dir, size_t limit = 20) {
  std::vector<std::string> problems;
  auto problem = [&](const std::string& text) {
    if (problems.size() < limit) problems.push_back(text);
  };
  const std::regex uuid(
      "^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
  const std::regex date("^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$");
  const std::regex time("^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?(Z|[+-][0-9]{2}:[0-9]{2})$");
  const std::regex uri("^https?://[^\\s]+$");
  std::map<std::string, nlohmann::json> files;
  std::map<std::string, std::set<std::string>> ids;
  for (const HsdsTable& table : HsdsTables()) {
    const nlohmann::json records =
        nlohmann::json::parse(ReadFile(dir + "/" + table.file), nullptr, false);
    if (records.is_discarded() || !records.is_array()) {
      problem(table.file + ": not a JSON array");
      continue;
    }
    for (const nlohmann::json& record : records)
      if (record.is_object() && record.contains("id") && record["id"].is_string())
        if (!ids[table.file].insert(record["id"].get<std::string>()).second)
          problem(table.file + ": duplicate id " + record["id"].get<std::string>());
    files[table.file] = records;
  }
  for (const HsdsTable& table : HsdsTables()) {
    for (const nlohmann::json& record : files[table.file]) {
      const std::string at = table.file + " " + record.value("id", std::string("?"));
      if (!record.is_object()) {
        problem(at + ": not an object");
        continue;
      }
      for (const auto& [name, value] : record.items())
        if (!table.fields.count(name))
          problem(at + ": '" + name + "' is not a field of this table");
      for (const auto& [name, field] : table.fields) {
        if (!record.contains(name)) {
          if (field.required) problem(at + ": required '" + name + "' missing");
          continue;
        }
        const nlohmann::json& value = record[name];
        if (field.type == HsdsType::kNumber ? !value.is_number() : !value.is_string()) {
          problem(at + ": '" + name + "' has the wrong type");
          continue;
        }
        if (field.type != HsdsType::kString) continue;
        const std::string text = value.get<std::string>();
        if (!field.allowed.empty() &&
            std::find(field.allowed.begin(), field.allowed.end(), text) == field.allowed.end())
          problem(at + ": '" + name + "' = '" + text + "' is not one of its values");
        if ((field.format == "uuid" && !std::regex_match(text, uuid)) ||
            (field.format == "date" && !std::regex_match(text, date)) ||
            (field.format == "time" && !std::regex_match(text, time)) ||
            (field.format == "uri" && !std::regex_match(text, uri)) ||
            (field.format == "country" && !std::regex_match(text, std::regex("^[A-Z]{2}$"))))
          problem(at + ": '" + name + "' = '" + text + "' is not a " + field.format);
        if (!field.references.empty() && !ids[field.references].count(text))
          problem(at + ": '" + name + "' points at no record of " + field.references);
      }
    }
  }
  return problems;
}

// The records of one exported table.
inline nlohmann::json HsdsRecords(const std::string& dir, const std::string& file) {
  return nlohmann::json::parse(ReadFile(dir + "/" + file));
}

}  // namespace bokji::geodata::testing
