// web/qr: QR codes for real card links, decoded by an independent reader (zbarimg, Debian
// zbar-tools; run natively, and from node for the wasm build), the shape the QR standard prescribes
// (size, quiet zone, finder patterns), and the too-long error checked against the library's limit.
//
// Index
//   - Decoding   복지로 and Kakao Map links (Korean too) drawn into a PGM image, read by zbarimg
//   - Shape      size, quiet zone, the three finder patterns, error correction level
//   - Limits     the largest texts at each level fit and one byte more is an error, where the
//                library itself draws the line (natively, where its exception can be caught)
#include "web/qr/qr_code.h"

#include <qrcodegen/qrcodegen.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

namespace bokji::qr {
namespace {

// Real links of the kind the app's cards carry: a program's 복지로 page (from the shared data's
// 지자체복지서비스 list), and Kakao Map directions to a real facility of the sample data, once with
// the name in Korean as typed and once percent-encoded as web/format.cc writes it.
const char* const kBokjiroLink =
    "https://www.bokjiro.go.kr/ssis-tbu/twataa/wlfareInfo/"
    "moveTWAT52011M.do?wlfareInfoId=WLF00004475&wlfareInfoReldBztpCd=02";
const char* const kKakaoLinkKorean =
    "https://map.kakao.com/link/to/전주장애인종합복지관,35.79753398,127.1323509";
const char* const kKakaoLinkEncoded =
    "https://map.kakao.com/link/to/"
    "%EC%A0%84%EC%A3%BC%EC%9E%A5%EC%95%A0%EC%9D%B8%EC%A2%85%ED%95%A9%EB%B3%B5%EC%A7%80%EA%B4%80,"
    "35.79753398,127.1323509";

// ---------------------------------------------------------------------------------------------------------
// Decoding
// ---------------------------------------------------------------------------------------------------------

// Writes the matrix as a binary PGM, `pixels` per module, dark = black.
std::string WritePgm(const QrMatrix& matrix, const std::string& name, int pixels = 4) {
  const std::string path = testing::TempDir() + "/" + name + ".pgm";
  const int side = matrix.size() * pixels;
  std::ofstream out(path, std::ios::binary);
  out << "P5\n" << side << " " << side << "\n255\n";
  for (int y = 0; y < side; ++y) {
    for (int x = 0; x < side; ++x) out.put(matrix.IsDark(x / pixels, y / pixels) ? 0 : '\xff');
  }
  return path;
}

// zbarimg runs as a child process: natively through popen, under node (the wasm build) through
// node's child_process, reading the image the wasm wrote through NODERAWFS.
#ifdef __EMSCRIPTEN__
std::string RunCommand(const std::string& command) {
  // The command goes to JavaScript as a string literal: " and \ escaped (our commands and paths
  // hold no control characters).
  std::string literal = "\"";
  for (char c : command) {
    if (c == '"' || c == '\\') literal += '\\';
    literal += c;
  }
  literal += "\"";
  const std::string script =
      "(function () { try { return require('child_process').execSync(" + literal +
      ", {stdio: ['ignore', 'pipe', 'ignore']}).toString('utf8'); } catch (e) { return ''; } })()";
  return emscripten_run_script_string(script.c_str());
}
#else
std::string RunCommand(const std::string& command) {
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return output;
  char buffer[4096];
  size_t read;
  while ((read = fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, read);
  pclose(pipe);
  return output;
}
#endif

bool HaveZbarimg() {
  return !RunCommand("command -v zbarimg 2>/dev/null").empty();
}

// What zbarimg reads from the image, byte for byte (its --raw output without the closing newline).
std::string Zbarimg(const std::string& path) {
  std::string text = RunCommand("zbarimg --raw -q '" + path + "' 2>/dev/null");
  if (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

class QrDecodeTest : public testing::Test {
 protected:
  void SetUp() override {
    if (!HaveZbarimg()) {
      GTEST_SKIP()
          << "zbarimg is not available (Debian zbar-tools; never under wasm): QR codes were "
             "encoded but not decoded";
    }
  }
};

TEST_F(QrDecodeTest, RealLinksDecodeToThemselves) {
  int i = 0;
  for (const char* link : {kBokjiroLink, kKakaoLinkKorean, kKakaoLinkEncoded}) {
    SCOPED_TRACE(link);
    const Result<QrMatrix> code = EncodeQr(link);
    ASSERT_TRUE(code.ok()) << code.status().message();
    EXPECT_EQ(Zbarimg(WritePgm(code.value(), "link" + std::to_string(i++))), link);
  }
}

TEST_F(QrDecodeTest, EveryErrorCorrectionLevelDecodes) {
  const ErrorCorrection levels[] = {ErrorCorrection::kLow, ErrorCorrection::kMedium,
                                    ErrorCorrection::kQuartile, ErrorCorrection::kHigh};
  for (ErrorCorrection level : levels) {
    const Result<QrMatrix> code = EncodeQr(kKakaoLinkKorean, {.error_correction = level});
    ASSERT_TRUE(code.ok()) << code.status().message();
    EXPECT_EQ(Zbarimg(WritePgm(code.value(), "level" + std::to_string(static_cast<int>(level)))),
              kKakaoLinkKorean);
  }
}

TEST_F(QrDecodeTest, DigitsAndNonAsciiTextDecode) {
  for (const char* text :
       {"0632290061", "전주시 완산구 백제대로 20-41", "HTTPS://EXAMPLE.ORG/A B"}) {
    const Result<QrMatrix> code = EncodeQr(text);
    ASSERT_TRUE(code.ok()) << code.status().message();
    EXPECT_EQ(Zbarimg(WritePgm(code.value(), "text")), text);
  }
}

TEST_F(QrDecodeTest, WithoutAQuietZoneTheReaderFails) {
  // The control for the tests above: zbarimg needs the quiet zone EncodeQr adds, so a pass there
  // depends on it. (Drawn on a dark page edge, a code without one cannot be found.)
  const Result<QrMatrix> code = EncodeQr(kBokjiroLink, {.quiet_zone = 0});
  ASSERT_TRUE(code.ok());
  const std::string path = WritePgm(code.value(), "no-quiet-zone");
  std::string framed = path + ".framed.pgm";
  {
    // Surround it with 4 dark modules instead of light ones.
    const QrMatrix& m = code.value();
    const int pixels = 4, border = 4, side = (m.size() + 2 * border) * pixels;
    std::ofstream out(framed, std::ios::binary);
    out << "P5\n" << side << " " << side << "\n255\n";
    for (int y = 0; y < side; ++y) {
      for (int x = 0; x < side; ++x) {
        const int mx = x / pixels - border, my = y / pixels - border;
        const bool inside = mx >= 0 && my >= 0 && mx < m.size() && my < m.size();
        out.put(!inside || m.IsDark(mx, my) ? 0 : '\xff');
      }
    }
  }
  EXPECT_EQ(Zbarimg(framed), "");
}

// ---------------------------------------------------------------------------------------------------------
// Shape
// ---------------------------------------------------------------------------------------------------------

// A finder pattern (ISO/IEC 18004 §6.3.3): 7 × 7 modules, a dark ring, a light ring, a dark 3 × 3
// core.
bool IsFinderAt(const QrMatrix& m, int left, int top) {
  for (int y = 0; y < 7; ++y) {
    for (int x = 0; x < 7; ++x) {
      const int ring = std::min(std::min(x, y), std::min(6 - x, 6 - y));  // 0 outer … 3 centre
      const bool dark = ring != 1;
      if (m.IsDark(left + x, top + y) != dark) return false;
    }
  }
  return true;
}

TEST(QrShapeTest, SizeQuietZoneAndFinderPatterns) {
  for (int quiet_zone : {0, 2, 4}) {
    const Result<QrMatrix> code = EncodeQr(kKakaoLinkKorean, {.quiet_zone = quiet_zone});
    ASSERT_TRUE(code.ok());
    const QrMatrix& m = code.value();
    EXPECT_EQ(m.quiet_zone(), quiet_zone);
    EXPECT_GE(m.version(), 1);
    EXPECT_LE(m.version(), 40);
    const int symbol = 4 * m.version() + 17;
    EXPECT_EQ(m.size(), symbol + 2 * quiet_zone);
    for (int y = 0; y < m.size(); ++y) {
      for (int x = 0; x < m.size(); ++x) {
        const bool in_quiet_zone = x < quiet_zone || y < quiet_zone || x >= quiet_zone + symbol ||
                                   y >= quiet_zone + symbol;
        if (in_quiet_zone) {
          EXPECT_FALSE(m.IsDark(x, y)) << x << "," << y;
        }
      }
    }
    const int far = quiet_zone + symbol - 7;
    EXPECT_TRUE(IsFinderAt(m, quiet_zone, quiet_zone));
    EXPECT_TRUE(IsFinderAt(m, far, quiet_zone));
    EXPECT_TRUE(IsFinderAt(m, quiet_zone, far));
    EXPECT_FALSE(IsFinderAt(m, far, far));  // three corners only
  }
}

TEST(QrShapeTest, TheSmallestVersionThatHoldsTheTextIsChosen) {
  const Result<QrMatrix> empty = EncodeQr("");
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty.value().version(), 1);
  // Byte-mode capacities at level L in ISO/IEC 18004 Table 7: 78 bytes (version 4), 106 (5), 134
  // (6).
  ASSERT_EQ(std::string(kKakaoLinkKorean).size(), 84u);  // UTF-8: 11 syllables of 3 bytes
  ASSERT_EQ(std::string(kBokjiroLink).size(), 119u);
  const Result<QrMatrix> korean =
      EncodeQr(kKakaoLinkKorean, {.error_correction = ErrorCorrection::kLow});
  const Result<QrMatrix> link = EncodeQr(kBokjiroLink, {.error_correction = ErrorCorrection::kLow});
  ASSERT_TRUE(korean.ok());
  ASSERT_TRUE(link.ok());
  EXPECT_EQ(korean.value().version(), 5);
  EXPECT_EQ(link.value().version(), 6);
}

TEST(QrShapeTest, ErrorCorrectionIsAtLeastTheRequestedLevel) {
  for (ErrorCorrection level : {ErrorCorrection::kLow, ErrorCorrection::kMedium,
                                ErrorCorrection::kQuartile, ErrorCorrection::kHigh}) {
    const Result<QrMatrix> code = EncodeQr(kBokjiroLink, {.error_correction = level});
    ASSERT_TRUE(code.ok());
    EXPECT_GE(static_cast<int>(code.value().error_correction()), static_cast<int>(level));
  }
}

TEST(QrShapeTest, TextWithANulByteIsEncodedWhole) {
  const std::string text("a\0b", 3);
  const Result<QrMatrix> code = EncodeQr(text, {.quiet_zone = 0});
  ASSERT_TRUE(code.ok());
  const qrcodegen::QrCode expected = qrcodegen::QrCode::encodeBinary(
      std::vector<std::uint8_t>{'a', 0, 'b'}, qrcodegen::QrCode::Ecc::MEDIUM);
  ASSERT_EQ(code.value().size(), expected.getSize());
  for (int y = 0; y < expected.getSize(); ++y) {
    for (int x = 0; x < expected.getSize(); ++x) {
      EXPECT_EQ(code.value().IsDark(x, y), expected.getModule(x, y));
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Limits
// ---------------------------------------------------------------------------------------------------------

struct Limit {
  ErrorCorrection level;
  qrcodegen::QrCode::Ecc library_level;
  size_t max_bytes;         // ISO/IEC 18004 Table 7, version 40, byte mode
  size_t max_digits;        // the same table, numeric mode
  size_t max_alphanumeric;  // and alphanumeric mode (digits, upper case, space, $%*+-./:)
};
constexpr Limit kLimits[] = {
    {ErrorCorrection::kLow, qrcodegen::QrCode::Ecc::LOW, 2953, 7089, 4296},
    {ErrorCorrection::kMedium, qrcodegen::QrCode::Ecc::MEDIUM, 2331, 5596, 3391},
    {ErrorCorrection::kQuartile, qrcodegen::QrCode::Ecc::QUARTILE, 1663, 3993, 2420},
    {ErrorCorrection::kHigh, qrcodegen::QrCode::Ecc::HIGH, 1273, 3057, 1852},
};

TEST(QrLimitsTest, LargestTextFitsAndOneMoreByteIsAClearError) {
  for (const Limit& limit : kLimits) {
    SCOPED_TRACE(static_cast<int>(limit.level));
    const std::string bytes(limit.max_bytes, 'x');  // lower case: byte mode
    EXPECT_TRUE(EncodeQr(bytes, {.error_correction = limit.level}).ok());
    const Result<QrMatrix> too_long = EncodeQr(bytes + "x", {.error_correction = limit.level});
    ASSERT_FALSE(too_long.ok());
    EXPECT_NE(too_long.status().message().find("too long for a QR code"), std::string::npos)
        << too_long.status().message();
    EXPECT_NE(too_long.status().message().find(std::to_string(limit.max_bytes + 1) + " bytes"),
              std::string::npos)
        << too_long.status().message();

    const std::string digits(limit.max_digits, '7');
    EXPECT_TRUE(EncodeQr(digits, {.error_correction = limit.level}).ok());
    EXPECT_FALSE(EncodeQr(digits + "7", {.error_correction = limit.level}).ok());
    const std::string alphanumeric(limit.max_alphanumeric, 'X');
    EXPECT_TRUE(EncodeQr(alphanumeric, {.error_correction = limit.level}).ok());
    EXPECT_FALSE(EncodeQr(alphanumeric + "X", {.error_correction = limit.level}).ok());
  }
  EXPECT_FALSE(EncodeQr(std::string(100000, 'x')).ok());  // beyond any length field
}

#ifndef __EMSCRIPTEN__
// The check before encoding agrees with the library's own: it throws exactly where EncodeQr
// refuses.
TEST(QrLimitsTest, AgreesWithTheLibrarysOwnLimit) {
  for (const Limit& limit : kLimits) {
    // Byte, numeric and alphanumeric modes, each around its own limit.
    for (const auto& [c, max] : {std::pair{'x', limit.max_bytes}, std::pair{'7', limit.max_digits},
                                 std::pair{'X', limit.max_alphanumeric}}) {
      for (size_t length : {max - 1, max, max + 1}) {
        const std::string text(length, c);
        bool library_throws = false;
        try {
          qrcodegen::QrCode::encodeText(text.c_str(), limit.library_level);
        } catch (const qrcodegen::data_too_long&) {
          library_throws = true;
        }
        EXPECT_EQ(EncodeQr(text, {.error_correction = limit.level}).ok(), !library_throws)
            << "level " << static_cast<int>(limit.level) << ", " << text.size() << " × '" << c
            << "'";
      }
    }
  }
}
#endif

}  // namespace
}  // namespace bokji::qr
