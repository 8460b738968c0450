// Index
//   - Text helpers        recoding and the UTF-8 check
//   - xml_rows            <root><Row><필드>value</필드>…</Row></root> with expat
//   - GDAL/OGR layers     every vector format GDAL reads
//   - ReadTable

#include "geodata/table_reader.h"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <unordered_map>
#include <utility>

#include "cpl_conv.h"
#include "cpl_error.h"
#include "cpl_string.h"
#include "expat.h"
#include "gdal.h"
#include "ogr_api.h"
#include "ogrsf_frmts.h"

namespace bokji::geodata {

int Table::ColumnIndex(std::string_view name) const {
  for (size_t i = 0; i < columns.size(); ++i)
    if (columns[i] == name) return static_cast<int>(i);
  return -1;
}

std::string Table::ColumnList() const {
  std::string list;
  for (const std::string& column : columns) list += (list.empty() ? "" : ", ") + column;
  return list;
}

// ---------------------------------------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------------------------------------

std::string Cp949ToUtf8(const std::string& bytes) {
  // One conversion descriptor for the process: opening one per cell (as CPLRecode does) cost more
  // than the rest of a CP949 import. The importer is single-threaded (see importer.h).
  static iconv_t from_cp949 = iconv_open("UTF-8", "CP949");
  if (from_cp949 == reinterpret_cast<iconv_t>(-1)) {  // no CP949 in this C library: GDAL's way
    char* recoded = CPLRecode(bytes.c_str(), "CP949", CPL_ENC_UTF8);
    std::string text(recoded);
    CPLFree(recoded);
    return text;
  }
  iconv(from_cp949, nullptr, nullptr, nullptr, nullptr);        // back to the initial state
  const std::string input = bytes.substr(0, bytes.find('\0'));  // cells are C strings
  std::string text;
  char* in = const_cast<char*>(input.data());
  size_t in_left = input.size();
  char buffer[1024];
  while (in_left > 0) {
    char* out = buffer;
    size_t out_left = sizeof buffer;
    const size_t converted = iconv(from_cp949, &in, &in_left, &out, &out_left);
    text.append(buffer, out - buffer);
    if (converted != static_cast<size_t>(-1) || errno == E2BIG) continue;
    // An invalid or cut-off sequence: U+FFFD for its first byte, then go on. glibc's CP949 may
    // report EILSEQ having consumed the bytes already (A2 E8 at the end of a cell: in_left 0), so
    // skip a byte only when one is left (fuzz finding, 2026-12-06: in_left wrapped around).
    text += "\xEF\xBF\xBD";
    if (in_left > 0) {
      ++in;
      --in_left;
    }
    iconv(from_cp949, nullptr, nullptr, nullptr, nullptr);
  }
  return text;
}

bool IsUtf8(std::string_view text) {
  return CPLIsUTF8(text.data(), static_cast<int>(text.size())) != 0;
}

namespace {

// Fails naming the first column name or cell of `table` that is not valid UTF-8.
Status CheckUtf8(const SourceConfig& source, const Table& table) {
  const std::string hint =
      source.encoding == Encoding::kUtf8
          ? " (the config says UTF-8; if the file is CP949/EUC-KR, set \"encoding\": "
            "\"CP949\")"
          : "";
  for (const std::string& column : table.columns) {
    if (!IsUtf8(column))
      return Status::Error(source.path + ": a column name is not valid UTF-8" + hint);
  }
  for (const TableRow& row : table.rows) {
    for (size_t i = 0; i < row.values.size(); ++i) {
      if (!IsUtf8(row.values[i])) {
        return Status::Error(source.path + ": row " + std::to_string(row.number) + ", column '" +
                             table.columns[i] + "' is not valid UTF-8" + hint);
      }
    }
  }
  return Status::Ok();
}

// ---------------------------------------------------------------------------------------------------------
// xml_rows: each <Row> element (the name is configurable) is a row; each child element of it is a
// cell whose column is the child's name. Columns are listed in the order they first appear.
// Everything outside rows (such as the 2017 files' <header> block) is ignored.
// ---------------------------------------------------------------------------------------------------------

struct XmlRowsState {
  std::string row_element;
  int depth = 0;      // depth of the element being read; the document element is depth 1
  int row_depth = 0;  // depth of the open row element; 0 when outside a row
  int cell = -1;      // column index of the open cell; -1 when not in a cell
  std::string text;   // character data of the open cell
  Table* table = nullptr;
  std::unordered_map<std::string, int> column_index;
};

void XMLCALL OnXmlStart(void* user, const XML_Char* name, const XML_Char** /*attributes*/) {
  XmlRowsState& state = *static_cast<XmlRowsState*>(user);
  ++state.depth;
  if (state.row_depth == 0) {
    if (state.row_element == name) {
      state.row_depth = state.depth;
      TableRow row;
      row.number = static_cast<int>(state.table->rows.size()) + 1;
      state.table->rows.push_back(std::move(row));
    }
  } else if (state.depth == state.row_depth + 1) {
    const auto [it, inserted] =
        state.column_index.emplace(name, static_cast<int>(state.table->columns.size()));
    if (inserted) state.table->columns.push_back(name);
    state.cell = it->second;
    state.text.clear();
  }
}

void XMLCALL OnXmlEnd(void* user, const XML_Char* /*name*/) {
  XmlRowsState& state = *static_cast<XmlRowsState*>(user);
  if (state.row_depth != 0 && state.depth == state.row_depth + 1 && state.cell >= 0) {
    std::vector<std::string>& values = state.table->rows.back().values;
    if (values.size() <= static_cast<size_t>(state.cell)) values.resize(state.cell + 1);
    values[state.cell] = std::move(state.text);
    state.text.clear();
    state.cell = -1;
  } else if (state.depth == state.row_depth) {
    state.row_depth = 0;
  }
  --state.depth;
}

void XMLCALL OnXmlText(void* user, const XML_Char* text, int length) {
  XmlRowsState& state = *static_cast<XmlRowsState*>(user);
  if (state.cell >= 0) state.text.append(text, length);
}

Result<Table> ReadXmlRows(const SourceConfig& source) {
  std::ifstream file(source.path, std::ios::binary);
  std::ostringstream buffer;
  buffer << file.rdbuf();
  if (!file) return Status::Error(source.path + ": cannot read the file");
  std::string bytes = buffer.str();
  // expat knows no CP949: recode the whole document first and tell expat it is UTF-8, whatever its
  // declaration says.
  if (source.encoding == Encoding::kCp949) bytes = Cp949ToUtf8(bytes);

  Table table;
  XmlRowsState state;
  state.row_element = source.row_element;
  state.table = &table;
  XML_Parser parser = XML_ParserCreate("UTF-8");
  XML_SetUserData(parser, &state);
  XML_SetElementHandler(parser, OnXmlStart, OnXmlEnd);
  XML_SetCharacterDataHandler(parser, OnXmlText);
  const bool parsed =
      XML_Parse(parser, bytes.data(), static_cast<int>(bytes.size()), 1) != XML_STATUS_ERROR;
  std::string error;
  if (!parsed) {
    error = source.path + ": not well-formed XML at line " +
            std::to_string(XML_GetCurrentLineNumber(parser)) + ": " +
            XML_ErrorString(XML_GetErrorCode(parser));
  }
  XML_ParserFree(parser);
  if (!parsed) return Status::Error(error);
  if (table.rows.empty()) {
    return Status::Error(source.path + ": no <" + source.row_element +
                         "> elements (set \"row_element\" to the element that holds one row)");
  }
  for (TableRow& row : table.rows) row.values.resize(table.columns.size());
  return table;
}

// ---------------------------------------------------------------------------------------------------------
// GDAL/OGR layers
// ---------------------------------------------------------------------------------------------------------

std::string Lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

bool HasOption(const std::vector<std::string>& options, const std::string& key) {
  for (const std::string& option : options)
    if (Lowercase(option.substr(0, option.find('='))) == Lowercase(key)) return true;
  return false;
}

// The user's open options plus the ones our reading relies on, unless the user set them.
std::vector<std::string> OpenOptions(const SourceConfig& source) {
  std::vector<std::string> options = source.open_options;
  auto add = [&](const std::string& key, const std::string& value) {
    if (!HasOption(options, key)) options.push_back(key + "=" + value);
  };
  const std::string format = Lowercase(source.format);
  const std::string extension = Lowercase(std::filesystem::path(source.path).extension().string());
  if (format == "csv" || extension == ".csv" || extension == ".tsv" || extension == ".txt") {
    add("HEADERS", "YES");  // never guess whether the first line holds names
  }
  if (format == "xlsx" || format == "ods" || extension == ".xlsx" || extension == ".ods") {
    add("HEADERS", "FORCE");       // the first row names the columns
    add("FIELD_TYPES", "STRING");  // keep cells as written: 063-… phone numbers, leading zeros
  }
  if (source.encoding == Encoding::kCp949 &&
      (format == "esri shapefile" || extension == ".shp" || extension == ".dbf")) {
    add("ENCODING", "CP949");  // the Shapefile driver recodes itself
  }
  return options;
}

void RegisterGdalOnce() {
  static std::once_flag registered;
  std::call_once(registered, [] { GDALAllRegister(); });
}

using DatasetPtr = std::unique_ptr<GDALDataset, void (*)(GDALDataset*)>;

Result<Table> ReadWithGdal(const SourceConfig& source) {
  RegisterGdalOnce();
  const std::vector<std::string> options = OpenOptions(source);
  std::vector<const char*> option_pointers;
  for (const std::string& option : options) option_pointers.push_back(option.c_str());
  option_pointers.push_back(nullptr);
  const char* const drivers[] = {source.format.c_str(), nullptr};

  CPLErrorReset();
  CPLPushErrorHandler(CPLQuietErrorHandler);
  DatasetPtr dataset(
      GDALDataset::Open(source.path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                        source.format.empty() ? nullptr : drivers, option_pointers.data(), nullptr),
      [](GDALDataset* d) { GDALClose(d); });
  CPLPopErrorHandler();
  if (dataset == nullptr) {
    std::string why = CPLGetLastErrorMsg();
    return Status::Error(source.path + ": GDAL cannot read this file" +
                         (source.format.empty() ? "" : " as " + source.format) +
                         (why.empty() ? "" : ": " + why));
  }
  if (dataset->GetLayerCount() == 0) return Status::Error(source.path + ": the file has no layers");
  OGRLayer* layer =
      source.layer.empty() ? dataset->GetLayer(0) : dataset->GetLayerByName(source.layer.c_str());
  if (layer == nullptr) {
    std::string layers;
    for (int i = 0; i < dataset->GetLayerCount(); ++i) {
      layers += (i ? ", " : "") + std::string(dataset->GetLayer(i)->GetName());
    }
    return Status::Error(source.path + ": no layer or sheet '" + source.layer +
                         "'; it has: " + layers);
  }

  // The CSV and most other drivers pass bytes through: CP949 is recoded here. The Shapefile driver
  // recodes itself (from the ENCODING open option or the .cpg file).
  const bool recode = source.encoding == Encoding::kCp949 &&
                      std::string(dataset->GetDriver()->GetDescription()) != "ESRI Shapefile";
  auto text = [&](const char* cell) { return recode ? Cp949ToUtf8(cell) : std::string(cell); };

  Table table;
  OGRFeatureDefn* definition = layer->GetLayerDefn();
  for (int i = 0; i < definition->GetFieldCount(); ++i) {
    table.columns.push_back(text(definition->GetFieldDefn(i)->GetNameRef()));
  }
  if (const OGRSpatialReference* crs = layer->GetSpatialRef()) {
    char* wkt = nullptr;
    if (crs->exportToWkt(&wkt) == OGRERR_NONE && wkt != nullptr) table.crs_wkt = wkt;
    CPLFree(wkt);
  }
  layer->ResetReading();
  CPLErrorReset();
  CPLPushErrorHandler(CPLQuietErrorHandler);
  for (OGRFeatureUniquePtr feature(layer->GetNextFeature()); feature != nullptr;
       feature.reset(layer->GetNextFeature())) {
    TableRow row;
    row.number = static_cast<int>(table.rows.size()) + 1;
    row.values.resize(table.columns.size());
    for (int i = 0; i < static_cast<int>(table.columns.size()); ++i) {
      if (feature->IsFieldSetAndNotNull(i)) row.values[i] = text(feature->GetFieldAsString(i));
    }
    row.geometry.reset(feature->StealGeometry());
    table.rows.push_back(std::move(row));
  }
  CPLPopErrorHandler();
  if (CPLGetLastErrorType() >= CE_Failure) {
    return Status::Error(source.path + ": GDAL failed while reading rows: " + CPLGetLastErrorMsg());
  }
  return table;
}

}  // namespace

// ---------------------------------------------------------------------------------------------------------
// ReadTable
// ---------------------------------------------------------------------------------------------------------

Result<Table> ReadTable(const SourceConfig& source) {
  std::error_code error;
  if (!std::filesystem::exists(source.path, error)) {
    return Status::Error(source.path + ": file not found (source '" + source.id + "')");
  }
  if (std::filesystem::is_directory(source.path, error) &&
      Lowercase(source.format) != "esri shapefile") {
    return Status::Error(source.path + ": is a folder, not a file (source '" + source.id + "')");
  }
  Result<Table> table =
      Lowercase(source.format) == "xml_rows" ? ReadXmlRows(source) : ReadWithGdal(source);
  if (!table.ok()) return table;
  if (Status text = CheckUtf8(source, table.value()); !text.ok()) return text;
  return table;
}

}  // namespace bokji::geodata
