#include "web/font.h"

#include <cstring>
#include <string>

#include "web/model/strings.h"

namespace bokji::web {
namespace {

// Characters public data uses that NanumGothic lacks, and the glyph that stands in for each. Every
// stand-in is a KS X 1001 symbol, which the font subset always holds.
struct LookAlike {
  ImWchar missing;
  ImWchar stand_in;
};
constexpr LookAlike kLookAlikes[] = {
    {0x0387, 0x00B7},                    // Greek ano teleia → middle dot
    {0x2024, 0x002E},                    // one dot leader → full stop
    {0x2027, 0x00B7},                    // hyphenation point
    {0x2218, 0x25CB},                    // ring operator → white circle
    {0x2219, 0x00B7},                    // bullet operator
    {0x22C5, 0x00B7},                    // dot operator
    {0x25A2, 0x25A1},                    // white square with rounded corners → white square
    {0x25AA, 0x25A0},                    // black small square → black square
    {0x25FD, 0x25A1},                    // white medium small square
    {0x25FE, 0x25A0},                    // black medium small square
    {0x274D, 0x25CB},                    // shadowed white circle
    {0x274F, 0x25A1},                    // lower right drop-shadowed white square
    {0x27A1, 0x2192},                    // black rightwards arrow → rightwards arrow
    {0x2981, 0x25CF},                    // Z notation spot → black circle
    {0x2E31, 0x00B7},                    // word separator middle dot
    {0x3007, 0x25CB},                    // ideographic number zero → white circle
    {0xFF62, 0x300C},                    // halfwidth corner brackets → corner brackets
    {0xFF63, 0x300D}, {0xFF65, 0x00B7},  // halfwidth katakana middle dot
};

// Private-use characters come from word-processor symbol fonts, where they are bullets; U+FFFD is
// what ImGui makes of characters beyond the BMP (the same bullets, in the supplementary private-use
// planes).
ImWchar StandIn(ImWchar c) {
  for (const LookAlike& pair : kLookAlikes)
    if (pair.missing == c) return pair.stand_in;
  if ((c >= 0xE000 && c <= 0xF8FF) || c == 0xFFFD) return 0x00B7;
  return 0;
}

void AddString(ImFontGlyphRangesBuilder* builder, const std::string& text) {
  if (!text.empty()) builder->AddText(text.data(), text.data() + text.size());
}

bool LooksLikeTrueType(const std::vector<uint8_t>& bytes) {
  if (bytes.size() < 12) return false;
  static constexpr uint8_t kTrueType[4] = {0, 1, 0, 0};
  return std::memcmp(bytes.data(), kTrueType, 4) == 0 ||
         std::memcmp(bytes.data(), "true", 4) == 0 || std::memcmp(bytes.data(), "OTTO", 4) == 0;
}

}  // namespace

AppFont::AppFont(std::vector<uint8_t> ttf, const Dataset& data) : ttf_(std::move(ttf)) {
  ImFontGlyphRangesBuilder used;
  AddString(&used, data.title);
  for (const Source& source : data.sources) {
    AddString(&used, source.name);
    AddString(&used, source.publisher);
    AddString(&used, source.licence);
  }
  for (const Facility& f : data.facilities) {
    AddString(&used, f.name);
    AddString(&used, f.road_address);
    AddString(&used, f.lot_address);
    AddString(&used, f.phone);
    AddString(&used, f.hours);
    AddString(&used, f.operator_name);
  }
  for (const Program& p : data.programs) {
    for (const std::string* text :
         {&p.name, &p.provider, &p.region_name, &p.summary, &p.eligibility, &p.selection_criteria,
          &p.how_to_apply, &p.contact, &p.provision, &p.cycle, &p.benefits})
      AddString(&used, *text);
    for (const std::string& theme : p.themes) AddString(&used, theme);
  }
  for (const EducationEvent& e : data.education) {
    for (const std::string* text :
         {&e.title, &e.organiser, &e.place_name, &e.address, &e.fee, &e.contact})
      AddString(&used, *text);
  }
  for (const Region& r : data.regions) {
    AddString(&used, r.name);
    AddString(&used, r.full_name);
  }
  VisitAllStrings(
      [](const char* text, void* builder) {
        static_cast<ImFontGlyphRangesBuilder*>(builder)->AddText(text);
      },
      &used);
  for (unsigned c = 0x20; c <= 0xFFFF; ++c)
    if (used.GetBit(c)) used_.push_back(static_cast<ImWchar>(c));
}

bool AppFont::Build(float pixel_size, float small_pixel_size, float large_pixel_size) {
  if (!LooksLikeTrueType(ttf_)) return false;

  // Regular: ASCII, Hangul compatibility jamo, Hangul syllables (only those the subset holds are
  // rasterised: ImGui skips code points the font has no glyph for) and every used character.
  // Small and large: ASCII and the used characters.
  static const ImWchar kFixedRanges[] = {0x0020, 0x007E, 0x3131, 0x318E, 0xAC00, 0xD7A3, 0};
  static const ImWchar kAsciiRange[] = {0x0020, 0x007E, 0};
  ImFontGlyphRangesBuilder regular, small;
  regular.AddRanges(kFixedRanges);
  small.AddRanges(kAsciiRange);
  for (ImWchar c : used_) {
    for (ImFontGlyphRangesBuilder* builder : {&regular, &small}) {
      builder->AddChar(c);
      if (const ImWchar stand_in = StandIn(c)) builder->AddChar(stand_in);
    }
  }
  ranges_.clear();
  regular.BuildRanges(&ranges_);
  small_ranges_.clear();
  small.BuildRanges(&small_ranges_);

  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  atlas->Clear();
  atlas->Flags |= ImFontAtlasFlags_NoMouseCursors;  // the browser draws the cursor
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;  // ttf_ outlives the atlas and serves the next rebuild
  config.OversampleH =
      1;  // rasterised at device resolution already: oversampling only grows the atlas
  config.OversampleV = 1;
  config.PixelSnapH = true;
  const int size = static_cast<int>(ttf_.size());
  ImFont* font = atlas->AddFontFromMemoryTTF(ttf_.data(), size, pixel_size, &config, ranges_.Data);
  small_ =
      atlas->AddFontFromMemoryTTF(ttf_.data(), size, small_pixel_size, &config, small_ranges_.Data);
  large_ =
      atlas->AddFontFromMemoryTTF(ttf_.data(), size, large_pixel_size, &config, small_ranges_.Data);
  if (font == nullptr || small_ == nullptr || large_ == nullptr || !atlas->Build()) return false;

  missing_.clear();
  for (ImWchar c : used_) {
    bool missing = false;
    for (ImFont* f : {font, small_, large_}) {
      if (f->FindGlyphNoFallback(c) != nullptr) continue;
      const ImWchar stand_in = StandIn(c);
      if (stand_in != 0 && f->FindGlyphNoFallback(stand_in) != nullptr)
        f->AddRemapChar(c, stand_in);
      else
        missing = true;
    }
    if (missing) missing_.push_back(c);
  }
  glyph_count_ = font->Glyphs.Size + small_->Glyphs.Size + large_->Glyphs.Size;
  return true;
}

}  // namespace bokji::web
