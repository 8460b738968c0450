// The bundle writer and reader. docs/bundle-format.md is the byte layout: the constants below
// must match it.
//
// Index
//   - Layout constants      header, section ids, record sizes
//   - CRC-32
//   - Little-endian bytes   ByteWriter (append), Load* (read from a checked position)
//   - Writer                StringTable (the blob), one function per section, WriteBundle
//   - Reader                StringReader, one function per section, LoadBundle (header, table)
#include "core/bundle.h"

#include "core/links.h"

#include <array>
#include <cassert>
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
  kSectionEducation = 10,  // since version 2
};
constexpr uint32_t kFirstKnownSection = kSectionMeta;
constexpr uint32_t kLastKnownSection = kSectionEducation;

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
    default:
      return "unknown";
  }
}

constexpr size_t kStringRefSize = 8;  // u32 offset into the blob, u32 byte length
constexpr size_t kMetaSize = 16;
constexpr size_t kSourceSize = 40;     // 32 before version 3
constexpr size_t kFacilitySize = 112;  // 104 before version 3
constexpr size_t kProgramSize = 136;
constexpr size_t kRegionSize = 56;
constexpr size_t kRingStartSize = 4;
constexpr size_t kVertexSize = 16;
constexpr size_t kEducationSize = 112;

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
// Writer
// -------------------------------------------------------------------------------------------------

// The string blob: every non-empty string appended in write order. No deduplication: the reader can
// then require that decoded strings add up to at most the blob's size, which bounds its
// allocations, and the repeats (provider names, licences) cost little once the file is served
// compressed.
class StringTable {
 public:
  // Appends the (offset, length) reference of `s` to `out`. The empty string is (0, 0).
  void Ref(std::string_view s, ByteWriter& out) {
    // The u32 offsets limit the blob to 4 GiB; a bundle is a few megabytes.
    assert(blob_.size() + s.size() <= UINT32_MAX && "string blob exceeds the format's 4 GiB limit");
    out.U32(s.empty() ? 0 : static_cast<uint32_t>(blob_.size()));
    out.U32(static_cast<uint32_t>(s.size()));
    blob_.append(s);
  }
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

void WriteFacilities(const Dataset& data, StringTable& strings, ByteWriter& out) {
  for (const Facility& f : data.facilities) {
    assert(f.source < data.sources.size() && "Facility::source must index Dataset::sources");
    assert(static_cast<int>(f.category) < kFacilityCategoryCount &&
           "unnamed FacilityCategory value");
    assert(static_cast<int>(f.position_quality) < kPositionQualityCount &&
           "unnamed PositionQuality value");
    out.F64(f.position.lat);
    out.F64(f.position.lng);
    out.U64(f.s2_cell);
    strings.Ref(f.source_key, out);
    strings.Ref(f.name, out);
    strings.Ref(f.road_address, out);
    strings.Ref(f.lot_address, out);
    strings.Ref(f.phone, out);
    strings.Ref(f.hours, out);
    strings.Ref(f.operator_name, out);
    out.U32(f.targets);
    out.U32(f.sigungu_code);
    out.U32(f.emd_code);
    out.U32(f.verified);
    out.U16(f.source);
    out.U8(static_cast<uint8_t>(f.category));
    out.U8(static_cast<uint8_t>(f.position_quality));  // since version 3
    out.Zeros(4);
    strings.Ref(f.homepage, out);  // since version 3
  }
}

void WritePrograms(const Dataset& data, StringTable& strings, ByteWriter& out, ByteWriter& themes) {
  uint32_t theme_index = 0;
  for (const Program& p : data.programs) {
    assert(p.source < data.sources.size() && "Program::source must index Dataset::sources");
    assert(static_cast<int>(p.level) <= static_cast<int>(ProgramLevel::kPrivate) &&
           "unnamed ProgramLevel value");
    strings.Ref(p.service_id, out);
    strings.Ref(p.name, out);
    strings.Ref(p.provider, out);
    strings.Ref(p.region_name, out);
    strings.Ref(p.summary, out);
    strings.Ref(p.eligibility, out);
    strings.Ref(p.selection_criteria, out);
    strings.Ref(p.how_to_apply, out);
    strings.Ref(p.contact, out);
    strings.Ref(p.apply_url, out);
    strings.Ref(p.provision, out);
    strings.Ref(p.cycle, out);
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
    strings.Ref(p.benefits, out);  // added in version 2, after the version 1 fields
  }
}

void WriteRegions(const Dataset& data, StringTable& strings, ByteWriter& out,
                  ByteWriter& ring_starts, ByteWriter& vertices) {
  uint32_t ring_index = 0;
  uint32_t vertex_index = 0;
  for (const Region& r : data.regions) {
    assert(static_cast<int>(r.level) <= static_cast<int>(RegionLevel::kEmd) &&
           "unnamed RegionLevel value");
    out.F64(r.label.lat);
    out.F64(r.label.lng);
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
      for (const LatLng& v : ring) {
        vertices.F64(v.lat);
        vertices.F64(v.lng);
      }
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
    out.U64(e.s2_cell);
    out.U64(e.start);
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

Status ReadFacilities(Span span, StringReader& strings, Dataset& data) {
  size_t count = 0;
  if (Status s = CountRecords(span, kFacilitySize, kSectionFacilities, count); !s.ok()) return s;
  data.facilities.resize(count);
  for (size_t i = 0; i < count; ++i) {
    const uint8_t* p = span.data + i * kFacilitySize;
    Facility& f = data.facilities[i];
    f.position.lat = LoadF64(p);
    f.position.lng = LoadF64(p + 8);
    f.s2_cell = LoadU64(p + 16);
    if (!ReadStrings(strings, p + 24,
                     {&f.source_key, &f.name, &f.road_address, &f.lot_address, &f.phone, &f.hours,
                      &f.operator_name})) {
      return BadString("facility", i);
    }
    f.targets = LoadU32(p + 80);
    f.sigungu_code = LoadU32(p + 84);
    f.emd_code = LoadU32(p + 88);
    f.verified = LoadU32(p + 92);
    f.source = LoadU16(p + 96);
    uint8_t category = p[98];
    if (category >= kFacilityCategoryCount) {
      return Corrupted("facility " + std::to_string(i) + " has unknown category " +
                       std::to_string(category));
    }
    f.category = static_cast<FacilityCategory>(category);
    const uint8_t quality = p[99];
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
    if (!strings.Read(p + 104, f.homepage)) return BadString("facility", i);
    if (Status s = CheckLink("facility", i, "homepage", f.homepage); !s.ok()) return s;
    if (f.source >= data.sources.size()) {
      return Corrupted("facility " + std::to_string(i) + " refers to source " +
                       std::to_string(f.source) + ", which does not exist");
    }
  }
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
  size_t count = 0, start_count = 0, vertex_count = 0;
  if (Status s = CountRecords(span, kRegionSize, kSectionRegions, count); !s.ok()) return s;
  if (Status s = CountRecords(ring_starts, kRingStartSize, kSectionRingStarts, start_count);
      !s.ok())
    return s;
  if (Status s = CountRecords(vertices, kVertexSize, kSectionVertices, vertex_count); !s.ok())
    return s;
  // ring i spans vertices [start[i], start[i + 1]); the last entry closes the last ring.
  if (start_count == 0) return Corrupted("the ring starts section is empty");
  const size_t ring_count = start_count - 1;
  auto start = [&](size_t i) { return uint64_t{LoadU32(ring_starts.data + i * kRingStartSize)}; };
  if (start(0) != 0 || start(ring_count) != vertex_count) {
    return Corrupted("the ring starts do not cover the vertices");
  }
  for (size_t i = 0; i < ring_count; ++i) {
    if (start(i) > start(i + 1))
      return Corrupted("ring " + std::to_string(i) + " ends before it starts");
  }
  data.regions.resize(count);
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
      for (uint64_t v = begin; v < end; ++v) {
        const uint8_t* q = vertices.data + v * kVertexSize;
        out[v - begin] = LatLng{LoadF64(q), LoadF64(q + 8)};
      }
    }
  }
  if (next_ring != ring_count) return Corrupted("the ring starts section has rings no region uses");
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
    e.s2_cell = LoadU64(p + 16);
    e.start = LoadU64(p + 24);
    e.end = LoadU64(p + 32);
    if (!ReadStrings(
            strings, p + 40,
            {&e.title, &e.organiser, &e.place_name, &e.address, &e.link_url, &e.fee, &e.contact})) {
      return BadString("education", i);
    }
    e.sigungu_code = LoadU32(p + 96);
    e.emd_code = LoadU32(p + 100);
    e.source = LoadU16(p + 104);
    const uint8_t audience = p[106];
    const uint8_t has_position = p[107];
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
    if (has_position == 1) e.position = position;
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
  WriteFacilities(data, strings, sections[kSectionFacilities]);
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
    out.Bytes(sections[id].bytes().data(), sections[id].size());
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

  Dataset data;
  StringReader strings(known[kSectionStrings]);
  if (Status s = ReadMeta(known[kSectionMeta], strings, data); !s.ok()) return s;
  if (Status s = ReadSources(known[kSectionSources], strings, data); !s.ok()) return s;
  if (Status s = ReadFacilities(known[kSectionFacilities], strings, data); !s.ok()) return s;
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
