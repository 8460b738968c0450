// The app: one loaded Dataset shown as a map with facility markers, a facility card, a legend that
// filters by category, filters by target group, area and "open now", a results list that follows
// the map, a search over facilities, places and welfare programs (with a program card), the
// facilities nearest the device's location (or a place tapped or an area chosen instead), and a
// data summary. Owns the view, the basemap, the
// font and the UI state; draws one frame at a time when web/main.cc asks.
//
//   std::string detail;
//   StringId failure;
//   std::unique_ptr<App> app = App::Create(std::move(dataset), std::move(font_bytes), &failure,
//   &detail); if (!app) ShowErrorScreen(Text(StringId::kErrorTitle), Text(failure),
//   detail.c_str());
//   ... every animation frame: if (TakeFrameRequest()) app->Frame();
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/cluster.h"
#include "core/facility_index.h"
#include "core/model.h"
#include "core/opening_hours.h"
#include "core/text_search.h"
#include "web/basemap.h"
#include "web/basemap_cache.h"
#include "web/font.h"
#include "web/map_view.h"
#include "web/programs_panel.h"
#include "web/strings.h"
#include "web/theme.h"
#include "web/tile_layer.h"

namespace bokji::web {

class App {
 public:
  // Builds the font atlas, the basemap and the marker clusters. REQUIRES: a current WebGL2 context,
  // an ImGui context with the OpenGL3 renderer initialised, and the canvas size known (AttachInput
  // ran). On failure returns null and says why (`failure` names the message, `detail` the technical
  // reason).
  static std::unique_ptr<App> Create(Dataset data, std::vector<uint8_t> font_ttf, StringId* failure,
                                     std::string* detail);

  // Draws one frame: reads input, lays out the UI, renders the map and ImGui.
  void Frame();

  // Restores what a link's query string (without "?") names; UpdateUrlState writes the same keys:
  //   map=zoom/lat/lng  f=facility source_key  p=program service_id  q=search text
  //   c=category bits (hex)  t=target group bit index  r=시군구/읍면동 code  open=1  near=lat,lng
  // Unknown keys and malformed values are ignored.
  void RestoreUrlState(const std::string& query);

  // The state tests look at (view, visible markers, selection, font coverage, start-up times), as
  // JSON.
  std::string DebugJson() const;
  // Every program's facts as JSON, for tests (ProgramsPanel::CatalogJson).
  std::string ProgramCatalogJson() const { return programs_.CatalogJson(); }
  // Adds a start-up phase's duration to DebugJson's "startup_ms".
  void RecordStartupTime(const char* phase, double ms);

 private:
  struct VisibleMarker {
    ImVec2 screen;
    float radius;
    uint32_t count;
    uint32_t facility_id;  // the member's id when count == 1
    ClusterId cluster;
    LatLng centre;
  };
  struct Animation {
    bool active = false;
    double start_ms = 0, duration_ms = 0;
    double from_zoom = 0, to_zoom = 0;
    Mercator from_center, to_center;
    bool anchored = false;  // keep `anchor_world` under `anchor_screen` (zooms around a point)
    Mercator anchor_world;
    ImVec2 anchor_screen;
  };

  App(Dataset data, std::vector<uint8_t> font_ttf);

  bool BuildFont(float pixel_ratio);
  void RebuildClusters();
  void FitToData(bool animate);
  void AnimateZoomAround(ImVec2 anchor, double levels);
  void AnimateTo(Mercator center, double zoom);
  void StepAnimation();

  void HandleMapInput();
  void HandleMapClick(ImVec2 position);
  // Opens the facility's card and brings its marker into sight, zooming in to at least `min_zoom`.
  void Select(int facility, double min_zoom = 0);
  void UpdateCursor();
  void UpdateUrlState();

  void CollectMarkers();  // the clusters and markers in view, into visible_markers_
  void DrawLabels(ImDrawList* draw_list);
  void DrawMarkers(ImDrawList* draw_list);
  void DrawScaleBar(ImDrawList* draw_list);
  void DrawAttribution(ImDrawList* draw_list);

  void DrawHeaderPanel();
  void DrawSearchBox();
  void UpdateSearch();
  void DrawSearchResults();
  void ActivateFirstResult();
  void FlyToFacility(uint32_t facility);
  void FlyToRegion(uint32_t region);
  void DrawProgramCard();
  void UpdateNearby();
  void DrawNearbyPanel();

  // Finding (app_finding.cc): the filters, the place a search is near, the results list.
  enum class PlaceKind : uint8_t { kNone, kDevice, kPicked, kRegion };
  bool Passes(uint32_t facility) const;  // every filter, "open now" included
  void FiltersChanged();                 // re-clusters; closes a card the filters now hide
  void DrawFilters();
  void SetPlace(PlaceKind kind, LatLng where, int region = -1);
  void DrawPlaceChooser();  // tap the map or choose an area, when the device's location is refused
  void UpdateResults();
  void DrawResultsList();
  // "open" / "closed" / "" (unknown) for the facility at this minute.
  OpenState OpenStateOf(uint32_t facility) const;
  void DrawLocation(ImDrawList* draw_list);
  void DrawZoomControls();
  void DrawFacilityCard();
  void DrawChooser();
  void DrawDataInfo();
  void DrawEducationPanel();                         // app_education.cc
  void DrawEducationMarkers(ImDrawList* draw_list);  // the listed events with a place

  bool IsNarrow() const;
  // Open on a wide screen when the legend is short; closed on a phone (the map needs the room) and
  // when it lists many categories, which would push the results list below the fold (until the
  // legend shows groups).
  bool LegendStartsOpen() const;

  Dataset data_;                    // without the facilities placed by address only (see Create)
  int approximate_facilities_ = 0;  // how many were left out
  Theme theme_;
  AppFont font_;
  float font_pixel_ratio_ = 0;
  Basemap basemap_;
  BasemapCache basemap_cache_;  // the basemap as one texture while the map pans
  TileLayer tiles_;             // off unless the user or the link (?tiles=) turns it on
  MapView view_;
  Animation animation_;
  bool fit_pending_ = false;
  double last_frame_ms_ = 0;
  int frame_count_ = 0;

  MarkerClusters all_clusters_;
  MarkerClusters clusters_;  // all_clusters_ filtered by the legend
  FacilityFilter filter_;    // categories (the legend), target group, area
  int category_counts_[kFacilityCategoryCount] = {};
  std::vector<VisibleMarker> visible_markers_;
  std::vector<LatLng> label_positions_;  // by region
  std::vector<ImVec4>
      overlay_rects_;  // what covers the map this frame (panels, scale bar), for tests
  std::vector<std::pair<const char*, ImVec4>> button_rects_;  // named buttons this frame, for tests
  void NoteButton(const char* name);  // records the last item's rectangle under `name`
  std::string startup_json_;          // "phase":ms pairs
  std::string url_state_;             // what the page's URL says now

  // Pointer gesture state.
  bool dragging_ = false;
  bool drag_moved_ = false;
  ImVec2 press_position_;
  bool pinch_was_active_ = false;
  ImVec2 last_pinch_center_;
  float last_pinch_distance_ = 0;
  int hovered_marker_ = -1;  // index into visible_markers_

  // Search: one index per kind of result; hits for the query last searched.
  TextSearch facility_search_;
  TextSearch region_search_;
  TextSearch program_search_;
  std::string searched_query_;
  std::vector<TextSearch::Hit> facility_hits_, region_hits_, program_hits_;
  bool results_open_ =
      false;  // hidden after a pick until the query changes or the field gets focus
  bool field_was_focused_ = false;

  // Filters beyond the legend.
  bool open_now_ = false;
  std::vector<std::optional<WeeklyHours>> hours_;  // by facility; nullopt when not understood
  int hours_known_ = 0;
  WeekTime now_;  // Korea's time, this frame

  // Near me and the results list.
  FacilityIndex facility_index_;
  int location_generation_ = 0;
  bool nearby_open_ = false;
  PlaceKind place_kind_ = PlaceKind::kNone;
  LatLng place_;
  int place_region_ = -1;          // the region chosen as the place (kRegion)
  bool picking_place_ = false;     // the next tap on the map sets the place
  std::vector<Neighbor> results_;  // closest first
  int results_total_ = 0;          // before the cap: every match in view (no place) or near it
  std::string results_key_;        // what results_ was computed for
  bool list_open_ = true;
  int hovered_result_ = -1;  // facility id under the pointer in the list
  double link_copied_until_ms_ = 0;

  // Selection and panels.
  int selected_ = -1;              // facility id with its card open
  int selected_program_ = -1;      // program id with its card open
  std::vector<uint32_t> chooser_;  // facilities at one spot, offered as a list
  bool show_data_info_ = false;
  // Welfare education (app_education.cc).
  bool show_education_ = false;
  int education_audience_ = 0;  // 0 anyone, 1 residents, 2 welfare workers
  bool education_show_past_ = false;
  std::vector<uint32_t> education_listed_;  // what the panel lists, soonest first
  int education_selected_ = -1;
  bool legend_open_ = true;
  // Where the header panel ends (CSS px), for framing a place below it on a phone.
  float header_bottom_ = 0;
  int region_to_frame_ = -1;           // a link's area filter, framed once the header has its size
  bool legend_layout_narrow_ = false;  // the layout the legend's open state was chosen for

  // The welfare programs view (browse, program cards, self-check); drawn instead of the header.
  ProgramsPanel programs_{data_, theme_, font_, program_search_};
};

}  // namespace bokji::web
