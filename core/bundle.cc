// The bundle writer and reader. docs/bundle-format.md is the byte layout: the constants below
// must match it.
//
// Index
//   - Layout constants      header, section ids, record sizes
//   - CRC-32
//   - Little-endian bytes   ByteWriter (append), Load* (read from a checked position)
//   - Coordinates           microdegrees, zigzag varints, PointReader
//   - Record byte planes    Shuffle / Unshuffle of fixed-size record sections
//   - Writer                StringTable (the blob), one function per section, WriteBundle
//   - Reader                StringReader, one function per section, LoadBundle (header, table)
#include "core/bundle.h"

#include "core/geo.h"
#include "core/links.h"

#include <array>
#include <cassert>
#include <cmath>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace bokji {
namespace {

// -------------------------------------------------------------------------------------------------
// Layout constants
// -------------------------------------------------------------------------------------------------

constexpr char kMagic[8] = {'B', 'O', 'K', 'J', 'I', 'B', 'N', 'D'};
constexpr size_t kHeaderSize = 32;
constexpr size_t kCrcOffset = 12;
constexpr size_t kCrcStart = 16;  // the CRC covers [16, total_size): everything after the CRC field
constexpr size_t kSectionEntrySize = 24;
constexpr size_t kAlignment = 8;

enum SectionId : uint32_t {
  kSectionMeta = 1,
  kSectionStrings = 2,
  kSectionSources = 3,
  kSectionFacilities = 4,
  kSectionPrograms = 5,
  kSectionProgramThemes = 6,
  kSectionRegions = 7,
  kSectionRingStarts = 8,
  kSectionVertices = 9,
  kSectionEducation = 10,          // since version 2
  kSectionFacilityPositions = 11,  // since version 4
};
constexpr uint32_t kFirstKnownSection = kSectionMeta;
constexpr uint32_t kLastKnownSection = kSectionFacilityPositions;

const char* SectionName(uint32_t id) {
  switch (id) {
    case kSectionMeta:
      return "meta";
    case kSectionStrings:
      return "strings";
    case kSectionSources:
      return "sources";
    case kSectionFacilities:
      return "facilities";
    case kSectionPrograms:
      return "programs";
    case kSectionProgramThemes:
      return "program themes";
    case kSectionRegions:
      return "regions";
    case kSectionRingStarts:
      return "ring starts";
    case kSectionVertices:
      return "vertices";
    case kSectionEducation:
      return "education";
    case kSectionFacilityPositions:
      return "facility positions";
    default:
      return "unknown";
  }
}

constexpr size_t kStringRefSize = 8;  // u32 offset into the blob, u32 byte length
constexpr size_t kMetaSize = 16;
constexpr size_t kSourceSize = 40;    // 32 before version 3
constexpr size_t kFacilitySize = 88;  // 112 in version 3 (position and s2_cell), 104 before
constexpr size_t kProgramSize = 136;
constexpr size_t kRegionSize = 56;
constexpr size_t kRingStartSize = 4;
constexpr size_t kEducationSize = 104;  // 112 before version 4 (s2_cell)

// The record size of each section whose records are stored as byte planes (Shuffle below); 0 for
// the sections that are byte streams (strings, vertices, facility positions).
constexpr size_t RecordSizeOf(uint32_t id) {
  switch (id) {
    case kSectionMeta:
      return kMetaSize;
    case kSectionSources:
      return kSourceSize;
    case kSectionFacilities:
      return kFacilitySize;
    case kSectionPrograms:
      return kProgramSize;
    case kSectionProgramThemes:
      return kStringRefSize;
    case kSectionRegions:
      return kRegionSize;
    case kSectionRingStarts:
      return kRingStartSize;
    case kSectionEducation:
      return kEducationSize;
    default:
      return 0;
  }
}

// -------------------------------------------------------------------------------------------------
// CRC-32
// -------------------------------------------------------------------------------------------------

constexpr std::array<uint32_t, 256> MakeCrcTable() {
  std::array<uint32_t, 256> table{};
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t c = i;
    for (int bit = 0; bit < 8; ++bit) c = (c & 1) ? (0xEDB88320u ^ (c >> 1)) : (c >> 1);
    table[i] = c;
  }
  return table;
}
constexpr std::array<uint32_t, 256> kCrcTable = MakeCrcTable();

// -------------------------------------------------------------------------------------------------
// Little-endian bytes
// -------------------------------------------------------------------------------------------------

class ByteWriter {
 public:
  void U8(uint8_t v) { bytes_.push_back(v); }
  void U16(uint16_t v) {
    for (int i = 0; i < 2; ++i) bytes_.push_back(static_cast<uint8_t>(v >> (8 * i)));
  }
  void U32(uint32_t v) {
    for (int i = 0; i < 4; ++i) bytes_.push_back(static_cast<uint8_t>(v >> (8 * i)));
  }
  void U64(uint64_t v) {
    for (int i = 0; i < 8; ++i) bytes_.push_back(static_cast<uint8_t>(v >> (8 * i)));
  }
  void F64(double v) {
    uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    U64(bits);
  }
  void Zeros(size_t n) { bytes_.insert(bytes_.end(), n, 0); }
  void Bytes(const void* data, size_t n) {
    const uint8_t* p = static_cast<const uint8_t*>(data);
    bytes_.insert(bytes_.end(), p, p + n);
  }
  void PadToAlignment() { Zeros((kAlignment - bytes_.size() % kAlignment) % kAlignment); }
  size_t size() const { return bytes_.size(); }
  std::vector<uint8_t>& bytes() { return bytes_; }

 private:
  std::vector<uint8_t> bytes_;
};

// REQUIRES (all Load*): [p, p + width) lies inside the buffer; callers check sizes first.
uint16_t LoadU16(const uint8_t* p) {
  return static_cast<uint16_t>(p[0] | (p[1] << 8));
}
uint32_t LoadU32(const uint8_t* p) {
  return uint32_t{p[0]} | (uint32_t{p[1]} << 8) | (uint32_t{p[2]} << 16) | (uint32_t{p[3]} << 24);
}
uint64_t LoadU64(const uint8_t* p) {
  return uint64_t{LoadU32(p)} | (uint64_t{LoadU32(p + 4)} << 32);
}
double LoadF64(const uint8_t* p) {
  uint64_t bits = LoadU64(p);
  double v;
  std::memcpy(&v, &bits, sizeof v);
  return v;
}

// -------------------------------------------------------------------------------------------------
// Coordinates: facility positions and boundary vertices are integer microdegrees (1e-6°, about
// 0.1 m), each point stored as the zigzag-varint difference from the previous point of its
// section (lat, then lng). Neighbouring points are close, so most differences take 1–3 bytes.
// -------------------------------------------------------------------------------------------------

constexpr double kMicrodegrees = 1e6;
constexpr int64_t kMaxLatMicro = 90'000'000;
constexpr int64_t kMaxLngMicro = 180'000'000;
constexpr int kMaxVarintBytes = 5;  // a zigzag difference of at most 2 × 360e6 fits in 35 bits

// REQUIRES: `degrees` is finite and |degrees| ≤ 180 (the writer's contract on positions).
int64_t ToMicrodegrees(double degrees) {
  assert(std::isfinite(degrees) && std::fabs(degrees) <= 180.0 &&
         "bundle positions must be finite latitudes/longitudes");
  return std::llround(degrees * kMicrodegrees);
}

uint64_t ZigZag(int64_t v) {
  return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
}
int64_t UnZigZag(uint64_t v) {
  return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
}

// Appends points as differences from the previous one (the first from 0, 0).
class PointWriter {
 public:
  explicit PointWriter(std::vector<uint8_t>& out) : out_(out) {}
  void Add(LatLng p) {
    const int64_t lat = ToMicrodegrees(p.lat), lng = ToMicrodegrees(p.lng);
    assert(std::llabs(lat) <= kMaxLatMicro && "latitude beyond ±90°");
    Varint(ZigZag(lat - lat_));
    Varint(ZigZag(lng - lng_));
    lat_ = lat;
    lng_ = lng;
  }

 private:
  void Varint(uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<uint8_t>(v | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<uint8_t>(v));
  }
  std::vector<uint8_t>& out_;
  int64_t lat_ = 0, lng_ = 0;
};

// Reads what PointWriter wrote, refusing anything that would leave ±90° / ±180°.
class PointReader {
 public:
  PointReader(const uint8_t* data, size_t size) : p_(data), end_(data + size) {}
  // False on a truncated or overlong varint or a point out of range.
  bool Next(LatLng& out) {
    uint64_t dlat = 0, dlng = 0;
    if (!Varint(dlat) || !Varint(dlng)) return false;
    // Both values are < 2^35, so the sums below cannot overflow.
    lat_ += UnZigZag(dlat);
    lng_ += UnZigZag(dlng);
    if (lat_ < -kMaxLatMicro || lat_ > kMaxLatMicro || lng_ < -kMaxLngMicro || lng_ > kMaxLngMicro)
      return false;
    out = LatLng{static_cast<double>(lat_) / kMicrodegrees,
                 static_cast<double>(lng_) / kMicrodegrees};
    return true;
  }
  bool AtEnd() const { return p_ == end_; }

 private:
  bool Varint(uint64_t& v) {
    v = 0;
    for (int i = 0; i < kMaxVarintBytes; ++i) {
      if (p_ == end_) return false;
      const uint8_t byte = *p_++;
      v |= uint64_t{byte & 0x7Fu} << (7 * i);
      if ((byte & 0x80) == 0) return true;
    }
    return false;
  }
  const uint8_t* p_;
  const uint8_t* end_;
  int64_t lat_ = 0, lng_ = 0;
};

// -------------------------------------------------------------------------------------------------
// Record byte planes: a section of N records of R bytes is stored transposed, byte j of record i at
// j × N + i. Equal bytes of neighbouring records (high bytes of offsets and codes, enums, zero
// padding) then sit side by side, which the server's brotli/gzip compress far better (facilities:
// 164 → 132 KB brotli before the other version 4 changes).
// -------------------------------------------------------------------------------------------------

// REQUIRES: in.size() is a multiple of record_size > 0.
std::vector<uint8_t> Shuffle(const std::vector<uint8_t>& in, size_t record_size) {
  assert(record_size > 0 && in.size() % record_size == 0 && "whole records only");
  const size_t n = in.size() / record_size;
  std::vector<uint8_t> out(in.size());
  for (size_t i = 0; i < n; ++i)
    for (size_t j = 0; j < record_size; ++j) out[j * n + i] = in[i * record_size + j];
  return out;
}

// REQUIRES: size is a multiple of record_size > 0 (LoadBundle checks it first).
std::vector<uint8_t> Unshuffle(const uint8_t* in, size_t size, size_t record_size) {
  const size_t n = size / record_size;
  std::vector<uint8_t> out(size);
  for (size_t j = 0; j < record_size; ++j)
    for (size_t i = 0; i < n; ++i) out[i * record_size + j] = in[j * n + i];
  return out;
}

// -------------------------------------------------------------------------------------------------
// Writer
// -------------------------------------------------------------------------------------------------

// The string blob: every non-empty string appended in write order. No deduplication: the reader can
// then require that decoded strings add up to at most the blob's size, which bounds its
// allocations, and the repeats (provider names, licences) cost little once the file is served
// compressed.
class StringTable {
 public:
  struct Placed {
    uint32_t offset = 0, length = 0;
  };
  // Appends `s` to the blob and returns its reference. The empty string is (0, 0).
  Placed Place(std::string_view s) {
    // The u32 offsets limit the blob to 4 GiB; a bundle is a few megabytes.
    assert(blob_.size() + s.size() <= UINT32_MAX && "string blob exceeds the format's 4 GiB limit");
    const Placed placed{s.empty() ? 0 : static_cast<uint32_t>(blob_.size()),
                        static_cast<uint32_t>(s.size())};
    blob_.append(s);
    return placed;
  }
  static void Write(Placed placed, ByteWriter& out) {
    out.U32(placed.offset);
    out.U32(placed.length);
  }
  // Appends `s` to the blob and its (offset, length) reference to `out`.
  void Ref(std::string_view s, ByteWriter& out) { Write(Place(s), out); }
  const std::string& blob() const { return blob_; }

 private:
  std::string blob_;
};

void WriteMeta(const Dataset& data, StringTable& strings, ByteWriter& out) {
  strings.Ref(data.title, out);
  out.U32(data.built);
  out.U32(0);
}

void WriteSources(const Dataset& data, StringTable& strings, ByteWriter& out) {
  for (const Source& s : data.sources) {
    strings.Ref(s.name, out);
    strings.Ref(s.publisher, out);
    strings.Ref(s.licence, out);
    out.U32(s.data_date);
    out.U32(0);
    strings.Ref(s.data_date_note, out);  // since version 3
  }
}

// Places one string field of every record in the blob, field by field (all names, then all
// addresses, ...): like next to like, which compresses better than record order (facility strings
// 171 → 155 KB brotli). refs[i * field_count + k] is record i's field k.
template <typename Record>
std::vector<StringTable::Placed> PlaceByField(
    const std::vector<Record>& records, std::initializer_list<const std::string Record::*> fields,
    StringTable& strings) {
  std::vector<StringTable::Placed> refs(records.size() * fields.size());
  size_t k = 0;
  for (const std::string Record::*field : fields) {
    for (size_t i = 0; i < records.size(); ++i)
      refs[i * fields.size() + k] = strings.Place(records[i].*field);
    ++k;
  }
  return refs;
}

void WriteFacilities(const Dataset& data, StringTable& strings, ByteWriter& out,
                     ByteWriter& positions) {
  constexpr size_t kFields = 8;
  const std::vector<StringTable::Placed> refs = PlaceByField(
      data.facilities,
      {&Facility::source_key, &Facility::name, &Facility::road_address, &Facility::lot_address,
       &Facility::phone, &Facility::hours, &Facility::operator_name, &Facility::homepage},
      strings);
  PointWriter points(positions.bytes());
  for (size_t i = 0; i < data.facilities.size(); ++i) {
    const Facility& f = data.facilities[i];
    assert(f.source < data.sources.size() && "Facility::source must index Dataset::sources");
    assert(static_cast<int>(f.category) < kFacilityCategoryCount &&
           "unnamed FacilityCategory value");
    assert(static_cast<int>(f.position_quality) < kPositionQualityCount &&
           "unnamed PositionQuality value");
    points.Add(f.position);  // s2_cell is not stored: the reader derives it from the position
    for (size_t k = 0; k < 7; ++k) StringTable::Write(refs[i * kFields + k], out);
    out.U32(f.targets);
    out.U32(f.sigungu_code);
    out.U32(f.emd_code);
    out.U32(f.verified);
    out.U16(f.source);
    out.U8(static_cast<uint8_t>(f.category));
    out.U8(static_cast<uint8_t>(f.position_quality));  // since version 3
    out.Zeros(4);
    StringTable::Write(refs[i * kFields + 7], out);  // homepage, since version 3
  }
}

void WritePrograms(const Dataset& data, StringTable& strings, ByteWriter& out, ByteWriter& themes) {
  constexpr size_t kFields = 13;
  const std::vector<StringTable::Placed> refs =
      PlaceByField(data.programs,
                   {&Program::service_id, &Program::name, &Program::provider, &Program::region_name,
                    &Program::summary, &Program::eligibility, &Program::selection_criteria,
                    &Program::how_to_apply, &Program::contact, &Program::apply_url,
                    &Program::provision, &Program::cycle, &Program::benefits},
                   strings);
  uint32_t theme_index = 0;
  for (size_t i = 0; i < data.programs.size(); ++i) {
    const Program& p = data.programs[i];
    assert(p.source < data.sources.size() && "Program::source must index Dataset::sources");
    assert(static_cast<int>(p.level) <= static_cast<int>(ProgramLevel::kPrivate) &&
           "unnamed ProgramLevel value");
    for (size_t k = 0; k < 12; ++k) StringTable::Write(refs[i * kFields + k], out);
    out.U32(theme_index);
    out.U32(static_cast<uint32_t>(p.themes.size()));
    for (const std::string& theme : p.themes) strings.Ref(theme, themes);
    theme_index += static_cast<uint32_t>(p.themes.size());
    out.U32(p.sigungu_code);
    out.U32(p.life_stages);
    out.U32(p.targets);
    out.U32(p.updated);
    out.U16(p.source);
    out.U8(static_cast<uint8_t>(p.level));
    out.Zeros(5);
    StringTable::Write(refs[i * kFields + 12], out);  // benefits, since version 2
  }
}

void WriteRegions(const Dataset& data, StringTable& strings, ByteWriter& out,
                  ByteWriter& ring_starts, ByteWriter& vertices) {
  uint32_t ring_index = 0;
  uint32_t vertex_index = 0;
  PointWriter points(vertices.bytes());
  for (const Region& r : data.regions) {
    assert(static_cast<int>(r.level) <= static_cast<int>(RegionLevel::kEmd) &&
           "unnamed RegionLevel value");
    // Rounded like facility positions, so that an approximate facility placed at its area's label
    // point still loads equal to it.
    out.F64(static_cast<double>(ToMicrodegrees(r.label.lat)) / kMicrodegrees);
    out.F64(static_cast<double>(ToMicrodegrees(r.label.lng)) / kMicrodegrees);
    strings.Ref(r.name, out);
    strings.Ref(r.full_name, out);
    out.U32(r.code);
    out.U32(r.parent_code);
    out.U32(ring_index);
    out.U32(static_cast<uint32_t>(r.rings.size()));
    out.U8(static_cast<uint8_t>(r.level));
    out.Zeros(7);
    for (const Ring& ring : r.rings) {
      ring_starts.U32(vertex_index);
      for (const LatLng& v : ring) points.Add(v);
      vertex_index += static_cast<uint32_t>(ring.size());
    }
    ring_index += static_cast<uint32_t>(r.rings.size());
  }
  ring_starts.U32(vertex_index);  // the end of the last ring
}

void WriteEducation(const Dataset& data, StringTable& strings, ByteWriter& out) {
  for (const EducationEvent& e : data.education) {
    assert(e.source < data.sources.size() && "EducationEvent::source must index Dataset::sources");
    assert(static_cast<int>(e.audience) <= static_cast<int>(EducationAudience::kBoth) &&
           "unnamed EducationAudience value");
    const LatLng position = e.position.value_or(LatLng{});
    out.F64(position.lat);
    out.F64(position.lng);
    out.U64(e.start);  // s2_cell is not stored: the reader derives it from the position
    out.U64(e.end);
    // The same order as ReadEducation's fields.
    for (const std::string* field :
         {&e.title, &e.organiser, &e.place_name, &e.address, &e.link_url, &e.fee, &e.contact}) {
      strings.Ref(*field, out);
    }
    out.U32(e.sigungu_code);
    out.U32(e.emd_code);
    out.U16(e.source);
    out.U8(static_cast<uint8_t>(e.audience));
    out.U8(e.position.has_value() ? 1 : 0);
    out.Zeros(4);
  }
}

// -------------------------------------------------------------------------------------------------
// Reader
// -------------------------------------------------------------------------------------------------

Status Corrupted(const std::string& what) {
  return Status::Error("The bundle is corrupted: " + what + ".");
}

// One section's bytes, already checked to lie inside the buffer.
struct Span {
  const uint8_t* data = nullptr;
  size_t size = 0;
};

// Resolves string references against the blob. The writer gives every string its own bytes (no
// sharing), so decoded strings add up to at most the blob's size: a crafted file pointing many
// records at one long string is rejected instead of making us allocate (records × blob) bytes.
class StringReader {
 public:
  explicit StringReader(Span blob) : blob_(blob), unread_(blob.size) {}

  // Reads the reference at `p` into `out`; false if it points outside the blob or the blob is
  // used up.
  bool Read(const uint8_t* p, std::string& out) {
    uint32_t offset = LoadU32(p);
    uint32_t length = LoadU32(p + 4);
    if (uint64_t{offset} + length > blob_.size || length > unread_) return false;
    unread_ -= length;
    out.assign(reinterpret_cast<const char*>(blob_.data) + offset, length);
    return true;
  }

 private:
  Span blob_;
  uint64_t unread_;  // blob bytes not yet claimed by a string
};

// Reads the consecutive string references at `at` into `fields`, in order; false as soon as one
// fails StringReader::Read.
bool ReadStrings(StringReader& strings, const uint8_t* at,
                 std::initializer_list<std::string*> fields) {
  for (std::string* field : fields) {
    if (!strings.Read(at, *field)) return false;
    at += kStringRefSize;
  }
  return true;
}

// A link field must be empty or a web page (core/links.h): the app opens these in the browser, so a
// bundle holding "javascript:…" is refused whole, whatever wrote it.
Status CheckLink(const char* record, size_t index, const char* field, const std::string& link) {
  if (link.empty() || IsWebLink(link)) return Status::Ok();
  size_t cut = link.size() < 40 ? link.size() : 40;
  while (cut > 0 && cut < link.size() && (static_cast<unsigned char>(link[cut]) & 0xC0) == 0x80)
    --cut;  // not in the middle of a UTF-8 character
  std::string shown = link.substr(0, cut);
  for (char& c : shown) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = '?';
  }
  return Status::Error("The bundle is refused: " + std::string(record) + " " +
                       std::to_string(index) + " has a " + field +
                       " that is not an http or https link (\"" + shown +
                       (cut < link.size() ? "…" : "") + "\").");
}

Status BadString(const char* section, size_t index) {
  return Corrupted(std::string("a string of ") + section + " record " + std::to_string(index) +
                   " points outside the string blob or reuses its bytes");
}

// Checks that `span` holds a whole number of `record_size` records; sets `count`.
Status CountRecords(Span span, size_t record_size, uint32_t id, size_t& count) {
  if (span.size % record_size != 0) {
    return Corrupted(std::string("the ") + SectionName(id) + " section is " +
                     std::to_string(span.size) + " bytes, not a multiple of its " +
                     std::to_string(record_size) + "-byte records");
  }
  count = span.size / record_size;
  return Status::Ok();
}

Status ReadMeta(Span span, StringReader& strings, Dataset& data) {
  if (span.size != kMetaSize) return Corrupted("the meta section has the wrong size");
  if (!strings.Read(span.data, data.title)) return BadString("meta", 0);
  data.built = LoadU32(span.data + 8);
  return Status::Ok();
}

Status ReadSources(Span span, StringReader& strings, Dataset& data) {
  size_t count = 0;
  if (Status s = CountRecords(span, kSourceSize, kSectionSources, count); !s.ok()) return s;
  data.sources.resize(count);
  for (size_t i = 0; i < count; ++i) {
    const uint8_t* p = span.data + i * kSourceSize;
    Source& s = data.sources[i];
    if (!strings.Read(p, s.name) || !strings.Read(p + 8, s.publisher) ||
        !strings.Read(p + 16, s.licence)) {
      return BadString("source", i);
    }
    s.data_date = LoadU32(p + 24);
    if (!strings.Read(p + 32, s.data_date_note)) return BadString("source", i);
  }
  return Status::Ok();
}

Status ReadFacilities(Span span, Span positions, StringReader& strings, Dataset& data) {
  size_t count = 0;
  if (Status s = CountRecords(span, kFacilitySize, kSectionFacilities, count); !s.ok()) return s;
  data.facilities.resize(count);
  PointReader points(positions.data, positions.size);
  for (size_t i = 0; i < count; ++i) {
    const uint8_t* p = span.data + i * kFacilitySize;
    Facility& f = data.facilities[i];
    if (!points.Next(f.position)) {
      return Corrupted("the position of facility " + std::to_string(i) +
                       " is missing or out of range");
    }
    f.s2_cell = LeafCellId(f.position);
    if (!ReadStrings(strings, p,
                     {&f.source_key, &f.name, &f.road_address, &f.lot_address, &f.phone, &f.hours,
                      &f.operator_name})) {
      return BadString("facility", i);
    }
    f.targets = LoadU32(p + 56);
    f.sigungu_code = LoadU32(p + 60);
    f.emd_code = LoadU32(p + 64);
    f.verified = LoadU32(p + 68);
    f.source = LoadU16(p + 72);
    uint8_t category = p[74];
    if (category >= kFacilityCategoryCount) {
      return Corrupted("facility " + std::to_string(i) + " has unknown category " +
                       std::to_string(category));
    }
    f.category = static_cast<FacilityCategory>(category);
    const uint8_t quality = p[75];
    if (quality >= kPositionQualityCount) {
      return Corrupted("facility " + std::to_string(i) + " has unknown position quality " +
                       std::to_string(quality));
    }
    f.position_quality = static_cast<PositionQuality>(quality);
    // An approximate position stands for its area: the area must be named.
    if ((f.position_quality == PositionQuality::kApproxEmd &&
         (f.emd_code == 0 || f.sigungu_code == 0)) ||
        (f.position_quality == PositionQuality::kApproxSigungu &&
         (f.sigungu_code == 0 || f.emd_code != 0))) {
      return Corrupted("facility " + std::to_string(i) +
                       " has an approximate position without the region codes it stands for");
    }
    if (!strings.Read(p + 80, f.homepage)) return BadString("facility", i);
    if (Status s = CheckLink("facility", i, "homepage", f.homepage); !s.ok()) return s;
    if (f.source >= data.sources.size()) {
      return Corrupted("facility " + std::to_string(i) + " refers to source " +
                       std::to_string(f.source) + ", which does not exist");
    }
  }
  if (!points.AtEnd()) return Corrupted("the facility positions section has unused bytes");
  return Status::Ok();
}

Status ReadPrograms(Span span, Span themes, StringReader& strings, Dataset& data) {
  size_t count = 0, theme_count = 0;
  if (Status s = CountRecords(span, kProgramSize, kSectionPrograms, count); !s.ok()) return s;
  if (Status s = CountRecords(themes, kStringRefSize, kSectionProgramThemes, theme_count); !s.ok())
    return s;
  data.programs.resize(count);
  uint64_t next_theme = 0;  // theme ranges must tile the themes array in order
  for (size_t i = 0; i < count; ++i) {
    const uint8_t* p = span.data + i * kProgramSize;
    Program& g = data.programs[i];
    if (!ReadStrings(strings, p,
                     {&g.service_id, &g.name, &g.provider, &g.region_name, &g.summary,
                      &g.eligibility, &g.selection_criteria, &g.how_to_apply, &g.contact,
                      &g.apply_url, &g.provision, &g.cycle})) {
      return BadString("program", i);
    }
    uint32_t first_theme = LoadU32(p + 96);
    uint32_t program_theme_count = LoadU32(p + 100);
    if (first_theme != next_theme || next_theme + program_theme_count > theme_count) {
      return Corrupted("program " + std::to_string(i) + " has an invalid theme range");
    }
    next_theme += program_theme_count;
    g.themes.resize(program_theme_count);
    for (uint32_t t = 0; t < program_theme_count; ++t) {
      if (!strings.Read(themes.data + (uint64_t{first_theme} + t) * kStringRefSize, g.themes[t])) {
        return BadString("program theme", first_theme + t);
      }
    }
    g.sigungu_code = LoadU32(p + 104);
    g.life_stages = LoadU32(p + 108);
    g.targets = LoadU32(p + 112);
    g.updated = LoadU32(p + 116);
    g.source = LoadU16(p + 120);
    uint8_t level = p[122];
    if (level > static_cast<uint8_t>(ProgramLevel::kPrivate)) {
      return Corrupted("program " + std::to_string(i) + " has unknown level " +
                       std::to_string(level));
    }
    g.level = static_cast<ProgramLevel>(level);
    if (!strings.Read(p + 128, g.benefits)) return BadString("program", i);
    if (Status s = CheckLink("program", i, "apply_url", g.apply_url); !s.ok()) return s;
    if (g.source >= data.sources.size()) {
      return Corrupted("program " + std::to_string(i) + " refers to source " +
                       std::to_string(g.source) + ", which does not exist");
    }
  }
  if (next_theme != theme_count) return Corrupted("the program themes section has unused entries");
  return Status::Ok();
}

Status ReadRegions(Span span, Span ring_starts, Span vertices, StringReader& strings,
                   Dataset& data) {
  size_t count = 0, start_count = 0;
  if (Status s = CountRecords(span, kRegionSize, kSectionRegions, count); !s.ok()) return s;
  if (Status s = CountRecords(ring_starts, kRingStartSize, kSectionRingStarts, start_count);
      !s.ok())
    return s;
  // ring i spans vertices [start[i], start[i + 1]); the last entry closes the last ring.
  if (start_count == 0) return Corrupted("the ring starts section is empty");
  const size_t ring_count = start_count - 1;
  auto start = [&](size_t i) { return uint64_t{LoadU32(ring_starts.data + i * kRingStartSize)}; };
  // Each vertex takes at least 2 bytes (two varints): this bounds what the rings below allocate.
  if (start(0) != 0 || start(ring_count) > vertices.size / 2) {
    return Corrupted("the ring starts do not cover the vertices");
  }
  for (size_t i = 0; i < ring_count; ++i) {
    if (start(i) > start(i + 1))
      return Corrupted("ring " + std::to_string(i) + " ends before it starts");
  }
  data.regions.resize(count);
  PointReader points(vertices.data, vertices.size);
  uint64_t next_ring = 0;  // ring ranges must tile the rings in order
  for (size_t i = 0; i < count; ++i) {
    const uint8_t* p = span.data + i * kRegionSize;
    Region& r = data.regions[i];
    r.label.lat = LoadF64(p);
    r.label.lng = LoadF64(p + 8);
    if (!strings.Read(p + 16, r.name) || !strings.Read(p + 24, r.full_name))
      return BadString("region", i);
    r.code = LoadU32(p + 32);
    r.parent_code = LoadU32(p + 36);
    uint32_t first_ring = LoadU32(p + 40);
    uint32_t region_ring_count = LoadU32(p + 44);
    if (first_ring != next_ring || next_ring + region_ring_count > ring_count) {
      return Corrupted("region " + std::to_string(i) + " has an invalid ring range");
    }
    next_ring += region_ring_count;
    uint8_t level = p[48];
    if (level > static_cast<uint8_t>(RegionLevel::kEmd)) {
      return Corrupted("region " + std::to_string(i) + " has unknown level " +
                       std::to_string(level));
    }
    r.level = static_cast<RegionLevel>(level);
    r.rings.resize(region_ring_count);
    for (uint32_t k = 0; k < region_ring_count; ++k) {
      const uint64_t ring = uint64_t{first_ring} + k;
      const uint64_t begin = start(ring), end = start(ring + 1);
      Ring& out = r.rings[k];
      out.resize(end - begin);
      for (LatLng& v : out) {
        if (!points.Next(v))
          return Corrupted("a vertex of region " + std::to_string(i) +
                           " is missing or out of range");
      }
    }
  }
  if (next_ring != ring_count) return Corrupted("the ring starts section has rings no region uses");
  if (!points.AtEnd()) return Corrupted("the ring starts do not cover the vertices");
  return Status::Ok();
}

Status ReadEducation(Span span, StringReader& strings, Dataset& data) {
  size_t count = 0;
  if (Status s = CountRecords(span, kEducationSize, kSectionEducation, count); !s.ok()) return s;
  data.education.resize(count);
  for (size_t i = 0; i < count; ++i) {
    const uint8_t* p = span.data + i * kEducationSize;
    EducationEvent& e = data.education[i];
    const LatLng position{LoadF64(p), LoadF64(p + 8)};
    e.start = LoadU64(p + 16);
    e.end = LoadU64(p + 24);
    if (!ReadStrings(
            strings, p + 32,
            {&e.title, &e.organiser, &e.place_name, &e.address, &e.link_url, &e.fee, &e.contact})) {
      return BadString("education", i);
    }
    e.sigungu_code = LoadU32(p + 88);
    e.emd_code = LoadU32(p + 92);
    e.source = LoadU16(p + 96);
    const uint8_t audience = p[98];
    const uint8_t has_position = p[99];
    if (audience > static_cast<uint8_t>(EducationAudience::kBoth)) {
      return Corrupted("education event " + std::to_string(i) + " has unknown audience " +
                       std::to_string(audience));
    }
    if (has_position > 1) {
      return Corrupted("education event " + std::to_string(i) + " has position flag " +
                       std::to_string(has_position));
    }
    e.audience = static_cast<EducationAudience>(audience);
    if (Status s = CheckLink("education event", i, "link_url", e.link_url); !s.ok()) return s;
    if (has_position == 1) {
      e.position = position;
      e.s2_cell = LeafCellId(position);
    }
    if (e.source >= data.sources.size()) {
      return Corrupted("education event " + std::to_string(i) + " refers to source " +
                       std::to_string(e.source) + ", which does not exist");
    }
  }
  return Status::Ok();
}

}  // namespace

uint32_t Crc32(const uint8_t* bytes, size_t size) {
  uint32_t c = 0xFFFFFFFFu;
  for (size_t i = 0; i < size; ++i) c = kCrcTable[(c ^ bytes[i]) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

std::vector<uint8_t> WriteBundle(const Dataset& data) {
  StringTable strings;
  ByteWriter sections[kLastKnownSection + 1];
  WriteMeta(data, strings, sections[kSectionMeta]);
  WriteSources(data, strings, sections[kSectionSources]);
  WriteFacilities(data, strings, sections[kSectionFacilities], sections[kSectionFacilityPositions]);
  WritePrograms(data, strings, sections[kSectionPrograms], sections[kSectionProgramThemes]);
  WriteRegions(data, strings, sections[kSectionRegions], sections[kSectionRingStarts],
               sections[kSectionVertices]);
  WriteEducation(data, strings, sections[kSectionEducation]);
  sections[kSectionStrings].Bytes(strings.blob().data(), strings.blob().size());

  constexpr uint32_t kSectionCount = kLastKnownSection - kFirstKnownSection + 1;
  ByteWriter out;
  out.Bytes(kMagic, sizeof kMagic);
  out.U32(kBundleFormatVersion);
  out.U32(0);  // CRC, filled in below
  out.U64(0);  // total size, filled in below
  out.U32(kSectionCount);
  out.U32(0);
  // Section table: sections follow it in id order, each starting 8-aligned.
  uint64_t offset = kHeaderSize + kSectionCount * kSectionEntrySize;
  for (uint32_t id = kFirstKnownSection; id <= kLastKnownSection; ++id) {
    out.U32(id);
    out.U32(0);
    out.U64(offset);
    out.U64(sections[id].size());
    offset += sections[id].size();
    offset += (kAlignment - offset % kAlignment) % kAlignment;
  }
  for (uint32_t id = kFirstKnownSection; id <= kLastKnownSection; ++id) {
    if (const size_t record_size = RecordSizeOf(id); record_size > 0) {
      const std::vector<uint8_t> planes = Shuffle(sections[id].bytes(), record_size);
      out.Bytes(planes.data(), planes.size());
    } else {
      out.Bytes(sections[id].bytes().data(), sections[id].size());
    }
    out.PadToAlignment();
  }
  std::vector<uint8_t>& bytes = out.bytes();
  assert(bytes.size() == offset);
  const uint64_t total = bytes.size();
  for (int i = 0; i < 8; ++i) bytes[16 + i] = static_cast<uint8_t>(total >> (8 * i));
  const uint32_t crc = Crc32(bytes.data() + kCrcStart, bytes.size() - kCrcStart);
  for (int i = 0; i < 4; ++i) bytes[kCrcOffset + i] = static_cast<uint8_t>(crc >> (8 * i));
  return std::move(bytes);
}

Result<Dataset> LoadBundle(const uint8_t* bytes, size_t size) {
  // Header: magic, then version, then the rest, so each failure gets the most telling message.
  const size_t magic_bytes = size < sizeof kMagic ? size : sizeof kMagic;
  if (magic_bytes > 0 && std::memcmp(bytes, kMagic, magic_bytes) != 0) {
    return Status::Error("This is not a bundle file: wrong magic bytes (expected \"BOKJIBND\").");
  }
  if (size < kHeaderSize) {
    return Status::Error("The bundle is truncated: it has " + std::to_string(size) +
                         " bytes, fewer than the 32-byte header.");
  }
  const uint32_t version = LoadU32(bytes + 8);
  if (version > kBundleFormatVersion) {
    return Status::Error("The bundle has format version " + std::to_string(version) +
                         ", newer than this app supports (version " +
                         std::to_string(kBundleFormatVersion) + "): update the app.");
  }
  if (version < kBundleFormatVersion) {
    return Status::Error("The bundle has format version " + std::to_string(version) +
                         ", older than this app supports (version " +
                         std::to_string(kBundleFormatVersion) + "): rebuild the bundle.");
  }
  const uint64_t total_size = LoadU64(bytes + 16);
  if (total_size > size) {
    return Status::Error("The bundle is truncated: its header says " + std::to_string(total_size) +
                         " bytes but only " + std::to_string(size) + " are present.");
  }
  if (total_size < size) {
    return Corrupted("its header says " + std::to_string(total_size) + " bytes but the file has " +
                     std::to_string(size));
  }
  const uint32_t stored_crc = LoadU32(bytes + kCrcOffset);
  const uint32_t crc = Crc32(bytes + kCrcStart, size - kCrcStart);
  if (crc != stored_crc) return Corrupted("checksum mismatch");

  // Section table. The checksum matched: failures from here on mean a writer bug or a crafted
  // file.
  const uint32_t section_count = LoadU32(bytes + 24);
  const uint64_t table_end = kHeaderSize + uint64_t{section_count} * kSectionEntrySize;
  if (table_end > size) return Corrupted("the section table does not fit in the file");
  Span known[kLastKnownSection + 1];
  bool seen[kLastKnownSection + 1] = {};
  for (uint32_t i = 0; i < section_count; ++i) {
    const uint8_t* entry = bytes + kHeaderSize + size_t{i} * kSectionEntrySize;
    const uint32_t id = LoadU32(entry);
    const uint64_t offset = LoadU64(entry + 8);
    const uint64_t length = LoadU64(entry + 16);
    if (offset < table_end || offset > size || length > size - offset) {
      return Corrupted("section " + std::to_string(id) + " lies outside the file");
    }
    if (offset % kAlignment != 0)
      return Corrupted("section " + std::to_string(id) + " is not 8-byte aligned");
    if (id < kFirstKnownSection || id > kLastKnownSection)
      continue;  // a newer writer's section: skip it
    if (seen[id])
      return Corrupted(std::string("the ") + SectionName(id) + " section appears twice");
    seen[id] = true;
    known[id] = Span{bytes + offset, static_cast<size_t>(length)};
  }
  for (uint32_t id = kFirstKnownSection; id <= kLastKnownSection; ++id) {
    if (!seen[id]) return Corrupted(std::string("the ") + SectionName(id) + " section is missing");
  }
  // Record sections are stored as byte planes: put each record's bytes back together.
  std::vector<uint8_t> records[kLastKnownSection + 1];
  for (uint32_t id = kFirstKnownSection; id <= kLastKnownSection; ++id) {
    const size_t record_size = RecordSizeOf(id);
    if (record_size == 0) continue;
    size_t count = 0;
    if (Status s = CountRecords(known[id], record_size, id, count); !s.ok()) return s;
    records[id] = Unshuffle(known[id].data, known[id].size, record_size);
    known[id] = Span{records[id].data(), records[id].size()};
  }

  Dataset data;
  StringReader strings(known[kSectionStrings]);
  if (Status s = ReadMeta(known[kSectionMeta], strings, data); !s.ok()) return s;
  if (Status s = ReadSources(known[kSectionSources], strings, data); !s.ok()) return s;
  if (Status s = ReadFacilities(known[kSectionFacilities], known[kSectionFacilityPositions],
                                strings, data);
      !s.ok())
    return s;
  if (Status s = ReadPrograms(known[kSectionPrograms], known[kSectionProgramThemes], strings, data);
      !s.ok()) {
    return s;
  }
  if (Status s = ReadRegions(known[kSectionRegions], known[kSectionRingStarts],
                             known[kSectionVertices], strings, data);
      !s.ok()) {
    return s;
  }
  if (Status s = ReadEducation(known[kSectionEducation], strings, data); !s.ok()) return s;
  return data;
}

}  // namespace bokji
