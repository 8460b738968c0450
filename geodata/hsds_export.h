// Open data out: a bundle's facilities and welfare programs as Open Referral HSDS 3.0 (the Human
// Services Data Specification), so other directories can reuse the province's data.
//
//   bokji::Result<bokji::geodata::HsdsCounts> counts =
//       bokji::geodata::ExportHsds(dataset, "out/hsds");
//
// Writes one JSON file per HSDS table, each an array of flat records with the table's fields and
// its foreign keys (HSDS's tabular model, as JSON): organizations.json, services.json,
// locations.json, addresses.json, phones.json, schedules.json, service_at_locations.json.
// Field names, types and required fields follow HSDS 3.0's schema (openreferral/specification,
// schema/*.json); geodata/README.md ("Open data out") lists what comes from where. Ids are
// name-based UUIDs (version 5) of our stable keys, so a second export of the same data gives the
// same ids.
//
// Honesty: a facility placed approximately by its address (PositionQuality kApproxEmd /
// kApproxSigungu) gets a location WITHOUT latitude and longitude, whose description names the area
// it stands for; a date known only to the month or year is not written as a day (assured_date is
// left out); a field no source states is left out, never filled in.
#pragma once

#include <string>

#include "core/model.h"
#include "core/status.h"

namespace bokji::geodata {

struct HsdsCounts {
  int organizations = 0, services = 0, locations = 0, addresses = 0, phones = 0, schedules = 0,
      service_at_locations = 0;
  int approximate_locations = 0;  // of locations: without coordinates
};

// Writes the seven files into `directory` (created if missing; files in it are replaced).
Result<HsdsCounts> ExportHsds(const Dataset& data, const std::string& directory);

// The UUID (version 5, RFC 4122 §4.3) of `name` in this exporter's namespace, lowercase with
// hyphens. Exposed for tests.
std::string NameUuid(const std::string& name);

}  // namespace bokji::geodata
