// web/model/layout.h: a phone is narrow and gets one sheet, the map between the top bar and the
// sheet; a wide screen gets a left column and a card column, the map between them; the UI mode is
// carried; estimates before the first frame, measured edges after.
#include "web/model/layout.h"

#include <gtest/gtest.h>

namespace bokji::web {
namespace {

TEST(Layout, APhoneIsNarrowWithOneSheetAndTheMapAboveIt) {
  PanelEdges measured;
  measured.header_bottom = 140;
  measured.sheet_top = 780;
  const Layout phone = Layout::For(UiMode::kCitizen, 390, 844, 1, measured, true);
  EXPECT_TRUE(phone.narrow);
  const Rect card = phone.CardRect(380);
  EXPECT_EQ(card.x0, 0);
  EXPECT_EQ(card.x1, 390);
  EXPECT_EQ(card.y1, 844);
  EXPECT_NEAR(card.height(), 844 * Layout::kCardSheetShare, 1e-3);
  const Rect map = phone.MapArea(/*card_open=*/false);
  EXPECT_EQ(map.y0, 140);
  EXPECT_EQ(map.y1, 780);
  const Rect with_card = phone.MapArea(/*card_open=*/true);
  EXPECT_EQ(with_card.y0, 140);
  EXPECT_EQ(with_card.y1, card.y0);
  EXPECT_GT(with_card.height(), 844 * 0.2f) << "the map stays visible above a card";
  EXPECT_EQ(phone.ProgramsRect(), (Rect{0, 0, 390, 844}));
}

TEST(Layout, ATallerHeaderTakesFromTheCardSheetNotFromTheMap) {
  // A touch screen's header (44 px buttons) ends lower: the card's sheet shrinks so that a quarter
  // of the height stays map, but never below the list's share.
  PanelEdges measured;
  measured.header_bottom = 200;
  const Layout phone = Layout::For(UiMode::kCitizen, 390, 844, 1, measured, true);
  const Rect card = phone.CardRect(380);
  EXPECT_NEAR(card.y0 - 200, 844 * Layout::kMapShareAboveSheet, 1e-3);
  EXPECT_LT(card.height(), 844 * Layout::kCardSheetShare);
  measured.header_bottom = 600;  // 200 % text: no room left
  const Layout large = Layout::For(UiMode::kCitizen, 390, 844, 2, measured, true);
  EXPECT_NEAR(large.CardRect(380).height(), 844 * Layout::kListSheetShare, 1e-3);
  EXPECT_NEAR(large.SheetMaxHeight(/*card=*/false), 844 * Layout::kListSheetShare, 1e-3);
}

TEST(Layout, AWideScreenHasAColumnEachSideAndTheMapBetween) {
  PanelEdges measured;
  measured.column_right = 310;
  const Layout desk = Layout::For(UiMode::kCitizen, 1280, 800, 1, measured, true);
  EXPECT_FALSE(desk.narrow);
  const Rect card = desk.CardRect(380);
  EXPECT_EQ(card.x1, 1270);
  EXPECT_EQ(card.width(), 380);
  EXPECT_EQ(card.y0, 10);
  const Rect map = desk.MapArea(true);
  EXPECT_EQ(map.x0, 310);
  EXPECT_EQ(map.x1, card.x0);
  EXPECT_EQ(desk.MapArea(false).x1, 1280);
  const Insets insets = desk.MapInsets(true, 24);
  EXPECT_EQ(insets.left, 334);
  EXPECT_EQ(insets.right, 1280 - card.x0 + 24);
  EXPECT_EQ(desk.ProgramsRect().x1, 550);
  // With the programs view open, the map is free right of it.
  const Layout programs =
      Layout::For(UiMode::kCitizen, 1280, 800, 1, measured, true, View::kPrograms);
  EXPECT_EQ(programs.MapArea(false).x0, 550);
}

TEST(Layout, AKioskKeepsABarAlongTheBottomThatNoPanelCovers) {
  PanelEdges measured;
  measured.header_bottom = 300;
  measured.column_right = 460;
  const float scale = 1.5f;
  const Layout kiosk = Layout::For(UiMode::kKiosk, 1080, 1920, scale, measured, true);
  const Rect bar = kiosk.KioskBarRect();
  EXPECT_EQ(bar.x0, 0);
  EXPECT_EQ(bar.x1, 1080);
  EXPECT_EQ(bar.y1, 1920);
  EXPECT_NEAR(bar.height(), Layout::kKioskBarHeight * scale, 1e-3);
  // Panels and the map end above it.
  EXPECT_LE(kiosk.CardRect(380).y1, bar.y0);
  EXPECT_LE(kiosk.ProgramsRect().y1, bar.y0);
  EXPECT_LE(kiosk.HeaderRect().y1, bar.y0);
  EXPECT_LE(kiosk.MapArea(/*card_open=*/true).y1, bar.y0);
  EXPECT_NEAR(kiosk.MapInsets(false, 0).bottom, bar.height(), 1e-3);
  // Other modes have none.
  const Layout citizen = Layout::For(UiMode::kCitizen, 1080, 1920, 1, measured, true);
  EXPECT_EQ(citizen.KioskBarRect().height(), 0);
  EXPECT_EQ(citizen.CardRect(380).y1, 1920 - Layout::kMargin);
}

TEST(Layout, ScaleModeAndEstimatesBeforeTheFirstFrame) {
  const Layout kiosk = Layout::For(UiMode::kKiosk, 1080, 1920, 1.5f, PanelEdges{}, false);
  EXPECT_EQ(kiosk.mode, UiMode::kKiosk);
  EXPECT_FALSE(kiosk.narrow);
  EXPECT_EQ(kiosk.CardRect(380).width(), 570);
  EXPECT_GT(kiosk.measured.column_right, 0) << "an estimate until the panels are measured";
  EXPECT_FALSE(kiosk.measured_once);
  const Layout tiny = Layout::For(UiMode::kEmbed, 360, 480, 1, PanelEdges{0, 0, 470}, true);
  EXPECT_TRUE(tiny.narrow);
  EXPECT_GE(tiny.MapArea(true).height(), 480 * 0.2f - 1e-3);
}

}  // namespace
}  // namespace bokji::web
