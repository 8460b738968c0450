#include "geodata/import_report.h"

#include <cstdio>
#include <map>
#include <utility>

#include "nlohmann/json.hpp"

namespace bokji::geodata {

const char* RejectReasonName(RejectReason reason) {
  switch (reason) {
    case RejectReason::kMissingName:
      return "missing_name";
    case RejectReason::kNoCoordinates:
      return "no_coordinates";
    case RejectReason::kUnparseableCoordinate:
      return "unparseable_coordinate";
    case RejectReason::kCrsTransformFailed:
      return "crs_transform_failed";
    case RejectReason::kOutsideKorea:
      return "outside_korea";
    case RejectReason::kOutsideProvince:
      return "outside_province";
    case RejectReason::kDuplicate:
      return "duplicate";
    case RejectReason::kMissingCode:
      return "missing_code";
    case RejectReason::kBadGeometry:
      return "bad_geometry";
    case RejectReason::kUnknownRegion:
      return "unknown_region";
    case RejectReason::kBadAudience:
      return "bad_audience";
    case RejectReason::kBadDate:
      return "bad_date";
    case RejectReason::kAddressUnplaced:
      return "address_unplaced";
  }
  return "?";
}

const char* PositionQualityName(PositionQuality quality) {
  switch (quality) {
    case PositionQuality::kExact:
      return "exact";
    case PositionQuality::kGeocoded:
      return "geocoded";
    case PositionQuality::kApproxEmd:
      return "approximate_emd";
    case PositionQuality::kApproxSigungu:
      return "approximate_sigungu";
  }
  return "?";
}

const char* WarningKindName(WarningKind kind) {
  switch (kind) {
    case WarningKind::kLatLonSwapped:
      return "lat_lon_swapped";
    case WarningKind::kOutsideStatedSigungu:
      return "outside_stated_sigungu";
    case WarningKind::kSharedCoordinate:
      return "shared_coordinate";
    case WarningKind::kNoSigunguPolygon:
      return "no_sigungu_polygon";
    case WarningKind::kUnmappedCategory:
      return "unmapped_category";
    case WarningKind::kProvinceWide:
      return "province_wide";
    case WarningKind::kLabelFallback:
      return "label_fallback";
    case WarningKind::kNoPosition:
      return "no_position";
    case WarningKind::kNearBoundary:
      return "near_boundary";
    case WarningKind::kCoordinatesUnusable:
      return "coordinates_unusable";
    case WarningKind::kApproximateSigungu:
      return "approximate_sigungu";
    case WarningKind::kGeocodedUnusable:
      return "geocoded_unusable";
    case WarningKind::kPhoneAreaCodeAdded:
      return "phone_area_code_added";
    case WarningKind::kUnrecognisedPhone:
      return "unrecognised_phone";
    case WarningKind::kLinkSchemeAdded:
      return "link_scheme_added";
    case WarningKind::kUnsafeLink:
      return "unsafe_link";
  }
  return "?";
}

// Korean labels for the readable report.
namespace {

const char* RejectReasonKorean(RejectReason reason) {
  switch (reason) {
    case RejectReason::kMissingName:
      return "이름 없음";
    case RejectReason::kNoCoordinates:
      return "좌표 없음";
    case RejectReason::kUnparseableCoordinate:
      return "좌표 해석 불가";
    case RejectReason::kCrsTransformFailed:
      return "좌표계 변환 실패";
    case RejectReason::kOutsideKorea:
      return "국내 범위 밖";
    case RejectReason::kOutsideProvince:
      return "해당 도 밖";
    case RejectReason::kDuplicate:
      return "중복";
    case RejectReason::kMissingCode:
      return "행정구역 코드 없음";
    case RejectReason::kBadGeometry:
      return "경계 도형 없음";
    case RejectReason::kUnknownRegion:
      return "시군 이름 불일치";
    case RejectReason::kBadAudience:
      return "교육 대상 오류";
    case RejectReason::kBadDate:
      return "일시 오류";
    case RejectReason::kAddressUnplaced:
      return "주소로 위치를 찾지 못함";
  }
  return "?";
}

const char* WarningKindKorean(WarningKind kind) {
  switch (kind) {
    case WarningKind::kLatLonSwapped:
      return "위도·경도 뒤바뀜 (바로잡음)";
    case WarningKind::kOutsideStatedSigungu:
      return "기재된 시군구 밖";
    case WarningKind::kSharedCoordinate:
      return "같은 좌표 공유";
    case WarningKind::kNoSigunguPolygon:
      return "시군구·읍면동 경계 밖";
    case WarningKind::kUnmappedCategory:
      return "분류 매핑 없음";
    case WarningKind::kProvinceWide:
      return "도 전역으로 처리";
    case WarningKind::kLabelFallback:
      return "라벨 위치 대체";
    case WarningKind::kNoPosition:
      return "좌표 없음 (목록에만 표시)";
    case WarningKind::kNearBoundary:
      return "경계 밖이지만 기재된 시군구 인접 (섬 등)";
    case WarningKind::kCoordinatesUnusable:
      return "좌표 사용 불가: 주소로 대략 배치";
    case WarningKind::kApproximateSigungu:
      return "주소로 시군구까지만 배치";
    case WarningKind::kGeocodedUnusable:
      return "지오코딩 좌표 사용 불가";
    case WarningKind::kPhoneAreaCodeAdded:
      return "전화번호 지역번호 보충";
    case WarningKind::kUnrecognisedPhone:
      return "전화번호 형식 불명 (그대로 둠)";
    case WarningKind::kLinkSchemeAdded:
      return "링크에 http:// 보충";
    case WarningKind::kUnsafeLink:
      return "http(s)가 아닌 링크 삭제";
  }
  return "?";
}

}  // namespace

void SourceReport::Reject(int row, RejectReason reason, std::string detail) {
  rejected.push_back({row, reason, std::move(detail)});
}

void SourceReport::Warn(int row, WarningKind kind, std::string detail) {
  warnings.push_back({row, kind, std::move(detail)});
}

bool SourceReport::CountsAddUp() const {
  return rows_read == rows_placed + static_cast<int>(rejected.size()) && rows_merged <= rows_placed;
}

int SourceReport::Count(RejectReason reason) const {
  int count = 0;
  for (const Rejection& rejection : rejected) count += rejection.reason == reason;
  return count;
}

int SourceReport::Count(WarningKind kind) const {
  int count = 0;
  for (const Warning& warning : warnings) count += warning.kind == kind;
  return count;
}

int ImportReport::FacilitiesApproximate() const {
  int count = 0;
  for (const SourceReport& source : sources) {
    count += source.placed_by_quality[static_cast<int>(PositionQuality::kApproxEmd)] +
             source.placed_by_quality[static_cast<int>(PositionQuality::kApproxSigungu)];
  }
  return count;
}

int ImportReport::FacilitiesRejected() const {
  int count = 0;
  for (const SourceReport& source : sources)
    if (source.kind == "facilities") count += static_cast<int>(source.rejected.size());
  return count;
}

std::string ReportJson(const ImportReport& report) {
  using nlohmann::json;
  json sources = json::array();
  for (const SourceReport& source : report.sources) {
    json rejected = json::array();
    std::map<std::string, int> by_reason;
    for (const Rejection& r : source.rejected) {
      rejected.push_back(
          {{"row", r.row}, {"reason", RejectReasonName(r.reason)}, {"detail", r.detail}});
      ++by_reason[RejectReasonName(r.reason)];
    }
    json warnings = json::array();
    std::map<std::string, int> by_kind;
    for (const Warning& w : source.warnings) {
      warnings.push_back({{"row", w.row}, {"kind", WarningKindName(w.kind)}, {"detail", w.detail}});
      ++by_kind[WarningKindName(w.kind)];
    }
    json entry = {{"id", source.id},
                  {"kind", source.kind},
                  {"file", source.file},
                  {"rows_read", source.rows_read},
                  {"rows_placed", source.rows_placed},
                  {"rows_merged", source.rows_merged},
                  {"rows_rejected", source.rejected.size()},
                  {"rejected_by_reason", by_reason},
                  {"warnings_by_kind", by_kind},
                  {"rejected", rejected},
                  {"warnings", warnings}};
    if (source.kind == "facilities") {
      json by_quality = json::object();
      for (int q = 0; q < kPositionQualityCount; ++q) {
        by_quality[PositionQualityName(static_cast<PositionQuality>(q))] =
            source.placed_by_quality[q];
      }
      entry["placed_by_quality"] = by_quality;
      entry["sigungu_fallbacks"] = source.sigungu_fallbacks;
      entry["shared_coordinate_spots"] = source.shared_coordinate_spots;
    }
    sources.push_back(std::move(entry));
  }
  json root = {{"title", report.title},
               {"config", report.config_path},
               {"bundle", report.bundle_path},
               {"bundle_bytes", report.bundle_bytes},
               {"seconds", report.seconds},
               {"facilities", report.facilities},
               {"facilities_rejected", report.FacilitiesRejected()},
               {"facilities_approximate", report.FacilitiesApproximate()},
               {"programs", report.programs},
               {"regions", report.regions},
               {"education", report.education},
               {"sources", sources}};
  return root.dump(2) + "\n";
}

// How many rows of each reason / kind the readable report lists; the JSON lists every row.
constexpr size_t kRowsListedPerKind = 20;

std::string ReportText(const ImportReport& report) {
  std::string text;
  auto line = [&](const std::string& s) { text += s + "\n"; };
  line("복지지도 가져오기 보고서 / import report");
  line("제목 title: " + report.title);
  line("설정 config: " + report.config_path);
  line("번들 bundle: " + report.bundle_path + " (" + std::to_string(report.bundle_bytes) +
       " bytes)");
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.2f", report.seconds);
  line("시간 time: " + std::string(seconds) + " s");
  line("시설 facilities: " + std::to_string(report.facilities) + " placed (" +
       std::to_string(report.FacilitiesApproximate()) + " approximately, by address), " +
       std::to_string(report.FacilitiesRejected()) + " rejected");
  line("복지서비스 programs: " + std::to_string(report.programs));
  line("행정구역 regions: " + std::to_string(report.regions));
  line("복지 교육 education events: " + std::to_string(report.education));
  line("(각 사유의 처음 " + std::to_string(kRowsListedPerKind) +
       "행만 적음; 모든 행은 JSON 보고서에 / the first " + std::to_string(kRowsListedPerKind) +
       " rows of each reason are listed; every row is in the JSON report)");
  for (const SourceReport& source : report.sources) {
    line("");
    line("== " + source.id + " (" + source.kind + ")");
    line("   " + source.file);
    line("   읽음 read " + std::to_string(source.rows_read) + " = 반영 placed " +
         std::to_string(source.rows_placed) +
         (source.rows_merged ? " (병합 merged " + std::to_string(source.rows_merged) + ")" : "") +
         " + 제외 rejected " + std::to_string(source.rejected.size()) + "; 경고 warnings " +
         std::to_string(source.warnings.size()));
    if (source.kind == "facilities") {
      const int* q = source.placed_by_quality;
      line("   위치 positions: 좌표 exact " + std::to_string(q[0]) + ", 지오코딩 geocoded " +
           std::to_string(q[1]) + ", 주소로 읍면동 approximate 읍면동 " + std::to_string(q[2]) +
           ", 주소로 시군구 approximate 시군구 " + std::to_string(q[3]));
      if (!source.sigungu_fallbacks.empty()) {
        std::string reasons;
        for (const auto& [reason, count] : source.sigungu_fallbacks)
          reasons += (reasons.empty() ? "" : ", ") + reason + " " + std::to_string(count);
        line("   시군구까지만 배치된 이유 why only the 시군구: " + reasons);
      }
    }
    // Rejections, grouped by reason in the enum's order.
    std::map<int, std::vector<const Rejection*>> rejected_by_reason;
    for (const Rejection& r : source.rejected)
      rejected_by_reason[static_cast<int>(r.reason)].push_back(&r);
    for (const auto& [reason, rows] : rejected_by_reason) {
      const auto kind = static_cast<RejectReason>(reason);
      line("   제외 rejected — " + std::string(RejectReasonKorean(kind)) + " / " +
           RejectReasonName(kind) + ": " + std::to_string(rows.size()) + " rows");
      for (size_t i = 0; i < rows.size() && i < kRowsListedPerKind; ++i) {
        line("     row " + std::to_string(rows[i]->row) +
             (rows[i]->detail.empty() ? "" : ": " + rows[i]->detail));
      }
      if (rows.size() > kRowsListedPerKind)
        line("     … " + std::to_string(rows.size() - kRowsListedPerKind) + " more in the JSON");
    }
    std::map<int, std::vector<const Warning*>> warnings_by_kind;
    for (const Warning& w : source.warnings)
      warnings_by_kind[static_cast<int>(w.kind)].push_back(&w);
    for (const auto& [kind_value, rows] : warnings_by_kind) {
      const auto kind = static_cast<WarningKind>(kind_value);
      if (kind == WarningKind::kSharedCoordinate) {
        // Clinics in one building are normal: a count, not a list.
        line("   경고 warning — " + std::string(WarningKindKorean(kind)) + " / " +
             WarningKindName(kind) + ": " + std::to_string(rows.size()) + " rows at " +
             std::to_string(source.shared_coordinate_spots) +
             " spots another row already has (each is in the JSON)");
        continue;
      }
      line("   경고 warning — " + std::string(WarningKindKorean(kind)) + " / " +
           WarningKindName(kind) + ": " + std::to_string(rows.size()) + " rows");
      for (size_t i = 0; i < rows.size() && i < kRowsListedPerKind; ++i) {
        line("     row " + std::to_string(rows[i]->row) +
             (rows[i]->detail.empty() ? "" : ": " + rows[i]->detail));
      }
      if (rows.size() > kRowsListedPerKind)
        line("     … " + std::to_string(rows.size() - kRowsListedPerKind) + " more in the JSON");
    }
  }
  return text;
}

std::string SummaryLine(const ImportReport& report) {
  char line[256];
  std::snprintf(
      line, sizeof line,
      "geodata: %d facilities placed (%d approximately, by address), %d rejected; %d programs; "
      "%d regions; %d education events; bundle %zu bytes; %.2f s",
      report.facilities, report.FacilitiesApproximate(), report.FacilitiesRejected(),
      report.programs, report.regions, report.education, report.bundle_bytes, report.seconds);
  return line;
}

}  // namespace bokji::geodata
