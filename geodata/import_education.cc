// Education → EducationEvent: 복지 교육 (courses, lectures) for citizens, welfare workers or both.
// The CSV format and the config are in geodata/README.md ("Education events").
//
// Every row is checked in this order; the first failing check rejects it:
//   1. a title                                                        (missing_name)
//   2. 대상 is 주민, 종사자 or 모두                                    (bad_audience)
//   3. 시작일시 and 종료일시 are real "YYYY-MM-DD HH:MM", end >= start (bad_date)
//   4. coordinates, when the row has any: both cells numbers, converted to WGS84, inside Korea
//      (a swap undone with a warning), inside the 도 when province_check — the facility checks
//      (no_coordinates when only one cell is filled, unparseable_coordinate, crs_transform_failed,
//      outside_korea, outside_province)
//   5. not the same title, start and place as an earlier kept row of this source      (duplicate)
// A 링크 that is not an http(s) link is dropped with an unsafe_link warning (the row is kept).
// A row with both coordinate cells empty (or a source that maps none) is kept without a position,
// with a no_position warning: the app lists it but cannot put it on the map. Kept rows with a
// position get s2_cell and their 시군구 / 읍면동 codes by point-in-polygon.

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <utility>

#include "core/geo.h"
#include "geodata/import_steps.h"
#include "geodata/row_text.h"

namespace bokji::geodata {
namespace {

// 대상 as the CSV words it.
std::optional<EducationAudience> ParseAudience(std::string_view text) {
  if (text == "주민") return EducationAudience::kCitizens;
  if (text == "종사자") return EducationAudience::kWorkers;
  if (text == "모두") return EducationAudience::kBoth;
  return std::nullopt;
}

bool IsLeapYear(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

}  // namespace

DateTime ParseDateTime(std::string_view text) {
  const std::string trimmed = Trim(text);
  // Exactly "YYYY-MM-DD HH:MM": 16 characters, digits everywhere but the four separators.
  static constexpr std::string_view kPattern = "0000-00-00 00:00";
  if (trimmed.size() != kPattern.size()) return 0;
  for (size_t i = 0; i < kPattern.size(); ++i) {
    const bool digit = trimmed[i] >= '0' && trimmed[i] <= '9';
    if (kPattern[i] == '0' ? !digit : trimmed[i] != kPattern[i]) return 0;
  }
  auto number = [&](size_t at, size_t digits) {
    int value = 0;
    for (size_t i = at; i < at + digits; ++i) value = value * 10 + (trimmed[i] - '0');
    return value;
  };
  const int year = number(0, 4), month = number(5, 2), day = number(8, 2);
  const int hour = number(11, 2), minute = number(14, 2);
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month) ||
      hour > 23 || minute > 59) {
    return 0;
  }
  return static_cast<DateTime>(year) * 100000000 + static_cast<DateTime>(month) * 1000000 +
         static_cast<DateTime>(day) * 10000 + static_cast<DateTime>(hour) * 100 +
         static_cast<DateTime>(minute);
}

Status ImportEducation(const SourceConfig& source, const Table& table, const SourceColumns& columns,
                       uint16_t source_index, ImportState& state, SourceReport& report) {
  const bool has_xy = columns.Has("x");
  std::optional<CoordinateTransformer> to_wgs84;
  if (has_xy) {
    Result<CoordinateTransformer> transformer = SourceTransformer(source, table);
    if (!transformer.ok()) return transformer.status();
    to_wgs84.emplace(std::move(transformer.value()));
  }
  // (title, start, place) of kept rows → their row number.
  std::map<std::tuple<std::string, DateTime, std::string>, int> row_of_key;

  for (const TableRow& row : table.rows) {
    ++report.rows_read;
    EducationEvent event;
    event.title = columns.Get(row, "title");
    if (event.title.empty()) {
      report.Reject(row.number, RejectReason::kMissingName, "");
      continue;
    }
    const std::string about = "'" + event.title + "'";

    // 2: audience.
    const std::string audience = columns.Get(row, "audience");
    const std::optional<EducationAudience> parsed_audience = ParseAudience(audience);
    if (!parsed_audience) {
      report.Reject(row.number, RejectReason::kBadAudience,
                    about + ": 대상 '" + audience + "' is not 주민, 종사자 or 모두");
      continue;
    }
    event.audience = *parsed_audience;

    // 3: dates.
    const std::string start = columns.Get(row, "start");
    const std::string end = columns.Get(row, "end");
    event.start = ParseDateTime(start);
    event.end = ParseDateTime(end);
    if (event.start == 0 || event.end == 0) {
      report.Reject(
          row.number, RejectReason::kBadDate,
          about + ": 시작일시 '" + start + "', 종료일시 '" + end + "' (expected YYYY-MM-DD HH:MM)");
      continue;
    }
    if (event.end < event.start) {
      report.Reject(row.number, RejectReason::kBadDate,
                    about + ": ends (" + end + ") before it starts (" + start + ")");
      continue;
    }

    // 4: the optional point.
    const std::string x_text = has_xy ? columns.Get(row, "x") : "";
    const std::string y_text = has_xy ? columns.Get(row, "y") : "";
    if (!x_text.empty() || !y_text.empty()) {
      const std::optional<std::pair<double, double>> xy =
          ParseXY(x_text, y_text, about, row.number, report);
      if (!xy) continue;
      const std::optional<LatLng> position =
          ToWgs84InKorea(xy->first, xy->second, *to_wgs84, about, row.number, report);
      if (!position) continue;
      if (source.province_check && !InsideProvince(state, *position, about, row.number, report))
        continue;
      event.position = *position;
    }

    // 5: the same event listed twice.
    event.place_name = columns.Get(row, "place");
    const auto key = std::make_tuple(event.title, event.start, event.place_name);
    if (const auto it = row_of_key.find(key); it != row_of_key.end()) {
      report.Reject(row.number, RejectReason::kDuplicate,
                    about + ": same title, start and place as row " + std::to_string(it->second));
      continue;
    }
    row_of_key[key] = row.number;

    // Kept.
    event.organiser = columns.Get(row, "organiser");
    event.address = columns.Get(row, "address");
    const std::string link_text = columns.Get(row, "link");
    const NormalisedLink link = NormaliseLink(link_text);
    event.link_url = link.link;
    if (link.outcome == NormalisedLink::kSchemeAdded) {
      report.Warn(row.number, WarningKind::kLinkSchemeAdded,
                  about + ": '" + link_text + "' → '" + link.link + "'");
    } else if (link.outcome == NormalisedLink::kDropped) {
      report.Warn(row.number, WarningKind::kUnsafeLink,
                  about + ": 링크 '" + link_text + "' is not an http(s) link: dropped");
    }
    event.fee = columns.Get(row, "fee");
    event.contact = columns.Get(row, "contact");
    event.source = source_index;
    if (event.position) {
      event.s2_cell = LeafCellId(*event.position);
      AssignRegionCodes(state, *event.position, about, row.number, report, event.sigungu_code,
                        event.emd_code);
    } else {
      report.Warn(row.number, WarningKind::kNoPosition,
                  about + ": no coordinates; listed, not on the map");
    }
    state.data.education.push_back(std::move(event));
    ++report.rows_placed;
  }
  return Status::Ok();
}

}  // namespace bokji::geodata
