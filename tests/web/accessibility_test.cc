// Accessibility (issue 11): the theme's own colours meet WCAG 2.2's contrast ratios (computed here
// from web/model/palette.h, normal and high contrast), and the accessible mirror
// (web/model/mirror.h) hands an activation to the one control it names, on the next frame only.
#include <gtest/gtest.h>

#include <string>

#include "nlohmann/json.hpp"
#include "web/model/mirror.h"
#include "web/model/palette.h"

namespace bokji::web {
namespace {

TEST(Contrast, RatiosOfKnownColours) {
  // WCAG's own reference points.
  EXPECT_NEAR(ContrastRatio(Rgba(0, 0, 0), Rgba(255, 255, 255)), 21.0, 1e-9);
  EXPECT_NEAR(ContrastRatio(Rgba(255, 255, 255), Rgba(255, 255, 255)), 1.0, 1e-9);
  // #767676 on white is the lightest grey that passes 4.5:1 (4.54).
  EXPECT_NEAR(ContrastRatio(Rgba(118, 118, 118), Rgba(255, 255, 255)), 4.54, 0.01);
  EXPECT_LT(ContrastRatio(Rgba(119, 119, 119), Rgba(255, 255, 255)), 4.5);
}

TEST(Contrast, EveryPairOfBothThemesIsReadable) {
  for (bool high : {false, true}) {
    const Palette& palette = PaletteFor(high);
    const std::vector<ColorPair> pairs = TextPairs(palette);
    ASSERT_GE(pairs.size(), 14u);
    for (const ColorPair& pair : pairs)
      EXPECT_GE(ContrastRatio(pair.foreground, pair.background), pair.needed)
          << (high ? "high contrast: " : "normal: ") << pair.what;
  }
  // High contrast is at least as strong as normal for body text.
  EXPECT_GE(ContrastRatio(PaletteFor(true).text, PaletteFor(true).panel_background),
            ContrastRatio(PaletteFor(false).text, PaletteFor(false).panel_background));
}

TEST(Contrast, MarkersStandOutByTheirEdgeWhateverTheirHue) {
  // A category is told apart by its label and shape too; its marker's dark edge separates it from
  // the land (3:1, WCAG 1.4.11) even where the hue alone would not.
  for (bool high : {false, true}) {
    const Palette& p = PaletteFor(high);
    for (uint32_t land : p.land_fills) EXPECT_GE(ContrastRatio(p.marker_outline, land), 3.0);
    int light_hues = 0;
    for (uint32_t hue : p.category_colors)
      if (ContrastRatio(hue, p.land_fills[0]) < 3.0) ++light_hues;
    EXPECT_GT(light_hues, 0) << "the edge matters: some hues are close to the land";
  }
}

// The description's nodes with role `role`, depth first.
void Collect(const nlohmann::json& nodes, const std::string& role,
             std::vector<nlohmann::json>* out) {
  for (const nlohmann::json& n : nodes) {
    if (n["r"] == role) out->push_back(n);
    if (n.contains("c")) Collect(n["c"], role, out);
  }
}

TEST(Mirror, DescribesControlsAndSendsOnlyChanges) {
  Mirror mirror;
  std::string json;
  auto frame = [&](int count) {
    mirror.BeginFrame();
    mirror.Begin(MirrorRole::kRegion, "검색과 메뉴", "header");
    mirror.Heading(1, "복지지도");
    mirror.Button("near_me", "내 주변", Rect{10, 10, 90, 40});
    mirror.Begin(MirrorRole::kRadioGroup, "글자 크기");
    mirror.Button("text_100", "글자 100%", Rect{}, true);
    mirror.Button("text_200", "글자 200%", Rect{}, false);
    mirror.End();
    mirror.End();
    mirror.Announce("시설 " + std::to_string(count) + "곳");
    return mirror.EndFrame(&json);
  };
  ASSERT_TRUE(frame(12));
  const nlohmann::json first = nlohmann::json::parse(json);
  std::vector<nlohmann::json> buttons, radios, headings;
  Collect(first["tree"], "button", &buttons);
  Collect(first["tree"], "radio", &radios);
  Collect(first["tree"], "heading", &headings);
  ASSERT_EQ(buttons.size(), 1u);
  EXPECT_EQ(buttons[0]["n"], "내 주변");
  ASSERT_EQ(radios.size(), 2u);  // buttons in a radio group are radios
  EXPECT_EQ(radios[0]["x"], true);
  EXPECT_EQ(radios[1]["x"], false);
  ASSERT_EQ(headings.size(), 1u);
  EXPECT_EQ(headings[0]["l"], 1);
  EXPECT_EQ(first["live"], "시설 12곳");
  EXPECT_FALSE(frame(12)) << "the same description is not sent again";
  EXPECT_TRUE(frame(13)) << "a new count is";
}

TEST(Mirror, AnActivationReachesItsControlOnTheNextFrameOnly) {
  Mirror mirror;
  std::string json;
  mirror.Activate("near_me");
  mirror.BeginFrame();
  EXPECT_FALSE(mirror.Button("fit", "전체 보기", Rect{}));
  EXPECT_TRUE(mirror.Button("near_me", "내 주변", Rect{}));
  EXPECT_FALSE(mirror.Button("near_me", "내 주변", Rect{})) << "once";
  mirror.EndFrame(&json);
  mirror.BeginFrame();
  EXPECT_FALSE(mirror.Button("near_me", "내 주변", Rect{}));
  mirror.EndFrame(&json);
  // An activation whose control is not drawn in the next frame is dropped, not kept for later.
  mirror.Activate("card_close");
  mirror.BeginFrame();
  mirror.EndFrame(&json);
  mirror.BeginFrame();
  EXPECT_FALSE(mirror.Button("card_close", "닫기", Rect{}));
  mirror.EndFrame(&json);
}

TEST(Mirror, ChoicesTakeOnlyTheirOwnOptions) {
  Mirror mirror;
  std::string json;
  const std::vector<Mirror::Option> options = {{"0", "모든 시군"}, {"35011", "전주시완산구"}};
  mirror.Activate("place_region.sigungu=35011");
  mirror.BeginFrame();
  EXPECT_FALSE(mirror.Choice("place_region", "x", "0", options, Rect{}).has_value())
      << "a prefix of another id is not that id";
  EXPECT_EQ(mirror.Choice("place_region.sigungu", "시군구", "0", options, Rect{}), "35011");
  mirror.EndFrame(&json);
  mirror.Activate("place_region.sigungu=99999");
  mirror.BeginFrame();
  EXPECT_FALSE(mirror.Choice("place_region.sigungu", "시군구", "0", options, Rect{}).has_value())
      << "a value that is not an option is ignored";
  mirror.EndFrame(&json);
}

TEST(Mirror, TheFocusedControlsTwinIsWhereItWasDrawn) {
  Mirror mirror;
  std::string json;
  mirror.Focus("call");
  mirror.BeginFrame();
  EXPECT_FALSE(mirror.FocusedTwin().has_value());
  mirror.Link("call", "전화 걸기 063-222-9999", "tel:0632229999", Rect{5, 6, 7, 8}, false);
  ASSERT_TRUE(mirror.FocusedTwin().has_value());
  EXPECT_EQ(mirror.FocusedTwin()->x1, 7);
  mirror.EndFrame(&json);
  const nlohmann::json out = nlohmann::json::parse(json);
  std::vector<nlohmann::json> links;
  Collect(out["tree"], "link", &links);
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0]["h"], "tel:0632229999");
}

}  // namespace
}  // namespace bokji::web
