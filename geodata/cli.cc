#include "geodata/cli.h"

#include <map>

#include "geodata/import_config.h"
#include "geodata/importer.h"

namespace bokji::geodata {
namespace {

constexpr const char* kUsage =
    "usage: geodata import --config CONFIG.json --out OUT.bundle --report REPORT [--data-root "
    "DIR]\n"
    "\n"
    "  Reads the official files a mapping config lists, validates every row and writes the bundle "
    "the\n"
    "  app loads, plus REPORT.json and REPORT.txt (every rejected row with its reason, every "
    "warning).\n"
    "  --data-root DIR replaces ${data_root} in the config's file paths; other relative paths are\n"
    "  relative to the config file. See geodata/README.md.\n";

}  // namespace

int RunCli(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err) {
  if (arguments.empty() || arguments[0] == "--help" || arguments[0] == "-h" ||
      arguments[0] == "help") {
    (arguments.empty() ? err : out) << kUsage;
    return arguments.empty() ? 2 : 0;
  }
  if (arguments[0] != "import") {
    err << "geodata: unknown command '" << arguments[0] << "'\n" << kUsage;
    return 2;
  }
  std::map<std::string, std::string> options = {
      {"--config", ""}, {"--out", ""}, {"--report", ""}, {"--data-root", ""}};
  for (size_t i = 1; i < arguments.size(); ++i) {
    const auto option = options.find(arguments[i]);
    if (option == options.end() || i + 1 == arguments.size()) {
      err << "geodata: " << (option == options.end() ? "unknown option '" : "missing value for '")
          << arguments[i] << "'\n"
          << kUsage;
      return 2;
    }
    option->second = arguments[++i];
  }
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
