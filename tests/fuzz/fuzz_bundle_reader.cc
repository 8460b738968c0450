// Fuzz target: core/bundle.h's LoadBundle on any bytes (libFuzzer, with ASan and UBSan).
//
// Each input is loaded twice: as given (the header, size and checksum checks), and with its total
// size and CRC-32 fixed up so the structural checks behind the checksum see the mutations too (a
// random byte flip almost never keeps a CRC right). Whatever loads must be consistent (the
// guarantees listed in bundle.h) and must survive a write and a second load unchanged.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "core/bundle.h"
#include "core/links.h"

namespace {

// Aborts (a finding) when `condition` is false, naming it.
#define FUZZ_CHECK(condition)                                                              \
  do {                                                                                     \
    if (!(condition)) {                                                                    \
      __builtin_printf("FUZZ_CHECK failed: %s (%s:%d)\n", #condition, __FILE__, __LINE__); \
      std::abort();                                                                        \
    }                                                                                      \
  } while (0)

void CheckConsistent(const bokji::Dataset& d) {
  using bokji::PositionQuality;
  for (const bokji::Facility& f : d.facilities) {
    FUZZ_CHECK(f.source < d.sources.size());
    FUZZ_CHECK(static_cast<int>(f.category) < bokji::kFacilityCategoryCount);
    FUZZ_CHECK(static_cast<int>(f.position_quality) < bokji::kPositionQualityCount);
    FUZZ_CHECK(f.homepage.empty() || bokji::IsWebLink(f.homepage));
    if (f.position_quality == PositionQuality::kApproxEmd)
      FUZZ_CHECK(f.emd_code != 0 && f.sigungu_code != 0);
    if (f.position_quality == PositionQuality::kApproxSigungu)
      FUZZ_CHECK(f.sigungu_code != 0 && f.emd_code == 0);
  }
  for (const bokji::Program& p : d.programs) {
    FUZZ_CHECK(p.source < d.sources.size());
    FUZZ_CHECK(p.apply_url.empty() || bokji::IsWebLink(p.apply_url));
  }
  for (const bokji::EducationEvent& e : d.education) {
    FUZZ_CHECK(e.source < d.sources.size());
    FUZZ_CHECK(e.link_url.empty() || bokji::IsWebLink(e.link_url));
  }
}

void LoadAndCheck(const uint8_t* data, size_t size) {
  bokji::Result<bokji::Dataset> loaded = bokji::LoadBundle(data, size);
  if (!loaded.ok()) {
    FUZZ_CHECK(!loaded.status().message().empty());
    return;
  }
  CheckConsistent(loaded.value());
  // What loads can be written and loads again to the same bytes.
  const std::vector<uint8_t> written = bokji::WriteBundle(loaded.value());
  bokji::Result<bokji::Dataset> again = bokji::LoadBundle(written.data(), written.size());
  FUZZ_CHECK(again.ok());
  FUZZ_CHECK(bokji::WriteBundle(again.value()) == written);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  LoadAndCheck(data, size);
  if (size >= 32) {
    std::vector<uint8_t> fixed(data, data + size);
    const uint64_t total = size;
    for (int i = 0; i < 8; ++i) fixed[16 + i] = static_cast<uint8_t>(total >> (8 * i));
    const uint32_t crc = bokji::Crc32(fixed.data() + 16, fixed.size() - 16);
    for (int i = 0; i < 4; ++i) fixed[12 + i] = static_cast<uint8_t>(crc >> (8 * i));
    LoadAndCheck(fixed.data(), fixed.size());
  }
  return 0;
}
