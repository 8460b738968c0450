// The import: every source of a config read, validated and placed into one Dataset, then written as
// a bundle with its report.
//
// clang-format off
//   bokji::Result<bokji::geodata::ImportConfig> config =
//       bokji::geodata::LoadImportConfig(path, data_root);
//   bokji::Result<bokji::geodata::ImportReport> report =
//       bokji::geodata::ImportToFiles(config.value(), path, "out.bundle", "out-report");
//   if (!report.ok()) { std::cerr << report.status().message(); return 1; }  // and no out.bundle
//   std::cout << bokji::geodata::SummaryLine(report.value()) << "\n";
// clang-format on
//
// What happens to a row (the details per kind are in geodata/README.md):
//   boundaries  → Region: level from the code's length (2/5/7), parent from its prefix, rings
//                 oriented (shells counter-clockwise, holes clockwise), a label point inside the
//                 polygon.
//   facilities  → Facility: name and coordinates checked, CRS converted, Korea / province /
//                 duplicate checks, 시군구 and 읍면동 codes by point-in-polygon.
//   programs_*  → Program: merged across sources by service id (empty fields filled, never
//                 overwritten); a record built from several sources gets a combined Source whose
//                 date is the oldest one's.
//   education   → EducationEvent: audience and dates checked, coordinates optional (checked like
//                 facilities when given), region codes by point-in-polygon.
// A data problem in one row rejects that row (with its reason in the report); a problem with a
// whole file or the config (missing file, missing column, bad CRS) fails the import.
#pragma once

#include <string>

#include "core/model.h"
#include "core/status.h"
#include "geodata/import_config.h"
#include "geodata/import_report.h"

namespace bokji::geodata {

struct ImportResult {
  Dataset dataset;
  ImportReport report;  // bundle_path and bundle_bytes are left empty: nothing was written
};

// Reads and places every source of `config`. `built` becomes Dataset::built. DEFAULT (0): today's
// date.
Result<ImportResult> RunImport(const ImportConfig& config, Date built = 0);

// RunImport, then writes the bundle to `bundle_path` and the report to `report_prefix` + ".json" /
// ".txt". The bundle is checked by loading it back, written to a temporary file next to
// `bundle_path` and renamed into place only when everything succeeded: a failed import leaves no
// bundle (and an earlier bundle at that path untouched). `config_path` is only recorded in the
// report.
Result<ImportReport> ImportToFiles(const ImportConfig& config, const std::string& config_path,
                                   const std::string& bundle_path,
                                   const std::string& report_prefix);

}  // namespace bokji::geodata
