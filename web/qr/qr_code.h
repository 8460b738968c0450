// QR codes for handing a link over to a citizen's own phone: text in, a square matrix of dark and
// light modules out (quiet zone included), for a UI to draw as rectangles. The encoding is
// qr-code-generator's (Debian libqrcodegencpp-dev natively; its Debian source for wasm); this
// wrapper adds the quiet zone, a plain error for text too long instead of the library's exception,
// and no exceptions at all (the wasm build has none).
//
// clang-format off
//   bokji::Result<bokji::qr::QrMatrix> code = bokji::qr::EncodeQr(program.apply_url);
//   if (!code.ok()) { ShowLinkAsText(program.apply_url); return; }     // code.status().message() says why
//   const bokji::qr::QrMatrix& m = code.value();
//   const float module_px = std::floor(box_px / m.size());
//   for (int y = 0; y < m.size(); ++y)
//     for (int x = 0; x < m.size(); ++x)
//       if (m.IsDark(x, y)) FillRect(x * module_px, y * module_px, module_px, module_px);
// clang-format on
//
// Text is encoded as given, byte for byte (UTF-8 for Korean, without an ECI marker: phone scanners
// read such codes as UTF-8); all digits or all QR-alphanumeric text get the denser modes. The
// smallest QR version (size) that holds the text is chosen, and the error correction is raised
// above the requested level when that costs no size.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace bokji::qr {

// How much of the code may be damaged or hidden and still read: about 7, 15, 25 and 30 % of it.
enum class ErrorCorrection : std::uint8_t { kLow, kMedium, kQuartile, kHigh };

struct QrOptions {
  // DEFAULT: kMedium, the usual choice for a code shown on a screen.
  ErrorCorrection error_correction = ErrorCorrection::kMedium;
  // Light modules on each side; scanners need 4 (the QR standard's quiet zone). DEFAULT: 4.
  // REQUIRES: 0 <= quiet_zone <= 16.
  int quiet_zone = 4;
};

class QrMatrix {
 public:
  // Modules per side, quiet zone included: 4 × version() + 17 + 2 × quiet_zone().
  int size() const { return size_; }
  // REQUIRES: 0 <= x < size(), 0 <= y < size(); (0, 0) is the top left.
  bool IsDark(int x, int y) const;

  // The QR version, 1 (21 × 21 modules) to 40 (177 × 177).
  int version() const { return version_; }
  // The level used: at least the requested one.
  ErrorCorrection error_correction() const { return error_correction_; }
  int quiet_zone() const { return quiet_zone_; }

 private:
  friend Result<QrMatrix> EncodeQr(std::string_view text, const QrOptions& options);
  QrMatrix() = default;

  int size_ = 0;
  int version_ = 0;
  int quiet_zone_ = 0;
  ErrorCorrection error_correction_ = ErrorCorrection::kMedium;
  std::vector<std::uint8_t> modules_;  // size_ × size_, row by row; 1 = dark
};

// Encodes `text` (any bytes; empty gives the smallest code). An error, and no code, when the text
// does not fit the largest QR code (version 40) at the requested error correction: 2,953 bytes of
// UTF-8 at kLow, 2,331 at kMedium, 1,663 at kQuartile, 1,273 at kHigh (more for digits only).
Result<QrMatrix> EncodeQr(std::string_view text, const QrOptions& options = {});

}  // namespace bokji::qr
