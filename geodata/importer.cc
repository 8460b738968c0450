// Index
//   - Shared pieces of the steps   SourceColumns, SourceTransformer, ImportState, text helpers
//   - RunImport                    the steps in kind order
//   - ImportToFiles                bundle and report, written only when all went well

#include "geodata/importer.h"

#include <unistd.h>

#include <cassert>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <limits>

#include "core/bundle.h"
#include "geodata/import_steps.h"

namespace bokji::geodata {

// ---------------------------------------------------------------------------------------------------------
// Shared pieces of the steps
// ---------------------------------------------------------------------------------------------------------

std::string SourceColumns::Get(const TableRow& row, const std::string& field) const {
  const auto it = indices_.find(field);
  if (it == indices_.end()) return "";
  std::string joined;
  for (int index : it->second) {
    const std::string cell = Trim(row.values[index]);
    if (!cell.empty()) joined += (joined.empty() ? "" : " ") + cell;
  }
  return joined;
}

std::string SourceColumns::Column(const TableRow& row, const std::string& column) const {
  const auto it = rule_columns_.find(column);
  return it == rule_columns_.end() ? "" : Trim(row.values[it->second]);
}

Result<SourceColumns> ResolveColumns(const SourceConfig& source, const Table& table) {
  SourceColumns resolved;
  auto resolve = [&](const std::string& field, const std::string& column) -> Status {
    const int index = table.ColumnIndex(column);
    if (index < 0) {
      return Status::Error(
          source.path + ": source '" + source.id + "' maps " + field + " to column '" + column +
          "', which the file does not have; its columns are: " + table.ColumnList());
    }
    resolved.indices_[field].push_back(index);
    return Status::Ok();
  };
  for (const auto& [field, names] : source.columns) {
    for (const std::string& name : names) {
      if (Status status = resolve(field, name); !status.ok()) return status;
    }
  }
  // The category and target rules name file columns directly.
  for (const std::string* column : {&source.category.column, &source.targets.column}) {
    if (column->empty()) continue;
    const int index = table.ColumnIndex(*column);
    if (index < 0) {
      return Status::Error(
          source.path + ": source '" + source.id + "' looks up column '" + *column +
          "', which the file does not have; its columns are: " + table.ColumnList());
    }
    resolved.rule_columns_[*column] = index;
  }
  return resolved;
}

Result<CoordinateTransformer> SourceTransformer(const SourceConfig& source, const Table& table) {
  const std::string& crs = source.crs.empty() ? table.crs_wkt : source.crs;
  if (crs.empty()) {
    return Status::Error(
        source.path + ": source '" + source.id +
        "' has coordinates but no CRS: set \"crs\" (e.g. \"EPSG:4326\" for lon/lat)");
  }
  Result<CoordinateTransformer> transformer = CoordinateTransformer::ToWgs84From(crs);
  if (!transformer.ok())
    return Status::Error("source '" + source.id + "': " + transformer.status().message());
  return transformer;
}

Result<const CoordinateTransformer*> ImportState::TransformerFor(const SourceConfig& source,
                                                                 const Table& table) {
  const std::string& crs = source.crs.empty() ? table.crs_wkt : source.crs;
  if (const auto it = transformers.find(crs); it != transformers.end()) return it->second.get();
  Result<CoordinateTransformer> made = SourceTransformer(source, table);
  if (!made.ok()) return made.status();
  auto& slot = transformers[crs];
  slot = std::make_unique<CoordinateTransformer>(std::move(made.value()));
  return slot.get();
}

uint16_t ImportState::AddSource(const Source& source) {
  // Bundles index sources with 16 bits; a config with that many sources is a mistake, not data.
  assert(data.sources.size() < std::numeric_limits<uint16_t>::max());
  data.sources.push_back(source);
  return static_cast<uint16_t>(data.sources.size() - 1);
}

const Region* ImportState::FindRegion(LatLng p, RegionLevel level) const {
  if (region_index == nullptr) return nullptr;
  const int index = region_index->Find(p, level);
  return index < 0 ? nullptr : &data.regions[index];
}

std::string Trim(std::string_view text) {
  size_t begin = 0, end = text.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  return std::string(text.substr(begin, end - begin));
}

std::vector<std::string> SplitList(std::string_view text) {
  std::vector<std::string> items;
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t end = text.find(',', begin);
    if (end == std::string_view::npos) end = text.size();
    if (std::string item = Trim(text.substr(begin, end - begin)); !item.empty())
      items.push_back(item);
    begin = end + 1;
  }
  return items;
}

bool IsProvinceName(const ImportConfig& config, std::string_view name) {
  const std::string wanted = WithoutSpaces(name);
  for (const std::string& province : config.province_names)
    if (WithoutSpaces(province) == wanted) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------------------
// RunImport
// ---------------------------------------------------------------------------------------------------------

namespace {

Date Today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return static_cast<Date>((local.tm_year + 1900) * 10000 + (local.tm_mon + 1) * 100 +
                           local.tm_mday);
}

constexpr SourceKind kKindOrder[] = {
    SourceKind::kBoundaries,    SourceKind::kFacilities,      SourceKind::kProgramsCentral,
    SourceKind::kProgramsLocal, SourceKind::kProgramsPrivate, SourceKind::kProgramsDetail,
    SourceKind::kEducation,
};

}  // namespace

Result<ImportResult> RunImport(const ImportConfig& config, Date built) {
  const auto start = std::chrono::steady_clock::now();
  ImportState state(config);
  state.data.title = config.title;
  state.data.built = built != 0 ? built : Today();
  ImportResult result;

  for (SourceKind kind : kKindOrder) {
    if (kind == SourceKind::kFacilities) {
      if (Status status = FinishRegions(state); !status.ok()) return status;
    }
    for (const SourceConfig& source : config.sources) {
      if (source.kind != kind) continue;
      Result<Table> table = ReadTable(source);
      if (!table.ok()) return table.status();
      Result<SourceColumns> columns = ResolveColumns(source, table.value());
      if (!columns.ok()) return columns.status();

      SourceReport& report = result.report.sources.emplace_back();
      report.id = source.id;
      report.kind = SourceKindName(source.kind);
      report.file = source.path;
      const uint16_t source_index = state.AddSource(source.metadata);
      Status status;
      switch (kind) {
        case SourceKind::kBoundaries:
          status = ImportBoundaries(source, table.value(), columns.value(), state, report);
          break;
        case SourceKind::kFacilities:
          status =
              ImportFacilities(source, table.value(), columns.value(), source_index, state, report);
          break;
        case SourceKind::kEducation:
          status =
              ImportEducation(source, table.value(), columns.value(), source_index, state, report);
          break;
        default:
          status =
              ImportPrograms(source, table.value(), columns.value(), source_index, state, report);
          break;
      }
      if (!status.ok()) return status;
      if (!report.CountsAddUp()) {  // a bug in a step, not a data problem; checked in release
                                    // builds too
        return Status::Error("internal error: source '" + source.id + "' read " +
                             std::to_string(report.rows_read) + " rows but placed " +
                             std::to_string(report.rows_placed) + " and rejected " +
                             std::to_string(report.rejected.size()));
      }
    }
  }
  FinishPrograms(state);

  result.report.title = config.title;
  result.report.facilities = static_cast<int>(state.data.facilities.size());
  result.report.programs = static_cast<int>(state.data.programs.size());
  result.report.regions = static_cast<int>(state.data.regions.size());
  result.report.education = static_cast<int>(state.data.education.size());
  result.report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // RegionIndex and RegionNames point into state.data.regions: drop them before the Dataset moves
  // out.
  state.region_index.reset();
  state.region_names.reset();
  result.dataset = std::move(state.data);
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// ImportToFiles
// ---------------------------------------------------------------------------------------------------------

namespace {

// Writes `bytes` to a temporary file next to `path` and returns its name; the caller renames it
// into place.
Result<std::string> WriteTemporary(const std::string& path, const void* bytes, size_t size) {
  const std::string temporary = path + ".tmp-" + std::to_string(::getpid());
  std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
  out.write(static_cast<const char*>(bytes), static_cast<std::streamsize>(size));
  out.close();
  if (!out) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    return Status::Error("cannot write '" + temporary + "' (does the folder exist?)");
  }
  return temporary;
}

Status RenameInto(const std::string& temporary, const std::string& path) {
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (!error) return Status::Ok();
  std::filesystem::remove(temporary, error);
  return Status::Error("cannot move '" + temporary + "' to '" + path + "': " + error.message());
}

}  // namespace

Result<ImportReport> ImportToFiles(const ImportConfig& config, const std::string& config_path,
                                   const std::string& bundle_path,
                                   const std::string& report_prefix) {
  const auto start = std::chrono::steady_clock::now();
  Result<ImportResult> imported = RunImport(config);
  if (!imported.ok()) return imported.status();
  const Dataset& data = imported.value().dataset;
  ImportReport report = std::move(imported.value().report);

  const std::vector<uint8_t> bundle = WriteBundle(data);
  // Load what we are about to publish: a bundle the app cannot read must never replace a good one.
  Result<Dataset> loaded = LoadBundle(bundle.data(), bundle.size());
  if (!loaded.ok()) {
    return Status::Error("internal error: the new bundle does not load back: " +
                         loaded.status().message());
  }
  if (loaded.value().facilities.size() != data.facilities.size() ||
      loaded.value().programs.size() != data.programs.size() ||
      loaded.value().regions.size() != data.regions.size() ||
      loaded.value().education.size() != data.education.size()) {
    return Status::Error("internal error: the new bundle loads back with different record counts");
  }

  // The bundle goes to a temporary file, the reports into place, and only then the bundle into
  // place: any failure on the way leaves no new bundle (and an earlier one untouched).
  Result<std::string> bundle_temporary = WriteTemporary(bundle_path, bundle.data(), bundle.size());
  if (!bundle_temporary.ok()) return bundle_temporary.status();
  report.config_path = config_path;
  report.bundle_path = bundle_path;
  report.bundle_bytes = bundle.size();
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const std::string json = ReportJson(report);
  const std::string text = ReportText(report);
  for (const auto& [path, content] :
       {std::pair{report_prefix + ".json", &json}, std::pair{report_prefix + ".txt", &text}}) {
    Result<std::string> temporary = WriteTemporary(path, content->data(), content->size());
    Status status = temporary.ok() ? RenameInto(temporary.value(), path) : temporary.status();
    if (!status.ok()) {
      std::error_code ignored;
      std::filesystem::remove(bundle_temporary.value(), ignored);
      return status;
    }
  }
  if (Status status = RenameInto(bundle_temporary.value(), bundle_path); !status.ok())
    return status;
  return report;
}

}  // namespace bokji::geodata
