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

// The share of a font's pixel height (ImGui's size: ascender minus descender) its em takes, from
// the 'head' and 'hhea' tables; 0 if they are not found. Fonts of different designs have different
// shares, so a merged font is sized by the ratio of the two for equal em sizes.
float EmShareOfPixelHeight(const std::vector<uint8_t>& ttf) {
  auto u16 = [&](size_t at) { return static_cast<unsigned>(ttf[at] << 8 | ttf[at + 1]); };
  if (ttf.size() < 12) return 0;
  const unsigned tables = u16(4);
  int units_per_em = 0, ascender = 0, descender = 0;
  for (unsigned i = 0; i < tables && 12 + 16 * (i + 1) <= ttf.size(); ++i) {
    const size_t record = 12 + 16 * i;
    const size_t offset = u16(record + 8) << 16 | u16(record + 10);
    if (offset + 8 > ttf.size()) return 0;
    if (std::memcmp(&ttf[record], "head", 4) == 0 && offset + 20 <= ttf.size())
      units_per_em = static_cast<int>(u16(offset + 18));
    if (std::memcmp(&ttf[record], "hhea", 4) == 0) {
      ascender = static_cast<int16_t>(u16(offset + 4));
      descender = static_cast<int16_t>(u16(offset + 6));
    }
  }
  if (units_per_em == 0 || ascender - descender <= 0) return 0;
  return static_cast<float>(units_per_em) / static_cast<float>(ascender - descender);
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
  auto add_text = [](const char* text, void* builder) {
    static_cast<ImFontGlyphRangesBuilder*>(builder)->AddText(text);
  };
  // Korean and English, and every language's own name (the chooser shows them all).
  VisitStrings(Language::kKorean, add_text, &used);
  VisitStrings(Language::kEnglish, add_text, &used);
  for (int l = 0; l < kLanguageCount; ++l) used.AddText(LanguageName(static_cast<Language>(l)));
  for (unsigned c = 0x20; c <= 0xFFFF; ++c)
    if (used.GetBit(c)) used_.push_back(static_cast<ImWchar>(c));
  for (int l = 0; l < kLanguageCount; ++l) {
    if (!NeedsLanguageFont(static_cast<Language>(l))) continue;
    ImFontGlyphRangesBuilder column;
    VisitStrings(static_cast<Language>(l), add_text, &column);
    for (unsigned c = 0x20; c <= 0xFFFF; ++c)
      if (column.GetBit(c) && !used.GetBit(c)) language_used_[l].push_back(static_cast<ImWchar>(c));
  }
}

bool AppFont::NeedsLanguageFont(Language language) {
  return language == Language::kVietnamese || language == Language::kChinese;
}

bool AppFont::HasLanguageFont(Language language) const {
  return !language_ttf_[static_cast<int>(language)].empty();
}

void AppFont::AddLanguageFont(Language language, std::vector<uint8_t> ttf) {
  if (!NeedsLanguageFont(language) || !LooksLikeTrueType(ttf) || EmShareOfPixelHeight(ttf) <= 0)
    return;
  language_ttf_[static_cast<int>(language)] = std::move(ttf);
}

bool AppFont::Build(float pixel_size, float small_pixel_size, float large_pixel_size,
                    Language language) {
  if (!LooksLikeTrueType(ttf_)) return false;
  const int column = static_cast<int>(language);
  const std::vector<uint8_t>* language_ttf =
      NeedsLanguageFont(language) && HasLanguageFont(language) ? &language_ttf_[column] : nullptr;

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
  // The language font's characters: ASCII and its column's. Those it holds come from it alone
  // (NanumGothic's ranges leave them out), so a word never mixes the two designs.
  ImFontGlyphRangesBuilder language_chars;
  if (language_ttf != nullptr) {
    language_chars.AddRanges(kAsciiRange);
    for (ImWchar c : language_used_[column]) language_chars.AddChar(c);
  }
  ranges_.clear();
  regular.BuildRanges(&ranges_);
  small_ranges_.clear();
  small.BuildRanges(&small_ranges_);
  language_ranges_.clear();
  language_chars.BuildRanges(&language_ranges_);

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
  // Each of the three sizes: NanumGothic, then the language font merged into it (ImGui keeps the
  // first glyph a code point gets, so NanumGothic's ranges must leave the language's out).
  ImVector<ImWchar>* without_language = nanum_without_language_;
  const ImVector<ImWchar>* nanum_ranges[2] = {&ranges_, &small_ranges_};
  if (language_ttf != nullptr) {
    for (int r = 0; r < 2; ++r) {
      ImFontGlyphRangesBuilder kept;
      without_language[r].clear();
      for (int i = 0; (*nanum_ranges[r])[i] != 0; i += 2)
        for (unsigned c = (*nanum_ranges[r])[i]; c <= (*nanum_ranges[r])[i + 1]; ++c)
          if (!language_chars.GetBit(c)) kept.AddChar(static_cast<ImWchar>(c));
      kept.BuildRanges(&without_language[r]);
    }
    nanum_ranges[0] = &without_language[0];
    nanum_ranges[1] = &without_language[1];
  }
  const float em_ratio = language_ttf != nullptr
                             ? EmShareOfPixelHeight(ttf_) / EmShareOfPixelHeight(*language_ttf)
                             : 1;
  auto add = [&](float pixels, const ImVector<ImWchar>& ranges) {
    ImFont* f = atlas->AddFontFromMemoryTTF(ttf_.data(), size, pixels, &config, ranges.Data);
    if (f != nullptr && language_ttf != nullptr) {
      ImFontConfig merge = config;
      merge.MergeMode = true;
      atlas->AddFontFromMemoryTTF(const_cast<uint8_t*>(language_ttf->data()),
                                  static_cast<int>(language_ttf->size()), pixels * em_ratio, &merge,
                                  language_ranges_.Data);
    }
    return f;
  };
  ImFont* font = add(pixel_size, *nanum_ranges[0]);
  small_ = add(small_pixel_size, *nanum_ranges[1]);
  large_ = add(large_pixel_size, *nanum_ranges[1]);
  if (font == nullptr || small_ == nullptr || large_ == nullptr || !atlas->Build()) return false;
  built_language_ = language_ttf != nullptr ? language : Language::kKorean;

  missing_.clear();
  std::vector<ImWchar> shown = used_;
  if (NeedsLanguageFont(language))
    shown.insert(shown.end(), language_used_[column].begin(), language_used_[column].end());
  for (ImWchar c : shown) {
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
