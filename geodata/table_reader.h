// Reads one source file into a Table: its column names, its rows as UTF-8 text, and each row's
// geometry.
//
// GDAL/OGR reads CSV, XLSX, GeoJSON, SHP and everything else it has a vector driver for; "xml_rows"
// sources
// (<root><Row><필드>value</필드>…</Row></root>, as 전주시's 2017 exports) are read with expat.
// CP949 text is recoded to UTF-8 here, so everything after this step sees UTF-8 only.
//
//   bokji::Result<bokji::geodata::Table> table = bokji::geodata::ReadTable(source_config);
//   if (!table.ok()) return table.status();            // missing file, unreadable, bad XML, …
//   int name = table.value().ColumnIndex("시설명");
//   for (const bokji::geodata::TableRow& row : table.value().rows) Use(row.values[name]);
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "geodata/import_config.h"
#include "ogr_geometry.h"

namespace bokji::geodata {

struct TableRow {
  int number = 0;  // 1-based position among the data rows (the header is not a row)
  std::vector<std::string>
      values;                     // one per Table::columns entry, UTF-8, "" for empty or null cells
  OGRGeometryUniquePtr geometry;  // as stored in the file (not yet transformed); null when none
};

struct Table {
  std::vector<std::string> columns;  // as the file names them, UTF-8
  std::vector<TableRow> rows;
  std::string crs_wkt;  // the layer's own CRS; empty when the file has none (CSV, XLSX, XML)

  // The index of the column called `name`, or -1.
  int ColumnIndex(std::string_view name) const;
  // "a, b, c": for error messages that list what the file has.
  std::string ColumnList() const;
};

// Reads the whole file `source.path` as `source` describes it (format, layer, encoding, open
// options). Fails with a message naming the file for: a missing file, a file no driver can open, a
// missing layer, malformed XML, and text that is not valid UTF-8 in a source declared UTF-8 (with a
// hint to declare CP949).
Result<Table> ReadTable(const SourceConfig& source);

// CP949 (= EUC-KR and its extension) bytes recoded to UTF-8 (iconv). Text stops at the first NUL
// byte, as cells do. A byte that starts no valid CP949 character becomes U+FFFD, never passed
// through: the result is always valid UTF-8. Not thread-safe (one shared conversion descriptor).
std::string Cp949ToUtf8(const std::string& bytes);
// Whether `text` is valid UTF-8.
bool IsUtf8(std::string_view text);

}  // namespace bokji::geodata
