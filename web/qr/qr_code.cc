#include "web/qr/qr_code.h"

#include <qrcodegen/qrcodegen.hpp>

#include <cassert>
#include <string>

namespace bokji::qr {
namespace {

using qrcodegen::QrCode;
using qrcodegen::QrSegment;

constexpr int kLargestVersion = 40;

// Data codewords of a version-40 code at each error correction level, as ISO/IEC 18004 tables them
// (3,706 codewords minus 750, 1,372, 2,040 and 2,430 for error correction). qrcodegen keeps its own
// copy private, and it throws when data does not fit: checking first keeps the throw from happening
// (under wasm a throw aborts). tests/qr checks these against the library's own exception natively.
constexpr int kVersion40DataCodewords[] = {2956, 2334, 1666, 1276};

const char* LevelName(ErrorCorrection level) {
  switch (level) {
    case ErrorCorrection::kLow:
      return "L (low)";
    case ErrorCorrection::kMedium:
      return "M (medium)";
    case ErrorCorrection::kQuartile:
      return "Q (quartile)";
    case ErrorCorrection::kHigh:
      return "H (high)";
  }
  return "?";
}

QrCode::Ecc ToLibrary(ErrorCorrection level) {
  switch (level) {
    case ErrorCorrection::kLow:
      return QrCode::Ecc::LOW;
    case ErrorCorrection::kMedium:
      return QrCode::Ecc::MEDIUM;
    case ErrorCorrection::kQuartile:
      return QrCode::Ecc::QUARTILE;
    case ErrorCorrection::kHigh:
      return QrCode::Ecc::HIGH;
  }
  return QrCode::Ecc::MEDIUM;
}

ErrorCorrection FromLibrary(QrCode::Ecc level) {
  switch (level) {
    case QrCode::Ecc::LOW:
      return ErrorCorrection::kLow;
    case QrCode::Ecc::MEDIUM:
      return ErrorCorrection::kMedium;
    case QrCode::Ecc::QUARTILE:
      return ErrorCorrection::kQuartile;
    case QrCode::Ecc::HIGH:
      return ErrorCorrection::kHigh;
  }
  return ErrorCorrection::kMedium;
}

// The segments qrcodegen's own encodeText would use; text holding a NUL byte (which its C-string
// interface would cut short) goes in whole, as bytes.
std::vector<QrSegment> Segments(std::string_view text) {
  if (text.find('\0') != std::string_view::npos) {
    return {QrSegment::makeBytes(std::vector<std::uint8_t>(text.begin(), text.end()))};
  }
  return QrSegment::makeSegments(std::string(text).c_str());
}

}  // namespace

bool QrMatrix::IsDark(int x, int y) const {
  // Reading outside the matrix is a caller's bug (a drawing loop with the wrong bound).
  assert(x >= 0 && x < size_ && y >= 0 && y < size_ && "QrMatrix::IsDark outside the matrix");
  return modules_[static_cast<size_t>(y) * size_ + x] != 0;
}

Result<QrMatrix> EncodeQr(std::string_view text, const QrOptions& options) {
  // A negative or huge quiet zone is a caller's mistake, not something a user typed.
  assert(options.quiet_zone >= 0 && options.quiet_zone <= 16 &&
         "QrOptions::quiet_zone out of range");
  const std::vector<QrSegment> segments = Segments(text);
  const int needed_bits = QrSegment::getTotalBits(segments, kLargestVersion);
  const int capacity_bits = kVersion40DataCodewords[static_cast<int>(options.error_correction)] * 8;
  if (needed_bits < 0 || needed_bits > capacity_bits) {
    return Status::Error(
        "The text is too long for a QR code: its " + std::to_string(text.size()) + " bytes need " +
        (needed_bits < 0 ? std::string("more") : std::to_string(needed_bits)) +
        " bits, and the largest QR code (version 40) holds " + std::to_string(capacity_bits) +
        " at error correction " + LevelName(options.error_correction) + ".");
  }
  const QrCode code = QrCode::encodeSegments(segments, ToLibrary(options.error_correction));

  QrMatrix matrix;
  matrix.version_ = code.getVersion();
  matrix.error_correction_ = FromLibrary(code.getErrorCorrectionLevel());
  matrix.quiet_zone_ = options.quiet_zone;
  matrix.size_ = code.getSize() + 2 * options.quiet_zone;
  matrix.modules_.assign(static_cast<size_t>(matrix.size_) * matrix.size_, 0);
  for (int y = 0; y < code.getSize(); ++y) {
    for (int x = 0; x < code.getSize(); ++x) {
      const size_t at =
          static_cast<size_t>(y + options.quiet_zone) * matrix.size_ + x + options.quiet_zone;
      matrix.modules_[at] = code.getModule(x, y) ? 1 : 0;
    }
  }
  return matrix;
}

}  // namespace bokji::qr
