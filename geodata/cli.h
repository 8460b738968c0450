// The `geodata` command line, as a function so tests can run it without a process.
//
//   geodata import --config CONFIG.json --out OUT.bundle --report REPORT [--data-root DIR]
//   geodata export-hsds --bundle IN.bundle --out DIR
//
//   int code = bokji::geodata::RunCli({"import", "--config", "c.json", "--out", "o.bundle",
//                                      "--report", "r"}, std::cout, std::cerr);
//
// Exit codes: 0 success (import: bundle, REPORT.json and REPORT.txt written; export-hsds: the HSDS
// files; one summary line on `out`); 1 the import or export failed (the reason on `err`; import
// writes no bundle); 2 a usage mistake (usage on `err`).
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace bokji::geodata {

// `arguments` excludes the program name.
int RunCli(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err);

}  // namespace bokji::geodata
