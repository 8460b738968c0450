#include "geodata/cli.h"

#include <map>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/bundle.h"
#include "geodata/hsds_export.h"
#include "geodata/import_config.h"
#include "geodata/importer.h"

namespace bokji::geodata {
namespace {

constexpr const char* kUsage =
    "usage: geodata import --config CONFIG.json --out OUT.bundle --report REPORT [--data-root "
    "DIR]\n"
    "       geodata export-hsds --bundle IN.bundle --out DIR\n"
    "\n"
    "  Reads the official files a mapping config lists, validates every row and writes the bundle "
    "the\n"
    "  app loads, plus REPORT.json and REPORT.txt (every rejected row with its reason, every "
    "warning).\n"
    "  --data-root DIR replaces ${data_root} in the config's file paths; other relative paths are\n"
    "  relative to the config file. See geodata/README.md.\n"
    "\n"
    "  export-hsds writes the bundle's facilities and programs as Open Referral HSDS 3.0 tables\n"
    "  (organizations, services, locations, addresses, phones, schedules, service_at_locations;\n"
    "  one JSON array per table) into DIR.\n";

// Options "--name value" into `options` (whose keys are the allowed names); false after printing
// the mistake.
bool ParseOptions(const std::vector<std::string>& arguments,
                  std::map<std::string, std::string>& options, std::ostream& err) {
  for (size_t i = 1; i < arguments.size(); ++i) {
    const auto option = options.find(arguments[i]);
    if (option == options.end() || i + 1 == arguments.size()) {
      err << "geodata: " << (option == options.end() ? "unknown option '" : "missing value for '")
          << arguments[i] << "'\n"
          << kUsage;
      return false;
    }
    option->second = arguments[++i];
  }
  return true;
}

int ExportHsdsCommand(const std::vector<std::string>& arguments, std::ostream& out,
                      std::ostream& err) {
  std::map<std::string, std::string> options = {{"--bundle", ""}, {"--out", ""}};
  if (!ParseOptions(arguments, options, err)) return 2;
  for (const char* required : {"--bundle", "--out"}) {
    if (options[required].empty()) {
      err << "geodata: " << required << " is required\n" << kUsage;
      return 2;
    }
  }
  std::ifstream file(options["--bundle"], std::ios::binary);
  std::ostringstream bytes;
  bytes << file.rdbuf();
  if (!file) {
    err << "geodata: export failed: cannot read '" << options["--bundle"] << "'\n";
    return 1;
  }
  const std::string content = bytes.str();
  Result<Dataset> data =
      LoadBundle(reinterpret_cast<const uint8_t*>(content.data()), content.size());
  if (!data.ok()) {
    err << "geodata: export failed: " << data.status().message() << "\n";
    return 1;
  }
  Result<HsdsCounts> counts = ExportHsds(data.value(), options["--out"]);
  if (!counts.ok()) {
    err << "geodata: export failed: " << counts.status().message() << "\n";
    return 1;
  }
  const HsdsCounts& c = counts.value();
  char line[320];
  std::snprintf(line, sizeof line,
                "geodata: HSDS 3.0 in %s: %d organizations, %d services, %d locations (%d without "
                "coordinates: placed by address), %d addresses, %d phones, %d schedules",
                options["--out"].c_str(), c.organizations, c.services, c.locations,
                c.approximate_locations, c.addresses, c.phones, c.schedules);
  out << line << "\n";
  return 0;
}

}  // namespace

int RunCli(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err) {
  if (arguments.empty() || arguments[0] == "--help" || arguments[0] == "-h" ||
      arguments[0] == "help") {
    (arguments.empty() ? err : out) << kUsage;
    return arguments.empty() ? 2 : 0;
  }
  if (arguments[0] == "export-hsds") return ExportHsdsCommand(arguments, out, err);
  if (arguments[0] != "import") {
    err << "geodata: unknown command '" << arguments[0] << "'\n" << kUsage;
    return 2;
  }
  std::map<std::string, std::string> options = {
      {"--config", ""}, {"--out", ""}, {"--report", ""}, {"--data-root", ""}};
  if (!ParseOptions(arguments, options, err)) return 2;
  for (const char* required : {"--config", "--out", "--report"}) {
    if (options[required].empty()) {
      err << "geodata: " << required << " is required\n" << kUsage;
      return 2;
    }
  }

  Result<ImportConfig> config = LoadImportConfig(options["--config"], options["--data-root"]);
  if (!config.ok()) {
    err << "geodata: import failed, no bundle written: " << config.status().message() << "\n";
    return 1;
  }
  Result<ImportReport> report =
      ImportToFiles(config.value(), options["--config"], options["--out"], options["--report"]);
  if (!report.ok()) {
    err << "geodata: import failed, no bundle written: " << report.status().message() << "\n";
    return 1;
  }
  out << SummaryLine(report.value()) << "\n";
  return 0;
}

}  // namespace bokji::geodata
