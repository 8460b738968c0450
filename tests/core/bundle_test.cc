// Tests of core/bundle.h: round trips, determinism, and hostile input (truncation, bit flips, wrong
// magic or version, crafted sizes and counts with a valid checksum).
#include "core/bundle.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "core/geo.h"
#include "core/links.h"

namespace bokji {
namespace {

// -------------------------------------------------------------------------------------------------
// Helpers: a Dataset with every field set, and a field-by-field comparison (doubles compared bit
// for bit, so -0.0 survives where the format keeps any f64: education positions; facility
// positions, vertices and region labels are whole microdegrees since version 4).
// -------------------------------------------------------------------------------------------------

// `degrees` on the bundle's grid of whole microdegrees (1e-6°): what a version 4 bundle stores.
double OnGrid(double degrees) {
  return static_cast<double>(std::llround(degrees * 1e6)) / 1e6;
}
LatLng OnGrid(LatLng p) {
  return {OnGrid(p.lat), OnGrid(p.lng)};
}

uint64_t Bits(double d) {
  uint64_t b;
  std::memcpy(&b, &d, sizeof b);
  return b;
}

void ExpectSameLatLng(const LatLng& a, const LatLng& b) {
  EXPECT_EQ(Bits(a.lat), Bits(b.lat));
  EXPECT_EQ(Bits(a.lng), Bits(b.lng));
}

void ExpectSameDataset(const Dataset& a, const Dataset& b) {
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.built, b.built);
  ASSERT_EQ(a.sources.size(), b.sources.size());
  for (size_t i = 0; i < a.sources.size(); ++i) {
    SCOPED_TRACE("source " + std::to_string(i));
    EXPECT_EQ(a.sources[i].name, b.sources[i].name);
    EXPECT_EQ(a.sources[i].publisher, b.sources[i].publisher);
    EXPECT_EQ(a.sources[i].licence, b.sources[i].licence);
    EXPECT_EQ(a.sources[i].data_date, b.sources[i].data_date);
    EXPECT_EQ(a.sources[i].data_date_note, b.sources[i].data_date_note);
  }
  ASSERT_EQ(a.facilities.size(), b.facilities.size());
  for (size_t i = 0; i < a.facilities.size(); ++i) {
    SCOPED_TRACE("facility " + std::to_string(i));
    const Facility& x = a.facilities[i];
    const Facility& y = b.facilities[i];
    EXPECT_EQ(x.source_key, y.source_key);
    EXPECT_EQ(x.name, y.name);
    EXPECT_EQ(x.category, y.category);
    EXPECT_EQ(x.targets, y.targets);
    EXPECT_EQ(x.road_address, y.road_address);
    EXPECT_EQ(x.lot_address, y.lot_address);
    EXPECT_EQ(x.phone, y.phone);
    EXPECT_EQ(x.hours, y.hours);
    EXPECT_EQ(x.operator_name, y.operator_name);
    EXPECT_EQ(x.homepage, y.homepage);
    EXPECT_EQ(x.position_quality, y.position_quality);
    EXPECT_EQ(x.sigungu_code, y.sigungu_code);
    EXPECT_EQ(x.emd_code, y.emd_code);
    ExpectSameLatLng(x.position, y.position);
    EXPECT_EQ(x.s2_cell, y.s2_cell);
    EXPECT_EQ(x.source, y.source);
    EXPECT_EQ(x.verified, y.verified);
  }
  ASSERT_EQ(a.programs.size(), b.programs.size());
  for (size_t i = 0; i < a.programs.size(); ++i) {
    SCOPED_TRACE("program " + std::to_string(i));
    const Program& x = a.programs[i];
    const Program& y = b.programs[i];
    EXPECT_EQ(x.service_id, y.service_id);
    EXPECT_EQ(x.name, y.name);
    EXPECT_EQ(x.level, y.level);
    EXPECT_EQ(x.provider, y.provider);
    EXPECT_EQ(x.sigungu_code, y.sigungu_code);
    EXPECT_EQ(x.region_name, y.region_name);
    EXPECT_EQ(x.life_stages, y.life_stages);
    EXPECT_EQ(x.targets, y.targets);
    EXPECT_EQ(x.themes, y.themes);
    EXPECT_EQ(x.summary, y.summary);
    EXPECT_EQ(x.eligibility, y.eligibility);
    EXPECT_EQ(x.selection_criteria, y.selection_criteria);
    EXPECT_EQ(x.benefits, y.benefits);
    EXPECT_EQ(x.how_to_apply, y.how_to_apply);
    EXPECT_EQ(x.contact, y.contact);
    EXPECT_EQ(x.apply_url, y.apply_url);
    EXPECT_EQ(x.provision, y.provision);
    EXPECT_EQ(x.cycle, y.cycle);
    EXPECT_EQ(x.source, y.source);
    EXPECT_EQ(x.updated, y.updated);
  }
  ASSERT_EQ(a.regions.size(), b.regions.size());
  for (size_t i = 0; i < a.regions.size(); ++i) {
    SCOPED_TRACE("region " + std::to_string(i));
    const Region& x = a.regions[i];
    const Region& y = b.regions[i];
    EXPECT_EQ(x.code, y.code);
    EXPECT_EQ(x.parent_code, y.parent_code);
    EXPECT_EQ(x.level, y.level);
    EXPECT_EQ(x.name, y.name);
    EXPECT_EQ(x.full_name, y.full_name);
    ExpectSameLatLng(x.label, y.label);
    ASSERT_EQ(x.rings.size(), y.rings.size());
    for (size_t r = 0; r < x.rings.size(); ++r) {
      ASSERT_EQ(x.rings[r].size(), y.rings[r].size()) << "ring " << r;
      for (size_t v = 0; v < x.rings[r].size(); ++v) ExpectSameLatLng(x.rings[r][v], y.rings[r][v]);
    }
  }
  ASSERT_EQ(a.education.size(), b.education.size());
  for (size_t i = 0; i < a.education.size(); ++i) {
    SCOPED_TRACE("education event " + std::to_string(i));
    const EducationEvent& x = a.education[i];
    const EducationEvent& y = b.education[i];
    EXPECT_EQ(x.title, y.title);
    EXPECT_EQ(x.organiser, y.organiser);
    EXPECT_EQ(x.audience, y.audience);
    EXPECT_EQ(x.start, y.start);
    EXPECT_EQ(x.end, y.end);
    EXPECT_EQ(x.place_name, y.place_name);
    EXPECT_EQ(x.address, y.address);
    ASSERT_EQ(x.position.has_value(), y.position.has_value());
    if (x.position) ExpectSameLatLng(*x.position, *y.position);
    EXPECT_EQ(x.s2_cell, y.s2_cell);
    EXPECT_EQ(x.sigungu_code, y.sigungu_code);
    EXPECT_EQ(x.emd_code, y.emd_code);
    EXPECT_EQ(x.link_url, y.link_url);
    EXPECT_EQ(x.fee, y.fee);
    EXPECT_EQ(x.contact, y.contact);
    EXPECT_EQ(x.source, y.source);
  }
}

// Every field set, with the awkward values: empty strings and vectors, Korean text, extremes of
// each integer type, special doubles where the format keeps f64, coordinates at ±90° / ±180°, many
// rings and multi-ring regions. Facility positions and vertices are on the microdegree grid and
// Facility::s2_cell / EducationEvent::s2_cell are what the reader derives (LeafCellId of the
// position; 0 without one), so a round trip gives every bit back.
Dataset FullDataset() {
  Dataset d;
  d.title = "전북특별자치도 복지자원 (시험용)";
  d.built = 20260801;
  d.sources = {
      {"보건복지부_장애인복지관 현황", "보건복지부 (data.go.kr)", "공공누리 제1유형", 20191231, ""},
      {"", "", "", 0, ""},
      {"x", "publisher with \"quotes\" and \n newline", "licence\0with nul", UINT32_MAX,
       "파일에 기준일 없음: 2025년 3월 배포로 추정"},
  };
  d.sources[1].data_date = 20250300;                            // a month only
  d.sources[2].licence = std::string("licence\0with nul", 16);  // an embedded NUL survives too

  Facility f;
  f.source_key = "장애인복지관:179";
  f.name = "전북장애인종합복지관";
  f.category = FacilityCategory::kDisability;
  f.targets = kTargetDisabled | kTargetFamily;
  f.road_address = "전북특별자치도 전주시 완산구 ○○로 1";
  f.lot_address = "";
  f.phone = "063-222-9999";
  f.hours = "평일 09:00~18:00";
  f.operator_name = "사회복지법인 ○○";
  f.homepage = "https://www.example.or.kr/복지관?a=1&b=\"2\"";
  f.sigungu_code = 35011;
  f.emd_code = 3501101;
  f.position = {35.8242, 127.148};
  f.s2_cell = LeafCellId(f.position);
  f.source = 0;
  f.verified = 20191231;
  d.facilities.push_back(f);

  Facility extremes;                                // every string empty, numbers at their limits
  extremes.category = FacilityCategory::kDementia;  // the last category
  extremes.position_quality = PositionQuality::kApproxSigungu;
  extremes.targets = UINT32_MAX;
  extremes.sigungu_code = UINT32_MAX;
  extremes.emd_code = 0;
  extremes.position = {-90.0, 180.0};
  extremes.s2_cell = LeafCellId(extremes.position);
  extremes.source = 2;
  extremes.verified = UINT32_MAX;
  d.facilities.push_back(extremes);

  Facility approximate = f;  // an address-only row, placed at its 읍면동's label point
  approximate.position_quality = PositionQuality::kApproxEmd;
  approximate.category = FacilityCategory::kSeniorCenter;
  approximate.homepage = "HTTP://EXAMPLE.COM";  // a scheme in capitals is still http
  d.facilities.push_back(approximate);

  Facility special = f;
  special.category = FacilityCategory::kPharmacy;
  special.position_quality = PositionQuality::kGeocoded;
  special.position = {0.0, 0.0};
  special.s2_cell = LeafCellId(special.position);
  special.source = 1;
  d.facilities.push_back(special);
  special.position = {90.0, -180.0};  // a jump of the whole range from the previous point
  special.s2_cell = LeafCellId(special.position);
  d.facilities.push_back(special);
  special.position = {-89.999999, 179.999999};
  special.s2_cell = LeafCellId(special.position);
  d.facilities.push_back(special);

  Program p;
  p.service_id = "WLF00004475";
  p.name = "결혼축하금 지원사업";
  p.level = ProgramLevel::kCity;
  p.provider = "전북특별자치도 김제시 기획감사실";
  p.sigungu_code = 35060;
  p.region_name = "김제시";
  p.life_stages = kStageMiddleAge | kStageYoungAdult;
  p.targets = kTargetYoungAdult;
  p.themes = {"서민금융", "", "임신·출산"};
  p.summary = "인구절벽을 극복하고\n결혼과 출산을 장려";
  p.eligibility = "만 19세 이상 39세 이하";
  p.selection_criteria = "기준 중위소득 50% 이하";
  p.benefits = "1인당 200만원 지급\n(1회)";
  p.how_to_apply = "방문";
  p.contact = "김제시청 063-540-0000";
  p.apply_url =
      "https://www.bokjiro.go.kr/ssis-tbu/twataa/wlfareInfo/"
      "moveTWAT52011M.do?wlfareInfoId=WLF00004475";
  p.provision = "현금지급";
  p.cycle = "년";
  p.source = 1;
  p.updated = 20260723;
  d.programs.push_back(p);

  Program empty;  // no themes, all strings empty, extremes
  empty.level = ProgramLevel::kPrivate;
  empty.sigungu_code = UINT32_MAX;
  empty.life_stages = UINT32_MAX;
  empty.targets = UINT32_MAX;
  empty.source = 2;
  empty.updated = UINT32_MAX;
  d.programs.push_back(empty);

  Program many_themes = p;
  many_themes.level = ProgramLevel::kProvince;
  many_themes.themes.assign(40, "보호·돌봄");
  d.programs.push_back(many_themes);
  Program central = p;
  central.level = ProgramLevel::kCentral;
  central.themes = {"교육"};
  d.programs.push_back(central);

  Region province;
  province.code = 35;
  province.parent_code = 0;
  province.level = RegionLevel::kProvince;
  province.name = "전북특별자치도";
  province.full_name = "전북특별자치도";
  province.label = {35.7, 127.1};
  // A multi-ring region: three shells with a hole each, and an empty ring.
  for (int shell = 0; shell < 3; ++shell) {
    Ring outer, hole;
    for (int v = 0; v < 5 + shell; ++v)
      outer.push_back(OnGrid({35.0 + shell + v * 0.01, 126.5 + v * 0.02}));
    for (int v = 0; v < 3; ++v) hole.push_back(OnGrid({35.1 + shell, 126.6 + v * 0.001}));
    province.rings.push_back(outer);
    province.rings.push_back(hole);
  }
  province.rings.push_back({});
  d.regions.push_back(province);

  Region no_rings;
  no_rings.code = UINT32_MAX;
  no_rings.parent_code = UINT32_MAX;
  no_rings.level = RegionLevel::kEmd;
  no_rings.label = {-90.0, 180.0};
  d.regions.push_back(no_rings);

  Region many_rings;
  many_rings.code = 35011;
  many_rings.parent_code = 35;
  many_rings.level = RegionLevel::kSigungu;
  many_rings.name = "완산구";
  many_rings.full_name = "전북특별자치도 전주시 완산구";
  for (int r = 0; r < 300; ++r) {
    Ring ring;
    for (int v = 0; v < r % 7; ++v) ring.push_back(OnGrid({35.8 + r * 1e-4, 127.1 + v * 1e-4}));
    if (r == 299) ring = {{-90.0, -180.0}, {90.0, 180.0}, {-90.0, 180.0}};  // the largest jumps
    many_rings.rings.push_back(ring);
  }
  d.regions.push_back(many_rings);

  EducationEvent e;
  e.title = "사회복지 종사자 인권교육";
  e.organiser = "전북특별자치도사회서비스원";
  e.audience = EducationAudience::kWorkers;
  e.start = 202603051400;
  e.end = 202603051700;
  e.place_name = "전주시 종합사회복지관 3층 강당";
  e.address = "전북특별자치도 전주시 완산구 ○○로 1";
  e.position = LatLng{35.82421234567, 127.1480};  // f64: not rounded
  e.s2_cell = LeafCellId(*e.position);
  e.sigungu_code = 35011;
  e.emd_code = 3501101;
  e.link_url = "https://example.org/edu?id=1&x=\"y\"";
  e.fee = "무료";
  e.contact = "교육팀 063-000-0000";
  e.source = 2;
  d.education.push_back(e);

  EducationEvent online;  // no position, every string empty, extremes
  online.audience = EducationAudience::kCitizens;
  online.start = UINT64_MAX;
  online.end = 0;
  online.sigungu_code = UINT32_MAX;
  online.emd_code = UINT32_MAX;
  online.s2_cell = 0;  // no position, no cell
  d.education.push_back(online);

  EducationEvent at_zero = e;  // a position of -0.0 (distinct from "no position")
  at_zero.audience = EducationAudience::kBoth;
  at_zero.position = LatLng{-0.0, -0.0};
  at_zero.s2_cell = LeafCellId(*at_zero.position);
  at_zero.source = 0;
  d.education.push_back(at_zero);
  return d;
}

// A small bundle for the exhaustive truncation and bit-flip tests.
Dataset SmallDataset() {
  Dataset d;
  d.title = "작은 번들";
  d.built = 20260801;
  d.sources = {{"출처", "발행처", "공공누리 제1유형", 20250722, ""}};
  Facility f;
  f.name = "복지관";
  f.phone = "063-000-0000";
  f.position = {35.8, 127.1};
  f.s2_cell = LeafCellId(f.position);  // what the reader derives
  d.facilities = {f};
  Program p;
  p.name = "청년 월세 지원";
  p.themes = {"주거", "서민금융"};
  d.programs = {p};
  Region r;
  r.code = 35011;
  r.name = "완산구";
  r.rings = {{{35.8, 127.1}, {35.9, 127.1}, {35.9, 127.2}},
             {{35.85, 127.15}, {35.86, 127.15}, {35.86, 127.16}}};
  d.regions = {r};
  EducationEvent e;
  e.title = "복지 교육";
  e.position = LatLng{35.8, 127.1};
  e.s2_cell = LeafCellId(*e.position);
  d.education = {e};
  return d;
}

Result<Dataset> Load(const std::vector<uint8_t>& bytes) {
  return LoadBundle(bytes.data(), bytes.size());
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// Byte layout facts the crafted-input tests rely on (docs/bundle-format.md).
constexpr size_t kHeaderSize = 32;
constexpr size_t kEntrySize = 24;

uint32_t GetU32(const std::vector<uint8_t>& b, size_t at) {
  return b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (uint32_t{b[at + 3]} << 24);
}
uint64_t GetU64(const std::vector<uint8_t>& b, size_t at) {
  return GetU32(b, at) | (uint64_t{GetU32(b, at + 4)} << 32);
}
void PutU32(std::vector<uint8_t>& b, size_t at, uint32_t v) {
  for (int i = 0; i < 4; ++i) b[at + i] = static_cast<uint8_t>(v >> (8 * i));
}
void PutU64(std::vector<uint8_t>& b, size_t at, uint64_t v) {
  for (int i = 0; i < 8; ++i) b[at + i] = static_cast<uint8_t>(v >> (8 * i));
}
// Recomputes the header CRC after a deliberate edit, to reach the structural checks behind it.
void FixCrc(std::vector<uint8_t>& b) {
  PutU32(b, 12, Crc32(b.data() + 16, b.size() - 16));
}

// Where section `id`'s table entry is; fails the test if there is none.
size_t EntryOf(const std::vector<uint8_t>& b, uint32_t id) {
  const uint32_t count = GetU32(b, 24);
  for (uint32_t i = 0; i < count; ++i) {
    if (GetU32(b, kHeaderSize + i * kEntrySize) == id) return kHeaderSize + i * kEntrySize;
  }
  ADD_FAILURE() << "no section " << id;
  return 0;
}

// -------------------------------------------------------------------------------------------------
// CRC-32
// -------------------------------------------------------------------------------------------------

// The standard check value of CRC-32/ISO-HDLC (the zlib/PNG CRC) is 0xCBF43926 for "123456789".
TEST(BundleCrc32, MatchesTheStandardCheckValue) {
  const std::string check = "123456789";
  EXPECT_EQ(Crc32(reinterpret_cast<const uint8_t*>(check.data()), check.size()), 0xCBF43926u);
  EXPECT_EQ(Crc32(nullptr, 0), 0u);
}

// Against a bit-at-a-time CRC (no table): an independent implementation of the same polynomial.
TEST(BundleCrc32, MatchesBitwiseImplementation) {
  std::vector<uint8_t> bytes;
  uint32_t x = 12345;
  for (int i = 0; i < 1000; ++i) {
    x = x * 1103515245u + 12345u;
    bytes.push_back(static_cast<uint8_t>(x >> 16));
  }
  for (size_t n : {size_t{0}, size_t{1}, size_t{7}, size_t{64}, size_t{1000}}) {
    uint32_t crc = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; ++i) {
      crc ^= bytes[i];
      for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    EXPECT_EQ(Crc32(bytes.data(), n), crc ^ 0xFFFFFFFFu) << n;
  }
}

// -------------------------------------------------------------------------------------------------
// Round trips and determinism
// -------------------------------------------------------------------------------------------------

TEST(Bundle, RoundTripsEveryField) {
  const Dataset original = FullDataset();
  const std::vector<uint8_t> bytes = WriteBundle(original);
  Result<Dataset> loaded = Load(bytes);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  ExpectSameDataset(original, loaded.value());
}

TEST(Bundle, RoundTripsAnEmptyDataset) {
  const std::vector<uint8_t> bytes = WriteBundle(Dataset{});
  Result<Dataset> loaded = Load(bytes);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  ExpectSameDataset(Dataset{}, loaded.value());
}

// Version 4 stores facility positions and boundary vertices as whole microdegrees (about 0.1 m) and
// no S2 cell: the loader rounds to the nearest microdegree and derives Facility::s2_cell from the
// loaded position, whatever cell the writer was given.
TEST(Bundle, RoundsCoordinatesToMicrodegreesAndDerivesCells) {
  Dataset d = SmallDataset();
  d.facilities[0].position = {35.12345678, 127.98765432};
  d.facilities[0].s2_cell = 12345;  // not stored
  d.regions[0].rings[0][1] = {-35.8000004999, -127.0000006};
  Result<Dataset> loaded = Load(WriteBundle(d));
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  const Facility& f = loaded.value().facilities[0];
  EXPECT_EQ(f.position.lat, 35.123457);
  EXPECT_EQ(f.position.lng, 127.987654);
  EXPECT_EQ(f.s2_cell, LeafCellId(LatLng{35.123457, 127.987654}));
  const LatLng v = loaded.value().regions[0].rings[0][1];
  EXPECT_EQ(v.lat, -35.8);
  EXPECT_EQ(v.lng, -127.000001);
}

TEST(Bundle, IsDeterministic) {
  const std::vector<uint8_t> first = WriteBundle(FullDataset());
  EXPECT_EQ(first, WriteBundle(FullDataset()));
  // Writing what was loaded gives the same bytes again.
  Result<Dataset> loaded = Load(first);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  EXPECT_EQ(first, WriteBundle(loaded.value()));
}

TEST(Bundle, HeaderAndSectionsFollowTheDocumentedLayout) {
  const std::vector<uint8_t> bytes = WriteBundle(FullDataset());
  ASSERT_GE(bytes.size(), kHeaderSize);
  EXPECT_EQ(std::string(bytes.begin(), bytes.begin() + 8), "BOKJIBND");
  EXPECT_EQ(GetU32(bytes, 8), kBundleFormatVersion);
  EXPECT_EQ(GetU32(bytes, 12), Crc32(bytes.data() + 16, bytes.size() - 16));
  EXPECT_EQ(GetU64(bytes, 16), bytes.size());
  EXPECT_EQ(bytes.size() % 8, 0u);
  const uint32_t count = GetU32(bytes, 24);
  const uint64_t table_end = kHeaderSize + count * kEntrySize;
  for (uint32_t i = 0; i < count; ++i) {
    const uint64_t offset = GetU64(bytes, kHeaderSize + i * kEntrySize + 8);
    const uint64_t size = GetU64(bytes, kHeaderSize + i * kEntrySize + 16);
    EXPECT_EQ(offset % 8, 0u) << "section entry " << i;
    EXPECT_GE(offset, table_end);
    EXPECT_LE(offset + size, bytes.size());
  }
}

// A section this version does not know (as a newer writer might add) is skipped.
TEST(Bundle, SkipsUnknownSections) {
  const Dataset original = SmallDataset();
  std::vector<uint8_t> bytes = WriteBundle(original);
  // Rebuild with one more table entry (id 1000) pointing at 16 new bytes at the end; shift every
  // offset by the grown table (24 bytes, keeps 8-alignment).
  const uint32_t count = GetU32(bytes, 24);
  std::vector<uint8_t> grown(bytes.begin(), bytes.begin() + kHeaderSize + count * kEntrySize);
  for (uint32_t i = 0; i < count; ++i) {
    const size_t at = kHeaderSize + i * kEntrySize + 8;
    PutU64(grown, at, GetU64(grown, at) + kEntrySize);
  }
  std::vector<uint8_t> entry(kEntrySize, 0);
  PutU32(entry, 0, 1000);
  PutU64(entry, 8, bytes.size() + kEntrySize);
  PutU64(entry, 16, 16);
  grown.insert(grown.end(), entry.begin(), entry.end());
  grown.insert(grown.end(), bytes.begin() + kHeaderSize + count * kEntrySize, bytes.end());
  grown.insert(grown.end(), 16, 0xAB);
  PutU32(grown, 24, count + 1);
  PutU64(grown, 16, grown.size());
  FixCrc(grown);
  Result<Dataset> loaded = Load(grown);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  ExpectSameDataset(original, loaded.value());
}

// -------------------------------------------------------------------------------------------------
// Hostile input: every failure is a clean Status with a telling message.
// -------------------------------------------------------------------------------------------------

TEST(BundleRejects, EveryTruncation) {
  const std::vector<uint8_t> bytes = WriteBundle(SmallDataset());
  for (size_t n = 0; n < bytes.size(); ++n) {
    // A buffer of exactly n bytes, so a sanitizer sees any read past it.
    const std::vector<uint8_t> cut(bytes.begin(), bytes.begin() + n);
    Result<Dataset> loaded = LoadBundle(cut.empty() ? nullptr : cut.data(), n);
    ASSERT_FALSE(loaded.ok()) << "length " << n;
    EXPECT_TRUE(Contains(loaded.status().message(), "truncated"))
        << n << ": " << loaded.status().message();
  }
}

TEST(BundleRejects, EverySingleBitFlip) {
  const std::vector<uint8_t> bytes = WriteBundle(SmallDataset());
  for (size_t i = 0; i < bytes.size(); ++i) {
    for (int bit = 0; bit < 8; ++bit) {
      std::vector<uint8_t> flipped = bytes;
      flipped[i] ^= static_cast<uint8_t>(1u << bit);
      Result<Dataset> loaded = Load(flipped);
      ASSERT_FALSE(loaded.ok()) << "byte " << i << " bit " << bit;
      const std::string& m = loaded.status().message();
      EXPECT_TRUE(Contains(m, "checksum") || Contains(m, "magic") || Contains(m, "version") ||
                  Contains(m, "truncated") || Contains(m, "corrupted"))
          << "byte " << i << " bit " << bit << ": " << m;
      if (i >= 16 + 8 || (i >= 12 && i < 16)) {
        // Past the size field, or the CRC itself: only the checksum can catch it.
        EXPECT_TRUE(Contains(m, "checksum")) << "byte " << i << " bit " << bit << ": " << m;
      }
    }
  }
}

TEST(BundleRejects, WrongMagic) {
  std::vector<uint8_t> bytes = WriteBundle(SmallDataset());
  bytes[0] = 'X';
  Result<Dataset> loaded = Load(bytes);
  ASSERT_FALSE(loaded.ok());
  EXPECT_TRUE(Contains(loaded.status().message(), "magic")) << loaded.status().message();

  const std::string json = "{\"type\": \"FeatureCollection\", \"features\": []}";
  loaded = LoadBundle(reinterpret_cast<const uint8_t*>(json.data()), json.size());
  ASSERT_FALSE(loaded.ok());
  EXPECT_TRUE(Contains(loaded.status().message(), "magic")) << loaded.status().message();

  const uint8_t three[] = {'B', 'O', 'X'};  // shorter than the magic and already different
  loaded = LoadBundle(three, sizeof three);
  ASSERT_FALSE(loaded.ok());
  EXPECT_TRUE(Contains(loaded.status().message(), "magic")) << loaded.status().message();
}

TEST(BundleRejects, NewerVersionSaysSo) {
  std::vector<uint8_t> bytes = WriteBundle(SmallDataset());
  PutU32(bytes, 8, kBundleFormatVersion + 1);
  Result<Dataset> loaded = Load(bytes);
  ASSERT_FALSE(loaded.ok());
  EXPECT_TRUE(Contains(loaded.status().message(), "newer than this app"))
      << loaded.status().message();
  PutU32(bytes, 8, UINT32_MAX);
  loaded = Load(bytes);
  ASSERT_FALSE(loaded.ok());
  EXPECT_TRUE(Contains(loaded.status().message(), "newer than this app"))
      << loaded.status().message();
}

TEST(BundleRejects, OlderVersionSaysSo) {
  std::vector<uint8_t> bytes = WriteBundle(SmallDataset());
  PutU32(bytes, 8, kBundleFormatVersion - 1);
  Result<Dataset> loaded = Load(bytes);
  ASSERT_FALSE(loaded.ok());
  EXPECT_TRUE(Contains(loaded.status().message(), "older than this app"))
      << loaded.status().message();
}

TEST(BundleRejects, TrailingBytes) {
  std::vector<uint8_t> bytes = WriteBundle(SmallDataset());
  bytes.push_back(0);
  Result<Dataset> loaded = Load(bytes);
  ASSERT_FALSE(loaded.ok());
  EXPECT_TRUE(Contains(loaded.status().message(), "corrupted")) << loaded.status().message();
}

// Crafted files whose checksum is valid: the structural checks alone must stop them, with no huge
// allocation (a sanitizer or the allocator would fail the test on an absurd request) and no
// out-of-bounds read.
class BundleCrafted : public ::testing::Test {
 protected:
  // Loads `bytes` after fixing its CRC and expects a "corrupted" error.
  static void ExpectCorrupted(std::vector<uint8_t> bytes, const std::string& what) {
    FixCrc(bytes);
    Result<Dataset> loaded = Load(bytes);
    ASSERT_FALSE(loaded.ok()) << what;
    EXPECT_TRUE(Contains(loaded.status().message(), "corrupted"))
        << what << ": " << loaded.status().message();
  }
  const std::vector<uint8_t> bytes_ = WriteBundle(FullDataset());
};

TEST_F(BundleCrafted, HugeSectionCount) {
  for (uint32_t count : {UINT32_MAX, UINT32_MAX / 24 + 1, 1u << 20, 0u}) {
    std::vector<uint8_t> b = bytes_;
    PutU32(b, 24, count);
    ExpectCorrupted(b, "section count " + std::to_string(count));
  }
}

TEST_F(BundleCrafted, SectionOutsideTheFile) {
  for (uint32_t id = 1; id <= 11; ++id) {
    const size_t entry = EntryOf(bytes_, id);
    for (uint64_t size : {UINT64_MAX, UINT64_MAX - 7, uint64_t{bytes_.size()}, uint64_t{1} << 40}) {
      std::vector<uint8_t> b = bytes_;
      PutU64(b, entry + 16, size);
      ExpectCorrupted(b, "section " + std::to_string(id) + " size " + std::to_string(size));
    }
    for (uint64_t offset :
         {UINT64_MAX - 7, uint64_t{bytes_.size()} + 8, uint64_t{0}, uint64_t{8}}) {
      std::vector<uint8_t> b = bytes_;
      PutU64(b, entry + 8, offset);
      ExpectCorrupted(b, "section " + std::to_string(id) + " offset " + std::to_string(offset));
    }
    std::vector<uint8_t> misaligned = bytes_;
    PutU64(misaligned, entry + 8, GetU64(bytes_, entry + 8) + 1);
    ExpectCorrupted(misaligned, "misaligned section " + std::to_string(id));
  }
}

TEST_F(BundleCrafted, MissingOrDuplicateSection) {
  for (uint32_t id = 1; id <= 11; ++id) {
    std::vector<uint8_t> b = bytes_;
    PutU32(b, EntryOf(bytes_, id), 77);  // now unknown, so skipped: the section is missing
    ExpectCorrupted(b, "missing section " + std::to_string(id));
    b = bytes_;
    PutU32(b, EntryOf(bytes_, id), id == 1 ? 2 : 1);  // duplicates another id
    ExpectCorrupted(b, "duplicate of section " + std::to_string(id));
  }
}

// Record sections one byte short no longer hold whole records; the coordinate streams (9 vertices,
// 11 facility positions) one byte short end inside a point.
TEST_F(BundleCrafted, RecordSectionsOfTheWrongSize) {
  for (uint32_t id = 1; id <= 11; ++id) {
    if (id == 2) continue;  // the string blob has no record size
    const size_t entry = EntryOf(bytes_, id);
    std::vector<uint8_t> b = bytes_;
    PutU64(b, entry + 16, GetU64(bytes_, entry + 16) - 1);
    ExpectCorrupted(b, "section " + std::to_string(id) + " one byte short");
  }
}

// Where byte `field` of record `index` of section `id` lies in the file. Record sections are stored
// as byte planes (docs/bundle-format.md): byte j of record i at j × count + i.
size_t RecordByte(const std::vector<uint8_t>& bytes, uint32_t id, size_t record_size, size_t index,
                  size_t field) {
  const size_t entry = EntryOf(bytes, id);
  const size_t count = GetU64(bytes, entry + 16) / record_size;
  EXPECT_LT(index, count);
  return GetU64(bytes, entry + 8) + field * count + index;
}

// Overwrites the u32 at `field` of record `index` in section `id`.
std::vector<uint8_t> WithRecordField(const std::vector<uint8_t>& bytes, uint32_t id,
                                     size_t record_size, size_t index, size_t field,
                                     uint32_t value) {
  std::vector<uint8_t> b = bytes;
  for (size_t k = 0; k < 4; ++k)
    b[RecordByte(bytes, id, record_size, index, field + k)] =
        static_cast<uint8_t>(value >> (8 * k));
  return b;
}

// Overwrites the byte at `field` of record `index` in section `id`.
std::vector<uint8_t> WithRecordByte(const std::vector<uint8_t>& bytes, uint32_t id,
                                    size_t record_size, size_t index, size_t field, uint8_t value) {
  std::vector<uint8_t> b = bytes;
  b[RecordByte(bytes, id, record_size, index, field)] = value;
  return b;
}

TEST_F(BundleCrafted, StringReferencesOutsideTheBlob) {
  // Facility 0's name: offset at byte 8, length at 12 (docs/bundle-format.md).
  ExpectCorrupted(WithRecordField(bytes_, 4, 88, 0, 12, UINT32_MAX), "huge string length");
  ExpectCorrupted(WithRecordField(bytes_, 4, 88, 0, 8, UINT32_MAX), "huge string offset");
  ExpectCorrupted(WithRecordField(bytes_, 4, 88, 0, 84, UINT32_MAX), "homepage length");
  ExpectCorrupted(WithRecordField(bytes_, 3, 40, 0, 4, UINT32_MAX), "source name length");
  ExpectCorrupted(WithRecordField(bytes_, 3, 40, 2, 36, UINT32_MAX), "date note length");
  ExpectCorrupted(WithRecordField(bytes_, 1, 16, 0, 4, UINT32_MAX), "title length");
  ExpectCorrupted(WithRecordField(bytes_, 6, 8, 0, 4, 1u << 30), "theme length");
}

TEST_F(BundleCrafted, ManyRecordsSharingOneLongString) {
  // Point every program's summary at the whole blob: each fits alone, together they would decode to
  // (programs × blob) bytes. The loader refuses rather than allocate that.
  std::vector<uint8_t> b = bytes_;
  const uint64_t blob_size = GetU64(bytes_, EntryOf(bytes_, 2) + 16);
  for (size_t i = 0; i < FullDataset().programs.size(); ++i) {
    b = WithRecordField(b, 5, 136, i, 32, 0);
    b = WithRecordField(b, 5, 136, i, 36, static_cast<uint32_t>(blob_size));
  }
  ExpectCorrupted(b, "shared long string");
}

TEST_F(BundleCrafted, BadEnumsAndReferences) {
  ExpectCorrupted(WithRecordByte(bytes_, 4, 88, 0, 74, kFacilityCategoryCount),
                  "facility category");
  ExpectCorrupted(WithRecordByte(bytes_, 4, 88, 0, 75, kPositionQualityCount),
                  "facility position quality");
  ExpectCorrupted(WithRecordByte(bytes_, 5, 136, 0, 122, 4), "program level");
  ExpectCorrupted(WithRecordByte(bytes_, 7, 56, 0, 48, 3), "region level");
  // Source indexes past Dataset::sources (FullDataset has 3 sources).
  ExpectCorrupted(WithRecordByte(bytes_, 4, 88, 0, 72, 3), "facility source");
  ExpectCorrupted(WithRecordByte(bytes_, 5, 136, 0, 120, 0xFF), "program source");
  // Education event 0: audience, position flag, source.
  ExpectCorrupted(WithRecordByte(bytes_, 10, 104, 0, 98, 3), "education audience");
  ExpectCorrupted(WithRecordByte(bytes_, 10, 104, 0, 99, 2), "education position flag");
  ExpectCorrupted(WithRecordByte(bytes_, 10, 104, 0, 96, 3), "education source");
}

// Facility positions (section 11) and vertices (section 9) are zigzag varints of microdegree
// differences: a point past ±90° / ±180°, an overlong varint, a stream ending inside a point and
// bytes left over are each corrupt.
TEST_F(BundleCrafted, BadCoordinates) {
  // A varint of exactly 4 bytes for `v` (v < 2^28).
  auto four_bytes = [](uint32_t v) {
    return std::vector<uint8_t>{static_cast<uint8_t>(v | 0x80), static_cast<uint8_t>(v >> 7 | 0x80),
                                static_cast<uint8_t>(v >> 14 | 0x80),
                                static_cast<uint8_t>(v >> 21)};
  };
  for (uint32_t id : {9u, 11u}) {
    SCOPED_TRACE("section " + std::to_string(id));
    const size_t entry = EntryOf(bytes_, id);
    const size_t at = GetU64(bytes_, entry + 8);
    // The first point's latitude is 35° (a vertex) or 35.8242° (a facility): its difference from 0
    // is a 4-byte varint. Made ±(90° + 1 microdegree), zigzag 180,000,002 / 180,000,001, also 4
    // bytes.
    ASSERT_EQ(bytes_[at + 3] & 0x80, 0);
    ASSERT_NE(bytes_[at + 2] & 0x80, 0);
    for (uint32_t zigzag : {180'000'002u, 180'000'001u}) {
      std::vector<uint8_t> b = bytes_;
      const std::vector<uint8_t> varint = four_bytes(zigzag);
      std::copy(varint.begin(), varint.end(), b.begin() + at);
      ExpectCorrupted(b, "latitude beyond 90 degrees, zigzag " + std::to_string(zigzag));
    }
    // Five continuation bytes: longer than any difference the writer can produce.
    std::vector<uint8_t> b = bytes_;
    for (size_t k = 0; k < 5; ++k) b[at + k] = 0xFF;
    ExpectCorrupted(b, "overlong varint");
  }
  // One zero byte (a difference of 0) more than the facilities need: bytes left over. The section
  // is the last one; its padding byte is that zero.
  const size_t entry = EntryOf(bytes_, 11);
  const uint64_t size = GetU64(bytes_, entry + 16);
  ASSERT_NE((GetU64(bytes_, entry + 8) + size) % 8, 0u) << "FullDataset's positions end 8-aligned";
  std::vector<uint8_t> b = bytes_;
  PutU64(b, entry + 16, size + 1);
  ExpectCorrupted(b, "facility positions with a byte left over");
}

// Program 1's benefits string (offset 128, new in version 2) is checked like the other strings.
TEST_F(BundleCrafted, BenefitsStringOutsideTheBlob) {
  ExpectCorrupted(WithRecordField(bytes_, 5, 136, 1, 132, UINT32_MAX), "huge benefits length");
  ExpectCorrupted(WithRecordField(bytes_, 5, 136, 0, 128, UINT32_MAX), "huge benefits offset");
}

TEST_F(BundleCrafted, BadThemeRanges) {
  ExpectCorrupted(WithRecordField(bytes_, 5, 136, 0, 100, UINT32_MAX), "huge theme count");
  ExpectCorrupted(WithRecordField(bytes_, 5, 136, 0, 96, 1), "theme range not starting at 0");
  ExpectCorrupted(WithRecordField(bytes_, 5, 136, 1, 96, 0), "overlapping theme ranges");
  ExpectCorrupted(WithRecordField(bytes_, 5, 136, 3, 100, 0), "unused themes");
}

TEST_F(BundleCrafted, BadRings) {
  ExpectCorrupted(WithRecordField(bytes_, 7, 56, 0, 44, UINT32_MAX), "huge ring count");
  ExpectCorrupted(WithRecordField(bytes_, 7, 56, 2, 40, 0), "overlapping ring ranges");
  ExpectCorrupted(WithRecordField(bytes_, 7, 56, 2, 44, 0), "unused rings");
  ExpectCorrupted(WithRecordField(bytes_, 8, 4, 0, 0, 1), "first ring not at vertex 0");
  const size_t last_start = GetU64(bytes_, EntryOf(bytes_, 8) + 16) / 4 - 1;
  uint32_t vertex_count = 0;
  for (const Region& r : FullDataset().regions)
    for (const Ring& ring : r.rings) vertex_count += static_cast<uint32_t>(ring.size());
  ExpectCorrupted(WithRecordField(bytes_, 8, 4, last_start, 0, vertex_count - 1),
                  "vertices left over after the last ring");
  ExpectCorrupted(WithRecordField(bytes_, 8, 4, last_start, 0, vertex_count + 1),
                  "ring ending past the vertices");
  ExpectCorrupted(WithRecordField(bytes_, 8, 4, 2, 0, 1), "ring ending before it starts");
  // The ring starts section emptied entirely.
  std::vector<uint8_t> b = bytes_;
  PutU64(b, EntryOf(bytes_, 8) + 16, 0);
  ExpectCorrupted(b, "no ring starts");
}

// Random multi-byte damage behind a recomputed checksum: whatever the loader makes of it, it
// must not crash or read out of bounds (a sanitizer build shows that), and what it accepts must
// be consistent.
TEST_F(BundleCrafted, RandomDamageWithValidChecksum) {
  uint32_t x = 2024;
  auto next = [&x] { return x = x * 1664525u + 1013904223u; };
  int accepted = 0;
  for (int round = 0; round < 3000; ++round) {
    std::vector<uint8_t> b = bytes_;
    const int edits = 1 + next() % 8;
    for (int e = 0; e < edits; ++e)
      b[24 + next() % (b.size() - 24)] = static_cast<uint8_t>(next() >> 24);
    FixCrc(b);
    Result<Dataset> loaded = Load(b);
    if (!loaded.ok()) {
      // Damage inside a link can turn it into something other than http(s): refused, not corrupt.
      EXPECT_TRUE(Contains(loaded.status().message(), "corrupted") ||
                  Contains(loaded.status().message(), "not an http or https link"))
          << loaded.status().message();
      continue;
    }
    ++accepted;  // damage inside strings or numbers is invisible to the format: fine, if consistent
    const Dataset& d = loaded.value();
    for (const Facility& f : d.facilities) {
      EXPECT_LT(f.source, d.sources.size());
      EXPECT_LT(static_cast<int>(f.category), kFacilityCategoryCount);
      EXPECT_LT(static_cast<int>(f.position_quality), kPositionQualityCount);
      EXPECT_TRUE(f.homepage.empty() || IsWebLink(f.homepage)) << f.homepage;
    }
    for (const Program& p : d.programs) {
      EXPECT_LT(p.source, d.sources.size());
      EXPECT_TRUE(p.apply_url.empty() || IsWebLink(p.apply_url)) << p.apply_url;
      EXPECT_LE(static_cast<int>(p.level), static_cast<int>(ProgramLevel::kPrivate));
    }
    for (const Region& r : d.regions)
      EXPECT_LE(static_cast<int>(r.level), static_cast<int>(RegionLevel::kEmd));
    for (const EducationEvent& e : d.education) {
      EXPECT_LT(e.source, d.sources.size());
      EXPECT_LE(static_cast<int>(e.audience), static_cast<int>(EducationAudience::kBoth));
    }
  }
  EXPECT_GT(accepted, 0);  // the test also exercised the success path
}

// An approximate position stands for its area: without the area's codes the record is corrupt.
TEST_F(BundleCrafted, ApproximatePositionWithoutItsRegion) {
  const Dataset d = FullDataset();
  size_t approx_emd = d.facilities.size(), approx_sigungu = d.facilities.size();
  for (size_t i = 0; i < d.facilities.size(); ++i) {
    if (d.facilities[i].position_quality == PositionQuality::kApproxEmd) approx_emd = i;
    if (d.facilities[i].position_quality == PositionQuality::kApproxSigungu) approx_sigungu = i;
  }
  ASSERT_LT(approx_emd, d.facilities.size());
  ASSERT_LT(approx_sigungu, d.facilities.size());
  // Facility fields: sigungu_code at 60, emd_code at 64 (docs/bundle-format.md).
  ExpectCorrupted(WithRecordField(bytes_, 4, 88, approx_emd, 64, 0), "approximate 읍면동, no emd");
  ExpectCorrupted(WithRecordField(bytes_, 4, 88, approx_emd, 60, 0),
                  "approximate 읍면동, no 시군구");
  ExpectCorrupted(WithRecordField(bytes_, 4, 88, approx_sigungu, 60, 0),
                  "approximate 시군구, no 시군구");
  ExpectCorrupted(WithRecordField(bytes_, 4, 88, approx_sigungu, 64, 3501101),
                  "approximate 시군구 claiming a 읍면동");
}

// -------------------------------------------------------------------------------------------------
// Links: only http and https pass (core/links.h); a bundle holding another is refused whole.
// -------------------------------------------------------------------------------------------------

TEST(BundleLinks, RefusesEveryNonWebLinkInEveryLinkField) {
  const std::vector<std::string> unsafe = {"javascript:alert(1)",
                                           "JavaScript:alert(1)",
                                           "data:text/html,<script>",
                                           "vbscript:x",
                                           " https://example.org",
                                           "https:/example.org",
                                           "https://",
                                           "//example.org",
                                           "file:///etc",
                                           "https://exa mple.org",
                                           "https:\\\\example.org",
                                           std::string("https://a\0b", 11),
                                           "http://\texample.org",
                                           "www.example.org"};
  for (const std::string& link : unsafe) {
    SCOPED_TRACE(link);
    for (int field = 0; field < 3; ++field) {
      Dataset d = SmallDataset();
      const char* name = field == 0 ? "homepage" : field == 1 ? "apply_url" : "link_url";
      if (field == 0) d.facilities[0].homepage = link;
      if (field == 1) d.programs[0].apply_url = link;
      if (field == 2) d.education[0].link_url = link;
      Result<Dataset> loaded = Load(WriteBundle(d));
      ASSERT_FALSE(loaded.ok()) << name;
      EXPECT_TRUE(Contains(loaded.status().message(), "refused")) << loaded.status().message();
      EXPECT_TRUE(Contains(loaded.status().message(), name)) << loaded.status().message();
      EXPECT_FALSE(Contains(loaded.status().message(), "corrupted")) << loaded.status().message();
    }
  }
}

TEST(BundleLinks, AcceptsWebLinksAndEmptyFields) {
  for (const std::string& link :
       {std::string(""), std::string("https://www.bokjiro.go.kr/x?wlfareInfoId=WLF1"),
        std::string("http://www.요실금수술.com/"), std::string("HTTPS://EXAMPLE.ORG")}) {
    Dataset d = SmallDataset();
    d.facilities[0].homepage = d.programs[0].apply_url = d.education[0].link_url = link;
    Result<Dataset> loaded = Load(WriteBundle(d));
    ASSERT_TRUE(loaded.ok()) << link << ": " << loaded.status().message();
    EXPECT_EQ(loaded.value().programs[0].apply_url, link);
  }
}

// A long link is shown cut in the message, never in the middle of a UTF-8 character.
TEST(BundleLinks, MessageShowsTheLinkCutAtACharacter) {
  Dataset d = SmallDataset();
  d.programs[0].apply_url = "javascript:" + std::string(10, 'x') + "가나다라마바사아자차카타파하";
  Result<Dataset> loaded = Load(WriteBundle(d));
  ASSERT_FALSE(loaded.ok());
  const std::string& message = loaded.status().message();
  EXPECT_TRUE(Contains(message, "program 0 has a apply_url")) << message;
  EXPECT_TRUE(Contains(message, "javascript:xxxxxxxxxx가나다라마바")) << message;
  EXPECT_TRUE(Contains(message, "…")) << message;
}

TEST(Links, IsWebLinkFollowsTheRule) {
  EXPECT_TRUE(IsWebLink("http://a"));
  EXPECT_TRUE(IsWebLink("https://a/b?c=d#e"));
  EXPECT_TRUE(IsWebLink("hTtPs://a"));
  EXPECT_FALSE(IsWebLink(""));
  EXPECT_FALSE(IsWebLink("http://"));
  EXPECT_FALSE(IsWebLink("http:///a"));
  EXPECT_FALSE(IsWebLink("https:a"));
  EXPECT_FALSE(IsWebLink("httpx://a"));
  EXPECT_FALSE(IsWebLink("ftp://a"));
  EXPECT_FALSE(IsWebLink("https://a\x7f"));
  EXPECT_FALSE(IsWebLink("https://a\nb"));
  EXPECT_FALSE(IsWebLink("tel:0632229999"));
}

}  // namespace
}  // namespace bokji
