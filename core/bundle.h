// The bundle: one versioned binary file that holds a whole Dataset (facilities, programs,
// regions, education events, sources).
//
// The importer writes it once; the app downloads it and loads it. The layout follows
// kdbush/flatbush: a small header, a section table, and sections that are little-endian arrays of
// fixed-size records (stored as byte planes) whose strings point into one shared string blob;
// facility positions and boundary vertices are microdegree differences in varints. It is shaped
// for a small download once served compressed; LoadBundle copies everything into the model.h
// structs. docs/bundle-format.md has the byte layout.
//
//   std::vector<uint8_t> bytes = bokji::WriteBundle(data);          // importer
//   bokji::Result<bokji::Dataset> loaded = bokji::LoadBundle(bytes.data(), bytes.size());  // app
//   if (!loaded.ok()) ShowError(loaded.status().message());
//
// Guarantees of LoadBundle, for any input bytes at all:
//   - it never crashes, never reads outside [bytes, bytes + size), and allocates at most a
//     small multiple of `size` (every count is derived from a section's byte length and checked
//     against it);
//   - a truncated buffer, a wrong magic, a wrong format version and a checksum mismatch each
//     fail with their own plain-English message (the UI maps it to Korean);
//   - facility positions, boundary vertices and region labels come back rounded to whole
//     microdegrees (1e-6°, about 0.1 m); Facility::s2_cell and EducationEvent::s2_cell are derived
//     from the loaded position (LeafCellId), not stored;
//   - a Dataset it returns is consistent: enum values are in range, every Facility::source,
//     Program::source and EducationEvent::source indexes Dataset::sources, and an approximate
//     facility names the region it stands for;
//   - every link in it (Program::apply_url, EducationEvent::link_url, Facility::homepage) is empty
//     or an http/https link (core/links.h): a bundle holding any other link is refused with a
//     message saying which record holds it.
// Sections with ids this version does not know are skipped, so a newer writer may add sections
// without breaking older apps; changing an existing record layout needs a new kBundleFormatVersion.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/model.h"
#include "core/status.h"

namespace bokji {

// The version this code writes and the only one it reads. Bump it when a record layout changes.
// Version 2: Program::benefits and the education section. Version 3: Facility::position_quality
// (approximate positions), Facility::homepage, Source::data_date_note, categories 13–16.
// Version 4: byte-plane records, microdegree varint coordinates, no stored S2 cells (smaller
// download; same Dataset).
inline constexpr uint32_t kBundleFormatVersion = 4;

// Serialises everything in `data` (every field of model.h's structs). Deterministic: the same
// input gives the same bytes.
// REQUIRES: every Facility::source, Program::source and EducationEvent::source is
// < data.sources.size(), and every enum holds one of its named values (LoadBundle rejects bundles
// that break these); facility positions, region labels and vertices are finite, with |lat| ≤ 90
// and |lng| ≤ 180.
std::vector<uint8_t> WriteBundle(const Dataset& data);

// Parses a bundle produced by WriteBundle. `bytes` may be null when `size` is 0. The result does
// not point into `bytes`: the buffer can be freed afterwards.
Result<Dataset> LoadBundle(const uint8_t* bytes, size_t size);

// CRC-32 (IEEE 802.3, the zlib/PNG one: reflected polynomial 0xEDB88320, initial and final xor
// 0xFFFFFFFF) of `size` bytes. Crc32(nullptr, 0) == 0. Exposed for tests and tools.
uint32_t Crc32(const uint8_t* bytes, size_t size);

}  // namespace bokji
