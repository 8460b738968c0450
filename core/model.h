// The data model: what the product shows a citizen.
//
// Index
//   - Dates and coordinates      (Date, DateTime, LatLng)
//   - Facility categories         (FacilityCategory, CategoryGroup; Korean labels: the UI string
//   table)
//   - Target groups and life stages (bit sets shared by facilities and programs)
//   - Facility                    a place on the map: a welfare centre, a 행정복지센터, a clinic;
//   or, with
//                                 an approximate PositionQuality, in the area its address names
//   - Program                     a welfare service (central, provincial or 시군) with how to apply
//   - EducationEvent              a 복지 교육 (course, lecture) for citizens or welfare workers
//   - Region                      a 시도 / 시군구 / 읍면동 with its boundary polygon
//   - Source                      where a record came from and how current it is
//   - Dataset                     everything a bundle holds
//
// The importer (geodata/) fills a Dataset from official files; core/bundle.h writes and reads it;
// the indexes (core/facility_index.h, core/region_index.h, core/text_search.h) are built over it.
//
//   bokji::Dataset data = ...;                      // from LoadBundle()
//   for (const bokji::Facility& f : data.facilities)
//     if (f.category == bokji::FacilityCategory::kDisability) ...
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace bokji {

// ---------------------------------------------------------------------------------------------------------
// Dates and coordinates
// ---------------------------------------------------------------------------------------------------------

// A calendar date as yyyymmdd (20191231). 0 means unknown. A source that states only a month or a
// year keeps that precision, never an invented day: the day digits are 00 for a month (20250300 =
// "2025년 3월"), month and day 0000 for a year (20220000 = "2022년"). Dates compare like the
// periods they start.
using Date = uint32_t;
// How much of a Date is known.
enum class DatePrecision : uint8_t { kUnknown, kYear, kMonth, kDay };
inline constexpr DatePrecision PrecisionOf(Date date) {
  return date == 0           ? DatePrecision::kUnknown
         : date % 10000 == 0 ? DatePrecision::kYear
         : date % 100 == 0   ? DatePrecision::kMonth
                             : DatePrecision::kDay;
}

// A local (Korea Standard Time) date and minute as the decimal digits yyyymmddhhmm:
// 2026-03-05 14:30 is 202603051430. Compares like the moments it names; 0 means unknown. Needs 64
// bits.
using DateTime = uint64_t;

// WGS84 degrees.
struct LatLng {
  double lat = 0;
  double lng = 0;
  bool operator==(const LatLng&) const = default;
};

// ---------------------------------------------------------------------------------------------------------
// Facility categories: the welfare-facility taxonomy. The numeric values are part of the bundle
// format: append new categories at the end, never renumber.
// ---------------------------------------------------------------------------------------------------------
enum class FacilityCategory : uint8_t {
  kElderly = 0,           // 노인
  kDisability = 1,        // 장애인
  kChild = 2,             // 아동
  kYouth = 3,             // 청소년
  kWomenFamily = 4,       // 여성·가족
  kSingleParent = 5,      // 한부모
  kHomeless = 6,          // 노숙인
  kMentalHealth = 7,      // 정신건강
  kCommunityWelfare = 8,  // 종합사회복지관
  kAdminCenter = 9,       // 행정복지센터
  kMedical = 10,          // 의료 (병원·보건소)
  kPharmacy = 11,         // 약국
  kOther = 12,            // 기타
  // Since bundle format 3:
  kPublicHealth = 13,  // 공공보건: 보건소·보건지소·보건진료소·보건의료원, 건강증진센터
  kSeniorCenter = 14,  // 경로당
  kElderCare = 15,     // 노인돌봄: 노인맞춤돌봄서비스 수행기관
  kDementia = 16,      // 치매: 치매안심센터
};
inline constexpr int kFacilityCategoryCount = 17;

// Groups of categories, for a legend that stays short (groups, not 17 toggles), in the legend's
// order. Not stored in bundles: the grouping may change freely.
enum class CategoryGroup : uint8_t {
  kHealth = 0,       // 보건·의료: 의료, 공공보건, 약국
  kSenior = 1,       // 노인: 노인, 경로당, 노인돌봄, 치매
  kDisability = 2,   // 장애인·정신건강: 장애인, 정신건강
  kChildFamily = 3,  // 아동·가족: 아동, 청소년, 여성·가족, 한부모
  kCommunity = 4,  // 지역복지·기타: 종합사회복지관, 노숙인, 행정복지센터, 기타
};
inline constexpr int kCategoryGroupCount = 5;
inline constexpr CategoryGroup GroupOf(FacilityCategory c) {
  switch (c) {
    case FacilityCategory::kMedical:
    case FacilityCategory::kPublicHealth:
    case FacilityCategory::kPharmacy:
      return CategoryGroup::kHealth;
    case FacilityCategory::kElderly:
    case FacilityCategory::kSeniorCenter:
    case FacilityCategory::kElderCare:
    case FacilityCategory::kDementia:
      return CategoryGroup::kSenior;
    case FacilityCategory::kDisability:
    case FacilityCategory::kMentalHealth:
      return CategoryGroup::kDisability;
    case FacilityCategory::kChild:
    case FacilityCategory::kYouth:
    case FacilityCategory::kWomenFamily:
    case FacilityCategory::kSingleParent:
      return CategoryGroup::kChildFamily;
    default:  // 종합사회복지관, 노숙인, 행정복지센터, 기타
      return CategoryGroup::kCommunity;
  }
}

// A set of categories, bit i = FacilityCategory(i). Used by query filters.
using CategorySet = uint32_t;
inline constexpr CategorySet kAllCategories = (1u << kFacilityCategoryCount) - 1;
inline constexpr CategorySet CategoryBit(FacilityCategory c) {
  return 1u << static_cast<unsigned>(c);
}
// The categories of a group, as a CategorySet.
inline constexpr CategorySet GroupCategories(CategoryGroup group) {
  CategorySet set = 0;
  for (int c = 0; c < kFacilityCategoryCount; ++c)
    if (GroupOf(static_cast<FacilityCategory>(c)) == group) set |= 1u << c;
  return set;
}

// ---------------------------------------------------------------------------------------------------------
// Target groups (who a facility or program is for) and life stages (생애주기). Bit sets; bit
// positions are part of the bundle format: append only.
// ---------------------------------------------------------------------------------------------------------
enum TargetGroup : uint32_t {
  kTargetElderly = 1u << 0,           // 노인
  kTargetDisabled = 1u << 1,          // 장애인
  kTargetChildren = 1u << 2,          // 아동
  kTargetYouth = 1u << 3,             // 청소년
  kTargetWomen = 1u << 4,             // 여성
  kTargetFamily = 1u << 5,            // 가족
  kTargetSingleParent = 1u << 6,      // 한부모·조손
  kTargetHomeless = 1u << 7,          // 노숙인
  kTargetMultiCultural = 1u << 8,     // 다문화
  kTargetLowIncome = 1u << 9,         // 저소득
  kTargetVeteran = 1u << 10,          // 보훈대상자
  kTargetPregnant = 1u << 11,         // 임산부
  kTargetMentalHealth = 1u << 12,     // 정신건강
  kTargetResidents = 1u << 13,        // 지역주민 누구나
  kTargetYoungAdult = 1u << 14,       // 청년
  kTargetManyChildren = 1u << 15,     // 다자녀
  kTargetSingleHousehold = 1u << 16,  // 1인가구
  kTargetDementia = 1u << 17,         // 치매 (환자와 가족)
};
using TargetSet = uint32_t;

enum LifeStage : uint32_t {
  kStagePregnancy = 1u << 0,   // 임신·출산
  kStageInfant = 1u << 1,      // 영유아
  kStageChild = 1u << 2,       // 아동
  kStageTeen = 1u << 3,        // 청소년
  kStageYoungAdult = 1u << 4,  // 청년
  kStageMiddleAge = 1u << 5,   // 중장년
  kStageSenior = 1u << 6,      // 노년
};
using LifeStageSet = uint32_t;
inline constexpr LifeStageSet kAllLifeStages = (1u << 7) - 1;

// ---------------------------------------------------------------------------------------------------------
// Source: where records came from. Every facility and program points at one.
// ---------------------------------------------------------------------------------------------------------
struct Source {
  std::string name;       // "보건복지부_장애인복지관 현황"
  std::string publisher;  // "보건복지부 (data.go.kr)"
  std::string licence;    // "공공누리 제1유형"
  Date data_date =
      0;  // the date the source states its data is current as of (perhaps a month or a year)
  // How data_date was found when the file itself states none ("파일에 기준일 없음: …"); empty when
  // the source states its date.
  std::string data_date_note;
};

// ---------------------------------------------------------------------------------------------------------
// Facility: a place on the map, or (when its source gives only an address) in an area.
// ---------------------------------------------------------------------------------------------------------
// How Facility::position was found. The numeric values are part of the bundle format: append only.
enum class PositionQuality : uint8_t {
  kExact = 0,     // the source's own coordinates
  kGeocoded = 1,  // coordinates an external geocoder gave for the source's address
  // Approximate: the source has no usable coordinates, only an address. `position` is then the
  // label point of the region the address names, NOT where the facility is: never draw it as a
  // point; show it as one of its area's facilities ("주소 기준 위치").
  kApproxEmd = 2,      // the 읍면동 its address names (emd_code and sigungu_code set)
  kApproxSigungu = 3,  // only the 시군구 is known from the address (sigungu_code set, emd_code 0)
};
inline constexpr int kPositionQualityCount = 4;
// True for positions that stand for an area, not a point.
inline constexpr bool IsApproximate(PositionQuality q) {
  return q == PositionQuality::kApproxEmd || q == PositionQuality::kApproxSigungu;
}

struct Facility {
  std::string
      source_key;  // the row's id within its source ("장애인복지관:179"), stable across imports
  std::string name;
  FacilityCategory category = FacilityCategory::kOther;
  TargetSet targets = 0;
  std::string road_address;   // 도로명주소
  std::string lot_address;    // 지번주소; may be empty
  std::string phone;          // as printed ("063-222-9999"); may be empty
  std::string hours;          // opening hours as text; empty when unknown
  std::string operator_name;  // 운영법인; may be empty
  std::string
      homepage;  // an http: or https: link; empty when the source gives none (or no safe one)
  uint32_t sigungu_code = 0;  // KOSTAT 5-digit 시군구 code (35011), from the point-in-polygon
                              // lookup (or the address, for an approximate position); 0 unknown
  uint32_t emd_code = 0;      // KOSTAT 7-digit 읍면동 code (3501101); 0 unknown
  LatLng position;  // see position_quality: for an approximate one, its area's label point
  PositionQuality position_quality = PositionQuality::kExact;
  uint64_t s2_cell = 0;  // leaf S2CellId of `position`
  uint16_t source = 0;   // index into Dataset::sources
  Date verified =
      0;  // when the record was last verified (the source's data date unless better known)
};

// ---------------------------------------------------------------------------------------------------------
// Program: a welfare service and how to get it.
// ---------------------------------------------------------------------------------------------------------
enum class ProgramLevel : uint8_t {
  kCentral = 0,   // 중앙부처
  kProvince = 1,  // 도 (전북특별자치도 전역)
  kCity = 2,      // 시군
  kPrivate = 3,   // 민간 (재단 등)
};

struct Program {
  std::string service_id;  // 복지로 id (WLF00004475); duplicates across sources are merged on it
  std::string name;
  ProgramLevel level = ProgramLevel::kCentral;
  std::string provider;       // 소관부처 / 담당부서 / 운영기관
  uint32_t sigungu_code = 0;  // for kCity: the 시군's KOSTAT code (전주시 = 35010); 0 otherwise
  std::string region_name;    // "전국", "전북특별자치도", "김제시"
  LifeStageSet life_stages = 0;     // 0 = not stated (never "none of them")
  TargetSet targets = 0;            // 0 = not stated
  std::vector<std::string> themes;  // 관심주제 as the source words them
  std::string summary;
  std::string eligibility;         // 지원대상; empty = not stated in the source
  std::string selection_criteria;  // 선정기준; empty = not stated
  std::string benefits;  // 서비스내용 / 지원내용 (what one receives); empty = not stated
  std::string how_to_apply;  // 신청방법
  std::string contact;       // 문의처 (name and phone as text)
  std::string apply_url;     // 복지로 detail/apply page: an http: or https: link, or empty
  std::string provision;     // 제공유형 (현금지급, 서비스, …)
  std::string cycle;         // 지원주기
  uint16_t source = 0;
  Date updated = 0;  // 최종수정일
};

// ---------------------------------------------------------------------------------------------------------
// EducationEvent: a 복지 교육 (a course, lecture or workshop) with when and where it is held.
// ---------------------------------------------------------------------------------------------------------
// Who an event is for. The numeric values are part of the bundle format: append only.
enum class EducationAudience : uint8_t {
  kCitizens = 0,  // 주민
  kWorkers = 1,   // 종사자 (사회복지 종사자)
  kBoth = 2,      // 모두
};

struct EducationEvent {
  std::string title;      // 교육명
  std::string organiser;  // 주최기관
  EducationAudience audience = EducationAudience::kBoth;
  DateTime start = 0;      // 시작일시
  DateTime end = 0;        // 종료일시; >= start when both are known
  std::string place_name;  // 장소 ("전주시 종합사회복지관 3층 강당", "온라인")
  std::string address;     // 주소; may be empty
  // Where it is held, when the source gives coordinates. Events without one are listed, not mapped;
  // s2_cell, sigungu_code and emd_code are then 0.
  std::optional<LatLng> position;
  uint64_t s2_cell = 0;       // leaf S2CellId of `position`
  uint32_t sigungu_code = 0;  // KOSTAT 시군구 code of `position` by point-in-polygon; 0 unknown
  uint32_t emd_code = 0;      // KOSTAT 읍면동 code; 0 unknown
  std::string link_url;  // 링크: details or registration page (http: or https:); may be empty
  std::string fee;       // 수강료 as the source words it ("무료", "10,000원"); may be empty
  std::string contact;   // 문의 (name and phone as text); may be empty
  uint16_t source = 0;   // index into Dataset::sources
};

// ---------------------------------------------------------------------------------------------------------
// Region: an administrative area with its boundary.
// ---------------------------------------------------------------------------------------------------------
enum class RegionLevel : uint8_t { kProvince = 0, kSigungu = 1, kEmd = 2 };

// A ring of vertices, counter-clockwise for shells and clockwise for holes (GeoJSON's RFC 7946
// order); the first vertex is not repeated at the end.
using Ring = std::vector<LatLng>;

struct Region {
  uint32_t code = 0;         // KOSTAT code: 35 (도), 35011 (시군구), 3501101 (읍면동)
  uint32_t parent_code = 0;  // 0 for a province
  RegionLevel level = RegionLevel::kProvince;
  std::string name;       // "완산구", "중앙동"
  std::string full_name;  // "전북특별자치도 전주시 완산구 중앙동"
  std::vector<Ring>
      rings;     // shells and holes, in any order; a point is inside by the even-odd rule
  LatLng label;  // where to draw the name
};

// ---------------------------------------------------------------------------------------------------------
// Dataset: everything a bundle holds.
// ---------------------------------------------------------------------------------------------------------
struct Dataset {
  std::string title;  // "전북특별자치도 복지자원 (샘플)"
  Date built = 0;     // when the bundle was written
  std::vector<Source> sources;
  std::vector<Facility> facilities;
  std::vector<Program> programs;
  std::vector<Region> regions;
  std::vector<EducationEvent> education;
};

}  // namespace bokji
