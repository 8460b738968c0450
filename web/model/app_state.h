// AppState: everything a person has chosen in the app, as plain values: the map's view, the
// filters, the place a list is measured from, the search text, the one open card, the programs
// view (its page, filters, search) with the self-check's answers, the language. Panels read and
// change it; the URL (url_state.h) is written from it; nothing else holds a person's choices.
//
// clang-format off
//   AppState state;                                    // the start screen
//   state.card = FacilityCard{12};                     // opening a card is one assignment
//   state.camera = CameraRequest::ShowFacility(12);    // and the map brings it into sight
//   state.view = View::kPrograms;                      // the programs view, over the map
//   state = AppState{};                                // a kiosk's reset: every field, all at once
// clang-format on
//
// Adding a field: give it a start value (the reset is `state = AppState{}`), say in url_state.h
// whether links carry it, and add it to tests/web/reset_test.cc, which lists every field by
// structured binding and stops compiling until the new one is there.
//
// What is NOT here: the UI mode (citizen, kiosk, embed: AppConfig, chosen by the page and kept
// across a reset), the layout (layout.h, measured every frame), derived data (the results list,
// search hits, self-check matches: caches keyed on this state), and what only lasts while the
// pointer is somewhere (hover, a drag in progress).
//
// Index
//   - The map: view, camera requests, filters, place
//   - Cards
//   - Search
//   - The programs view and the self-check
//   - AppState, AppConfig
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/facility_index.h"
#include "core/model.h"
#include "core/program_list.h"
#include "core/programs.h"
#include "web/model/map_view.h"
#include "web/model/strings.h"

namespace bokji::web {

// ---------------------------------------------------------------------------------------------------------
// The map: view, camera requests, filters, place
// ---------------------------------------------------------------------------------------------------------

// Where the camera should go, carried out by the map once it knows the layout (which parts of the
// screen panels cover). A request, not an animation: the map clears it when it starts moving.
struct CameraRequest {
  enum class Kind : uint8_t {
    kNone,
    kFitData,       // the whole province (the start screen)
    kFitRegion,     // `target`: a region index
    kShowFacility,  // `target`: a facility index, in sight beside its card, zoom >= `zoom`
    kCentre,        // `at` in the middle of the free map, zoom >= `zoom`
    kZoomBy,        // `zoom` levels in (out when negative) around the middle of the screen
  };
  Kind kind = Kind::kNone;
  uint32_t target = 0;
  LatLng at;
  double zoom = 0;
  bool animate = true;

  static CameraRequest FitData(bool animate) { return {Kind::kFitData, 0, {}, 0, animate}; }
  static CameraRequest FitRegion(uint32_t region) {
    return {Kind::kFitRegion, region, {}, 0, true};
  }
  static CameraRequest ShowFacility(uint32_t facility, double min_zoom = 0) {
    return {Kind::kShowFacility, facility, {}, min_zoom, true};
  }
  static CameraRequest Centre(LatLng at, double min_zoom, bool animate = true) {
    return {Kind::kCentre, 0, at, min_zoom, animate};
  }
  static CameraRequest ZoomBy(double levels) { return {Kind::kZoomBy, 0, {}, levels, true}; }
  bool operator==(const CameraRequest&) const = default;
};

// The facility filters: the index's (categories from the legend, target group, area) and one the
// index cannot answer.
struct FacilityFilters {
  FacilityFilter index;
  bool open_now = false;  // only facilities whose understood hours say open now
  bool operator==(const FacilityFilters&) const = default;
  bool any_beyond_legend() const {
    return index.any_target != 0 || index.region_code != 0 || open_now;
  }
};

// What the results list is measured from. Without one, the list is what the map shows.
enum class PlaceKind : uint8_t { kNone, kDevice, kPicked, kRegion };
struct Place {
  PlaceKind kind = PlaceKind::kNone;
  LatLng at;
  int region = -1;  // kRegion: the region index
  bool operator==(const Place&) const = default;
};

// The finding tools beside the search: "near me", the results list, the legend and filter sections.
// The open/closed states start as the layout suggests (open on a wide screen, closed on a phone)
// until the person chooses: nullopt means "as the layout suggests".
struct FindingState {
  bool near_open = false;  // the "near me" section
  bool picking = false;    // the next tap on the map chooses the place
  Place place;
  std::optional<bool> list_open;
  std::optional<bool> legend_open;
  std::optional<bool> filters_open;
  uint32_t legend_groups_open = 0;  // bit g: the legend lists CategoryGroup g's categories
  bool operator==(const FindingState&) const = default;
};

// ---------------------------------------------------------------------------------------------------------
// Cards: what is open over the map. One at a time; on a phone it is the bottom sheet.
// ---------------------------------------------------------------------------------------------------------

struct NoCard {
  bool operator==(const NoCard&) const = default;
};
struct FacilityCard {
  uint32_t facility = 0;
  double link_copied_until_ms = 0;  // "링크를 복사했습니다" shows until then (the page's clock)
  bool operator==(const FacilityCard&) const = default;
};
// Facilities at one spot (one address, or too close to split): a list to choose from.
struct SpotCard {
  std::vector<uint32_t> facilities;
  bool operator==(const SpotCard&) const = default;
};
// A program's card: over the map, or in the programs view's place while that view is open.
struct ProgramCard {
  uint32_t program = 0;
  bool operator==(const ProgramCard&) const = default;
};
struct DataInfoCard {
  bool operator==(const DataInfoCard&) const = default;
};
// The welfare education list: whom the listed events are for (kCitizens keeps events for everyone
// too; likewise kWorkers).
enum class EducationFor : uint8_t { kAnyone, kCitizens, kWorkers };
struct EducationCard {
  EducationFor audience = EducationFor::kAnyone;
  bool show_past = false;
  int selected = -1;  // the event shown on the map
  bool operator==(const EducationCard&) const = default;
};
// A facility placed by address only (an index into Catalog::approximate): its card says so and
// offers address searches instead of directions to a point.
struct ApproximateCard {
  uint32_t facility = 0;
  bool operator==(const ApproximateCard&) const = default;
};
using Card = std::variant<NoCard, FacilityCard, SpotCard, ProgramCard, DataInfoCard, EducationCard,
                          ApproximateCard>;

// ---------------------------------------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------------------------------------

// The groups of the search's results.
// kApproximate: facilities placed by address only (Catalog::approximate), a group of their own.
enum class SearchKind : uint8_t { kFacilities, kRegions, kPrograms, kApproximate };
inline constexpr int kSearchKindCount = 4;

struct SearchState {
  std::string
      query;  // the header's search text (the page's field shows it while the header has it)
  bool results_open = false;  // the drop-down: opens with typing or focus, closes on a pick
  std::array<int, kSearchKindCount> more = {};  // rows shown beyond the first few ("더 보기")
  bool operator==(const SearchState&) const = default;
};

// ---------------------------------------------------------------------------------------------------------
// The programs view and the self-check
// ---------------------------------------------------------------------------------------------------------

enum class View : uint8_t { kMap, kPrograms };
enum class ProgramsPage : uint8_t { kList, kQuestions, kResults };

struct SelfCheckState {
  // Personal: in memory only, never stored, sent or put in the URL.
  SelfCheckAnswers answers;
  SelfCheckQuestion question = SelfCheckQuestion::kAge;
  std::optional<int> age_decade;  // chosen on the age question before the exact age
  MatchGrouping grouping = MatchGrouping::kByFit;
  std::vector<int> more;  // rows shown beyond the first few, by group order ("더 보기")
  bool operator==(const SelfCheckState&) const = default;
};

struct ProgramsState {
  ProgramsPage page = ProgramsPage::kList;
  ProgramFilter filter;
  std::string query;  // the programs view's search text
  SelfCheckState self_check;
  bool operator==(const ProgramsState&) const = default;
};

// ---------------------------------------------------------------------------------------------------------
// AppState, AppConfig
// ---------------------------------------------------------------------------------------------------------

// How the text looks, as the person chose it (the header's text size and high-contrast controls; a
// kiosk shows both at all times). Part of the state, so a kiosk's reset gives the next person the
// defaults.
struct Appearance {
  int text_percent = 100;      // 100, 150 or 200: every text and target scales with it
  bool high_contrast = false;  // the high-contrast theme (dark text on white, black outlines)
  bool operator==(const Appearance&) const = default;
};

// Which text field a kiosk's on-screen keyboard types into (web/panels/kiosk_keyboard.cc); kNone:
// the keyboard is closed. Opens when a kiosk's text field takes the focus.
enum class KeyboardFor : uint8_t { kNone, kSearch, kPrograms };

struct AppState {
  MapView map;  // centre and zoom; the viewport is set from the canvas every frame
  CameraRequest camera = CameraRequest::FitData(/*animate=*/false);
  FacilityFilters filters;
  FindingState finding;
  SearchState search;
  Card card;
  View view = View::kMap;
  ProgramsState programs;
  std::string tiles;  // raster tiles' URL template; empty: the vector basemap alone
  Language language = Language::kKorean;
  Appearance appearance;
  // The help-request form (web/help_form.js, a DOM form over the map) asked for a point: the next
  // tap on the map goes to the form alone (PickedHelpPoint), never into this state or the URL,
  // since where a household in crisis lives is personal.
  bool help_picking = false;
  KeyboardFor keyboard = KeyboardFor::kNone;  // kiosk: the on-screen keyboard's field
  // A phone's header folds text size, contrast and language into one menu button: open or not.
  bool display_menu_open = false;
  bool operator==(const AppState&) const = default;
};

// How the app is deployed: chosen by the page, kept across resets (not part of AppState).
enum class UiMode : uint8_t {
  kCitizen,  // a phone or desktop browser
  kKiosk,    // a touch screen in a 행정복지센터 lobby (larger targets, idle reset)
  kEmbed,    // inside another site's iframe (driven by its messages)
};
struct AppConfig {
  UiMode mode = UiMode::kCitizen;
};

// Convenience reads of the card.
template <typename T>
const T* CardAs(const AppState& state) {
  return std::get_if<T>(&state.card);
}
inline int OpenFacility(const AppState& state) {
  const FacilityCard* card = CardAs<FacilityCard>(state);
  return card ? static_cast<int>(card->facility) : -1;
}
inline int OpenProgram(const AppState& state) {
  const ProgramCard* card = CardAs<ProgramCard>(state);
  return card ? static_cast<int>(card->program) : -1;
}

}  // namespace bokji::web
