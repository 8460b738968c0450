// Fuzz target: the importer's row parsing (libFuzzer, with ASan and UBSan): coordinates, phones,
// links, hours, dates, names, addresses and CP949 text, cell by cell and as whole facility rows
// through ImportFacilities against the real Jeonbuk boundaries.
//
// Input: one flags byte, then rows separated by '\n' with cells separated by '\t', in this order:
//   name, road_address, phone, homepage, x, y, sigungu, hours, id, date
// Flags: bit 0 the cells are CP949 (recoded as the table reader does), bit 1 the coordinates are
// EPSG:5186 (else WGS84), bit 2 province_check with a 1 km boundary tolerance, bit 3 address
// placement, bit 4 a phone area code. Cells that are not valid UTF-8 after decoding end the input
// (the table reader fails such a file as a whole).
//
// Checked beyond "no crash, no sanitizer report": every row is placed or rejected once; every
// placed facility has a name, a web link or none, a consistent approximate position, valid UTF-8
// text; the facilities write as a bundle that loads back; the cell parsers keep their contracts.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "core/bundle.h"
#include "core/links.h"
#include "core/opening_hours.h"
#include "geodata/coordinates.h"
#include "geodata/import_config.h"
#include "geodata/import_steps.h"
#include "geodata/row_text.h"
#include "geodata/table_reader.h"

namespace bokji::geodata {
namespace {

#define FUZZ_CHECK(condition)                                                              \
  do {                                                                                     \
    if (!(condition)) {                                                                    \
      __builtin_printf("FUZZ_CHECK failed: %s (%s:%d)\n", #condition, __FILE__, __LINE__); \
      std::abort();                                                                        \
    }                                                                                      \
  } while (0)

constexpr const char* kColumns[] = {"name", "road_address", "phone", "homepage", "x",
                                    "y",    "sigungu",      "hours", "id",       "date"};
constexpr size_t kColumnCount = sizeof kColumns / sizeof kColumns[0];
constexpr size_t kMaxRows = 16;

// The Jeonbuk boundaries, read once, and one facilities source per flag combination.
struct Fixture {
  ImportConfig config;
  std::unique_ptr<ImportState> state;
  std::vector<SourceConfig> sources;  // indexed by flags >> 1 & 0xF
};

Fixture* MakeFixture() {
  auto* fixture = new Fixture;
  const std::string root = BOKJI_SHARED_DATA_DIR;
  Result<ImportConfig> config = ParseImportConfig(R"({
    "title": "fuzz", "province": {"code": 35, "names": ["전북특별자치도", "전라북도", "전북"]},
    "sources": [
      {"id": "도", "kind": "boundaries", "file": "${data_root}/boundaries/jeonbuk-provinces-2018-geo.json",
       "columns": {"code": "code", "name": "name"},
       "metadata": {"name": "b", "publisher": "p", "licence": "l", "data_date": "2018-12-24"}},
      {"id": "시군구", "kind": "boundaries", "file": "${data_root}/boundaries/jeonbuk-municipalities-2018-geo.json",
       "columns": {"code": "code", "name": "name"},
       "metadata": {"name": "b", "publisher": "p", "licence": "l", "data_date": "2018-12-24"}},
      {"id": "읍면동", "kind": "boundaries", "file": "${data_root}/boundaries/jeonbuk-submunicipalities-2018-geo.json",
       "columns": {"code": "code", "name": "name"},
       "metadata": {"name": "b", "publisher": "p", "licence": "l", "data_date": "2018-12-24"}}]})",
                                                  ".", root);
  if (!config.ok()) {
    __builtin_printf("fuzz fixture: %s\n", config.status().message().c_str());
    std::abort();
  }
  fixture->config = std::move(config.value());
  fixture->state = std::make_unique<ImportState>(fixture->config);
  for (const SourceConfig& source : fixture->config.sources) {
    Result<Table> table = ReadTable(source);
    FUZZ_CHECK(table.ok());
    Result<SourceColumns> columns = ResolveColumns(source, table.value());
    FUZZ_CHECK(columns.ok());
    SourceReport report;
    FUZZ_CHECK(
        ImportBoundaries(source, table.value(), columns.value(), *fixture->state, report).ok());
  }
  FUZZ_CHECK(FinishRegions(*fixture->state).ok());
  fixture->state->AddSource({"fuzz", "fuzz", "fuzz", 20250300, "note"});

  for (int variant = 0; variant < 16; ++variant) {
    SourceConfig source;
    source.id = "fuzz";
    source.kind = SourceKind::kFacilities;
    source.crs = (variant & 1) ? "EPSG:5186" : "EPSG:4326";
    source.province_check = (variant & 2) != 0;
    source.boundary_tolerance_m = source.province_check ? 1000 : 0;
    source.address_placement.enabled = (variant & 4) != 0;
    source.address_placement.aliases["게북면"] = "계북면";
    source.phone_area_code = (variant & 8) ? "063" : "";
    source.name_replacements = {{"@", "아파트"}, {"경 로 당", "경로당"}};
    source.category.fixed = FacilityCategory::kSeniorCenter;
    source.metadata = {"fuzz", "fuzz", "fuzz", 20250300, "note"};
    for (const char* field :
         {"name", "road_address", "phone", "homepage", "x", "y", "sigungu", "hours", "id"}) {
      source.columns[field] = {field};
    }
    fixture->sources.push_back(std::move(source));
  }
  return fixture;
}

Fixture& TheFixture() {
  static Fixture* fixture = MakeFixture();
  return *fixture;
}

// Column indexes of kColumns.
enum Column { kName, kAddress, kPhone, kHomepage, kX, kY, kSigungu, kHours, kId, kDate };

// The cell parsers on the cells they are meant for, with their contracts. (The mutator moves any
// bytes into any cell, so each parser still sees everything.)
void ParseCells(const std::vector<std::string>& cell, const Fixture& fixture) {
  for (const Column c : {kX, kY})
    if (const std::optional<double> value = ParseCoordinate(cell[c]))
      FUZZ_CHECK(std::isfinite(*value));
  for (const char* area : {"", "063"}) {
    const NormalisedPhone phone = NormalisePhone(cell[kPhone], area);
    FUZZ_CHECK(IsUtf8(phone.phone));
    FUZZ_CHECK((phone.outcome == NormalisedPhone::kEmpty) == phone.phone.empty());
  }
  const NormalisedLink link = NormaliseLink(cell[kHomepage]);
  FUZZ_CHECK(link.link.empty() ==
             (link.outcome == NormalisedLink::kEmpty || link.outcome == NormalisedLink::kDropped));
  FUZZ_CHECK(link.link.empty() || IsWebLink(link.link));
  if (const std::optional<WeeklyHours> hours = ParseOpeningHours(cell[kHours])) {
    for (int day = 0; day < 7; ++day)
      for (const OpenInterval& interval : hours->open[day])
        FUZZ_CHECK(interval.open_minute >= 0 && interval.open_minute < interval.close_minute);
  }
  for (const Date date : {ParseDate(cell[kDate]), ParseSourceDate(cell[kDate])}) {
    if (date == 0) continue;
    const uint32_t month = date / 100 % 100, day = date % 100;
    FUZZ_CHECK(month <= 12 && day <= 31 && date / 10000 >= 1900);
  }
  if (const DateTime moment = ParseDateTime(cell[kDate]); moment != 0)
    FUZZ_CHECK(moment / 100 % 100 < 60);
  FUZZ_CHECK(IsUtf8(ApplyNameReplacements(cell[kName], {{"@", "아파트"}, {"경 로 당", "경로당"}})));
  for (const std::string& token : AddressTokens(cell[kAddress]))
    FUZZ_CHECK(!token.empty() && IsUtf8(token));
  const AddressMatch match = fixture.state->region_names->Match(
      fixture.sources[4].address_placement, cell[kAddress], cell[kSigungu]);
  if (match.emd != nullptr)
    FUZZ_CHECK(match.sigungu != nullptr && match.emd->code / 100 == match.sigungu->code);
}

// Frees what one input added to the shared state, capacity included: libFuzzer counts mallocs
// against frees per input and runs a leak check (slow) whenever they differ.
void ResetFacilities(ImportState& state) {
  std::vector<Facility>().swap(state.data.facilities);
  std::vector<RowOrigin>().swap(state.facility_origins);
  state.facilities_by_name = {};
  state.facilities_by_point = {};
  state.facilities_by_name_address = {};
}

}  // namespace
}  // namespace bokji::geodata

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace bokji;
  using namespace bokji::geodata;
  if (size == 0) return 0;
  Fixture& fixture = TheFixture();
  const uint8_t flags = data[0];
  const bool cp949 = flags & 1;

  Table table;
  for (const char* column : kColumns) table.columns.push_back(column);
  std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  size_t begin = 0;
  while (begin <= text.size() && table.rows.size() < kMaxRows) {
    size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    TableRow row;
    row.number = static_cast<int>(table.rows.size()) + 1;
    row.values.resize(kColumnCount);
    size_t cell_begin = begin;
    for (size_t c = 0; c < kColumnCount && cell_begin <= end; ++c) {
      size_t cell_end = text.find('\t', cell_begin);
      if (cell_end == std::string::npos || cell_end > end) cell_end = end;
      std::string cell = text.substr(cell_begin, cell_end - cell_begin);
      cell = cell.substr(0, cell.find('\0'));  // cells are C strings in GDAL
      if (cp949) cell = Cp949ToUtf8(cell);
      if (!IsUtf8(cell)) return 0;  // the reader fails such a file as a whole
      row.values[c] = std::move(cell);
      cell_begin = cell_end + 1;
    }
    table.rows.push_back(std::move(row));
    begin = end + 1;
  }
  for (const TableRow& row : table.rows) ParseCells(row.values, fixture);

  // Whole rows through the importer.
  ImportState& state = *fixture.state;
  const SourceConfig& source = fixture.sources[(flags >> 1) & 0xF];
  Result<SourceColumns> columns = ResolveColumns(source, table);
  FUZZ_CHECK(columns.ok());
  SourceReport report;
  const Status status = ImportFacilities(source, table, columns.value(), 0, state, report);
  FUZZ_CHECK(status.ok());
  FUZZ_CHECK(report.CountsAddUp());
  FUZZ_CHECK(report.rows_read == static_cast<int>(table.rows.size()));
  int by_quality = 0;
  for (int q = 0; q < kPositionQualityCount; ++q) by_quality += report.placed_by_quality[q];
  FUZZ_CHECK(by_quality == report.rows_placed);
  for (const Facility& f : state.data.facilities) {
    FUZZ_CHECK(!f.name.empty() && IsUtf8(f.name) && IsUtf8(f.phone));
    FUZZ_CHECK(f.homepage.empty() || IsWebLink(f.homepage));
    FUZZ_CHECK(f.verified == 20250300);
    if (IsApproximate(f.position_quality)) {
      FUZZ_CHECK(f.sigungu_code != 0);
      FUZZ_CHECK((f.position_quality == PositionQuality::kApproxEmd) == (f.emd_code != 0));
    } else {
      FUZZ_CHECK(InKorea(f.position));
    }
  }
  // What the importer places, the reader accepts.
  Dataset out;
  out.sources = state.data.sources;
  out.facilities = state.data.facilities;
  const std::vector<uint8_t> bytes = WriteBundle(out);
  Result<Dataset> loaded = LoadBundle(bytes.data(), bytes.size());
  FUZZ_CHECK(loaded.ok());
  FUZZ_CHECK(loaded.value().facilities.size() == out.facilities.size());
  ResetFacilities(state);
  return 0;
}
