// Writes the fuzz targets' seed corpus from the real shared data (read in place; the corpus goes to
// the build folder, never into the repository):
//   OUT/bundle/  small bundles cut from the sample import: a few facilities of each position
//                quality, programs, the smallest regions (whole bundles of megabytes would make
//                each execution milliseconds long)
//   OUT/rows/    rows of every facility file of the sample config in fuzz_import_rows's format,
//                UTF-8 and CP949
//
//   fuzz_make_corpus OUT
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "core/bundle.h"
#include "cpl_conv.h"
#include "cpl_string.h"
#include "geodata/import_config.h"
#include "geodata/import_steps.h"
#include "geodata/importer.h"
#include "geodata/table_reader.h"

namespace bokji::geodata {
namespace {

void Write(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

std::string ToCp949(const std::string& utf8) {
  char* recoded = CPLRecode(utf8.c_str(), CPL_ENC_UTF8, "CP949");
  std::string bytes(recoded);
  CPLFree(recoded);
  return bytes;
}

int BundleSeeds(const Dataset& full, const std::filesystem::path& dir) {
  // The regions with the fewest vertices, keeping their codes (approximate facilities name them).
  std::vector<const Region*> small;
  for (const Region& r : full.regions) small.push_back(&r);
  auto vertices = [](const Region* r) {
    size_t n = 0;
    for (const Ring& ring : r->rings) n += ring.size();
    return n;
  };
  std::sort(small.begin(), small.end(),
            [&](const Region* a, const Region* b) { return vertices(a) < vertices(b); });
  // Facilities of each position quality, spread over the sources.
  std::vector<std::vector<size_t>> by_quality(kPositionQualityCount);
  for (size_t i = 0; i < full.facilities.size(); ++i)
    by_quality[static_cast<int>(full.facilities[i].position_quality)].push_back(i);
  int written = 0;
  Write(dir / "empty.bundle", [] {
    const std::vector<uint8_t> b = WriteBundle(Dataset{});
    return std::string(b.begin(), b.end());
  }());
  ++written;
  // Programs with the least text, so a seed stays a few kilobytes (each execution is then fast).
  std::vector<size_t> programs(full.programs.size());
  for (size_t i = 0; i < programs.size(); ++i) programs[i] = i;
  auto text_size = [&](size_t i) {
    const Program& p = full.programs[i];
    return p.summary.size() + p.eligibility.size() + p.selection_criteria.size() +
           p.benefits.size() + p.how_to_apply.size() + p.contact.size();
  };
  std::sort(programs.begin(), programs.end(),
            [&](size_t a, size_t b) { return text_size(a) < text_size(b); });
  programs.resize(std::min<size_t>(programs.size(), 64));
  for (int seed = 0; seed < 48; ++seed) {
    Dataset d;
    d.title = full.title;
    d.built = full.built;
    // Only the sources the chosen records use, renumbered.
    std::map<uint16_t, uint16_t> renumbered;
    auto source_of = [&](uint16_t old) {
      const auto [it, added] = renumbered.emplace(old, static_cast<uint16_t>(d.sources.size()));
      if (added) d.sources.push_back(full.sources[old]);
      return it->second;
    };
    for (int q = 0; q < kPositionQualityCount; ++q) {
      const std::vector<size_t>& pool = by_quality[q];
      if (pool.empty()) continue;
      for (int k = 0; k < 1 + seed % 2; ++k) {
        Facility f = full.facilities[pool[(seed * 131 + k * 977) % pool.size()]];
        f.source = source_of(f.source);
        d.facilities.push_back(std::move(f));
      }
    }
    for (int k = 0; k < seed % 3; ++k) {
      Program p = full.programs[programs[(seed * 7 + k * 13) % programs.size()]];
      p.source = source_of(p.source);
      d.programs.push_back(std::move(p));
    }
    d.regions.push_back(*small[seed % 12]);
    const std::vector<uint8_t> bytes = WriteBundle(d);
    Write(dir / ("sample-" + std::to_string(seed) + ".bundle"),
          std::string(bytes.begin(), bytes.end()));
    ++written;
  }
  return written;
}

int RowSeeds(const ImportConfig& config, const std::filesystem::path& dir) {
  int written = 0;
  const char* fields[] = {"name", "road_address", "phone", "homepage", "x",
                          "y",    "sigungu",      "hours", "id"};
  for (const SourceConfig& source : config.sources) {
    if (source.kind != SourceKind::kFacilities) continue;
    Result<Table> table = ReadTable(source);
    if (!table.ok()) continue;
    Result<SourceColumns> columns = ResolveColumns(source, table.value());
    if (!columns.ok()) continue;
    const std::vector<TableRow>& rows = table.value().rows;
    // Flags as the source would be configured: province check, address placement, area code.
    const uint8_t flags = static_cast<uint8_t>((source.province_check ? 4 : 0) |
                                               (source.address_placement.enabled ? 8 : 0) |
                                               (!source.phone_area_code.empty() ? 16 : 0));
    const size_t step = std::max<size_t>(1, rows.size() / 24);
    for (size_t i = 0; i < rows.size(); i += step) {
      std::string lines;
      for (size_t r = i; r < std::min(rows.size(), i + 1 + i % 3); ++r) {
        for (size_t f = 0; f < std::size(fields); ++f)
          lines += columns.value().Get(rows[r], fields[f]) + "\t";
        lines += "2025-03\n";
      }
      const std::string name = source.id + "-" + std::to_string(i);
      Write(dir / (name + ".utf8"), std::string(1, static_cast<char>(flags)) + lines);
      const std::string cp949 = ToCp949(lines);
      if (!cp949.empty())
        Write(dir / (name + ".cp949"), std::string(1, static_cast<char>(flags | 1)) + cp949);
      written += 2;
    }
  }
  return written;
}

}  // namespace
}  // namespace bokji::geodata

int main(int argc, char** argv) {
  using namespace bokji::geodata;
  if (argc != 2) {
    std::cerr << "usage: fuzz_make_corpus OUT\n";
    return 2;
  }
  const std::filesystem::path out = argv[1];
  std::filesystem::create_directories(out / "bundle");
  std::filesystem::create_directories(out / "rows");
  bokji::Result<ImportConfig> config = LoadImportConfig(
      std::string(BOKJI_SOURCE_DIR) + "/geodata/config/jeonbuk-sample.json", BOKJI_SHARED_DATA_DIR);
  if (!config.ok()) {
    std::cerr << config.status().message() << "\n";
    return 1;
  }
  bokji::Result<ImportResult> imported = RunImport(config.value());
  if (!imported.ok()) {
    std::cerr << imported.status().message() << "\n";
    return 1;
  }
  const int bundles = BundleSeeds(imported.value().dataset, out / "bundle");
  const int rows = RowSeeds(config.value(), out / "rows");
  std::cout << "fuzz corpus: " << bundles << " bundles, " << rows << " row files in "
            << out.string() << "\n";
  return 0;
}
