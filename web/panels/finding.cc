// The finding tools beside the search: "near me" (the device's location, or a tap on the map or an
// area when it is refused), the legend (categories, and the optional raster tiles), the filters
// (target group, area, open now) and the results list that follows the map. Under the header on a
// wide screen; on a phone the one bottom sheet, which a card replaces (its "뒤로" brings it back).
//
// Index
//   - The panel
//   - Near me
//   - Legend and filters
//   - Results list
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>

#include "imgui_internal.h"  // PushItemFlag(ImGuiItemFlags_MixedValue): a group partly on

#include "web/model/approximate.h"
#include "web/model/format.h"
#include "web/model/url_state.h"
#include "web/panels/panels.h"
#include "web/platform.h"
#include "web/ui.h"

namespace bokji::web {
namespace {

// "전주시 완산구": a region's full name without the 도 it starts with.
std::string RegionLabel(const Region& r) {
  const size_t space = r.full_name.find(' ');
  return space == std::string::npos ? r.full_name : r.full_name.substr(space + 1);
}

// A collapsing section whose open state is the state's (nullopt: `by_default`), mirrored as a
// toggle button named `id`. A title too long for one line (a phone at 200 %, a long language)
// wraps at spaces onto more lines of the header instead of running out of the panel.
bool Section(PanelContext& ctx, const char* label, std::optional<bool>* open, bool by_default,
             std::string_view id) {
  const bool was = open->value_or(by_default);
  std::string_view name(label);
  if (const size_t hashes = name.find("##"); hashes != std::string_view::npos)
    name = name.substr(0, hashes);
  // The header's text starts after its arrow (the font size and three paddings in; ImGui's
  // TreeNodeBehavior) and keeps one padding on the right.
  const float text_room = ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() -
                          2 * ImGui::GetStyle().FramePadding.x;
  ImGui::SetNextItemOpen(was, ImGuiCond_Always);
  bool now = ImGui::CollapsingHeader(WrapLabelKeepingId(label, text_room).c_str());
  if (ctx.mirror.Button(id, name, LastItemRect(), was)) {
    now = !was;
    RequestFrames(2);
  }
  if (now != was) *open = now;
  return now;
}

// "6,880": a count with thousands separators.
std::string FormatCount(int n) {
  std::string digits = std::to_string(n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(i, ",");
  return digits;
}

// The rectangle a combo box takes at the cursor (for the mirror's twin), before it is drawn.
Rect ComboRect() {
  const ImVec2 at = ImGui::GetCursorScreenPos();
  return Rect{at.x, at.y, at.x + ImGui::CalcItemWidth(), at.y + ImGui::GetFrameHeight()};
}

class FindingPanel final : public Panel {
 public:
  const char* name() const override { return "finding"; }

  // ---------------------------------------------------------------------------------------------
  // The panel
  // ---------------------------------------------------------------------------------------------

  void Draw(PanelContext& ctx) override {
    ctx.hover.result = -1;
    TakeLocation(ctx);
    const AppState& state = ctx.state;
    const Layout& layout = ctx.layout;
    if (state.view != View::kMap) return;
    if (layout.narrow && !std::holds_alternative<NoCard>(state.card)) return;  // the card's sheet
    if (!layout.narrow && state.search.results_open && !state.search.query.empty()) return;

    if (layout.narrow) {
      ImGui::SetNextWindowPos(ImVec2(0, layout.height), ImGuiCond_Always, ImVec2(0, 1));
      ImGui::SetNextWindowSizeConstraints(ImVec2(layout.width, 0),
                                          ImVec2(layout.width, layout.SheetMaxHeight(false)));
    } else {
      const Rect column = layout.HeaderRect();
      const float top = ctx.edges.header_bottom + layout.Scaled(6);
      ImGui::SetNextWindowPos(ImVec2(column.x0, top));
      ImGui::SetNextWindowSizeConstraints(ImVec2(column.width(), 0),
                                          ImVec2(column.width(), column.y1 - top));
    }
    ImGui::Begin("##finding", nullptr, kPanelFlags | ImGuiWindowFlags_AlwaysAutoResize);
    if (layout.narrow) {
      // A phone: the list first (the sheet's handle), the rest below it.
      if (state.finding.near_open) NearSection(ctx);
      ListSection(ctx);
      Legend(ctx);
      Filters(ctx);
      ctx.edges.sheet_top = ImGui::GetWindowPos().y;
    } else {
      // "Near me" puts the place and its nearest facilities first; otherwise the list comes last.
      if (state.finding.near_open) {
        NearSection(ctx);
        ListSection(ctx);
      }
      Legend(ctx);
      Filters(ctx);
      if (!state.finding.near_open) ListSection(ctx);
      ctx.edges.column_right =
          std::max(ctx.edges.column_right, ImGui::GetWindowPos().x + ImGui::GetWindowSize().x);
    }
    ImGui::End();
  }

  void Debug(PanelContext& ctx, nlohmann::json& out) const override {
    const AppState& state = ctx.state;
    const ResultsList& list = ctx.derived.Results(ctx.catalog, state, ctx.now.week, true);
    static constexpr const char* kPlaceKinds[] = {"none", "device", "picked", "region"};
    const Place& place = state.finding.place;
    out["place"] = {{"kind", kPlaceKinds[static_cast<int>(place.kind)]},
                    {"lat", place.at.lat},
                    {"lng", place.at.lng},
                    {"picking", state.finding.picking}};
    out["results_total"] = list.total;
    out["list_open"] = state.finding.list_open.value_or(!ctx.layout.narrow);
    out["hovered_result"] = ctx.hover.result;
    // The results list; "nearby" is the same list while it is measured from a place.
    nlohmann::json rows = nlohmann::json::array();
    for (const Neighbor& n : list.rows)
      rows.push_back({{"facility", n.id},
                      {"distance_m", n.distance_m},
                      {"name", ctx.catalog.data.facilities[n.id].name}});
    out["nearby"] = place.kind == PlaceKind::kNone ? nlohmann::json::array() : rows;
    out["results"] = std::move(rows);
    nlohmann::json approximate = nlohmann::json::array();
    for (uint32_t i : list.approximate)
      approximate.push_back({{"index", i},
                             {"name", ctx.catalog.approximate[i].name},
                             {"source_key", ctx.catalog.approximate[i].source_key}});
    out["results_approximate"] = std::move(approximate);
    out["results_approximate_total"] = list.approximate_total;
    out["legend_groups_open"] = state.finding.legend_groups_open;
    static constexpr const char* kLocationStates[] = {"none", "pending", "found", "denied",
                                                      "unavailable"};
    out["location"] = kLocationStates[static_cast<int>(CurrentLocation().state)];
  }

 private:
  // ---------------------------------------------------------------------------------------------
  // Near me
  // ---------------------------------------------------------------------------------------------

  // The device's location, when a new answer arrives: the place the list measures from.
  void TakeLocation(PanelContext& ctx) {
    const LocationFix& fix = CurrentLocation();
    if (fix.generation == location_generation_) return;
    location_generation_ = fix.generation;
    if (fix.state != LocationFix::State::kFound || !ctx.state.finding.near_open) return;
    SetPlace(ctx, Place{PlaceKind::kDevice, LatLng{fix.lat, fix.lng}, -1});
  }

  static void SetPlace(PanelContext& ctx, const Place& place) {
    FindingState& finding = ctx.state.finding;
    finding.place = place;
    if (place.kind == PlaceKind::kNone) return;
    finding.list_open = true;
    // Show the place with room around it; an area is framed whole.
    ctx.state.camera = place.kind == PlaceKind::kRegion
                           ? CameraRequest::FitRegion(static_cast<uint32_t>(place.region))
                           : CameraRequest::Centre(place.at, 13);
  }

  // What the location request is doing and, when the device's location is refused or unavailable
  // (most iframes), other ways to choose the place. The facilities themselves are the list.
  void NearSection(PanelContext& ctx) {
    FindingState& finding = ctx.state.finding;
    Heading(Text(StringId::kNearMeTitle));
    ctx.mirror.Begin(MirrorRole::kRegion, Text(StringId::kNearMeTitle), "near");
    ctx.mirror.Heading(2, Text(StringId::kNearMeTitle));
    ImGui::PushTextWrapPos(0);
    const LocationFix& fix = CurrentLocation();
    const bool device_failed =
        fix.state == LocationFix::State::kDenied || fix.state == LocationFix::State::kUnavailable;
    const bool no_place = finding.place.kind == PlaceKind::kNone;
    if (no_place && !device_failed && !finding.picking) {
      ImGui::TextDisabled("%s", Text(StringId::kLocating));
      ctx.mirror.Text(Text(StringId::kLocating));
    }
    if (device_failed && no_place) {
      const char* why =
          Text(fix.state == LocationFix::State::kDenied ? StringId::kLocationDenied
                                                        : StringId::kLocationUnavailable);
      ImGui::TextUnformatted(why);
      ctx.mirror.Text(why);
    }
    ImGui::PopTextWrapPos();
    if (device_failed || !no_place || finding.picking) PlaceChooser(ctx);
    if (Mirrored(ctx, ImGui::Button(Text(StringId::kCardClose)), "near_close",
                 Text(StringId::kCardClose))) {
      finding.near_open = false;
      finding.picking = false;
      finding.place = Place{};
    }
    ctx.rects.Note("near_close");
    ctx.mirror.End();
  }

  void PlaceChooser(PanelContext& ctx) {
    FindingState& finding = ctx.state.finding;
    const Catalog& catalog = ctx.catalog;
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", Text(StringId::kNearFallbackHint));
    ImGui::PopTextWrapPos();
    ctx.mirror.Text(Text(StringId::kNearFallbackHint));
    const float full = ImGui::GetContentRegionAvail().x;
    if (finding.picking) {
      ImGui::PushTextWrapPos(0);
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(ctx.theme.accent), "%s",
                         Text(StringId::kPickOnMapHint));
      ImGui::PopTextWrapPos();
      ctx.mirror.Text(Text(StringId::kPickOnMapHint));
    } else if (Mirrored(ctx, ImGui::Button(Text(StringId::kPickOnMap), ImVec2(full, 0)),
                        "pick_on_map", Text(StringId::kPickOnMap))) {
      finding.picking = true;
    }
    ctx.rects.Note("pick_on_map");
    ImGui::TextUnformatted(Text(StringId::kPickRegion));
    ctx.mirror.Text(Text(StringId::kPickRegion));
    uint32_t code = finding.place.kind == PlaceKind::kRegion && finding.place.region >= 0
                        ? catalog.data.regions[finding.place.region].code
                        : 0;
    if (RegionCombos(ctx, "place_region", &code) && code != 0) {
      const int region = catalog.RegionByCode(code);
      if (region >= 0)
        SetPlace(ctx, Place{PlaceKind::kRegion, catalog.label_points[region], region});
    }
    ctx.rects.Note("place_region");
  }

  // Two combos, 시군구 then its 읍면동, editing `code` (0 = anywhere, else a 5- or 7-digit code).
  // True when the choice changed. `id` keeps two uses on one screen apart.
  static bool RegionCombos(PanelContext& ctx, const char* id, uint32_t* code) {
    const Dataset& data = ctx.catalog.data;
    const std::string mid(id);
    ImGui::PushID(id);
    bool changed = false;
    const uint32_t sigungu = *code >= 1000000 ? *code / 100 : *code;
    std::string current = Text(StringId::kFilterAllSigungu);
    for (const Region& r : data.regions)
      if (r.level == RegionLevel::kSigungu && r.code == sigungu) current = RegionLabel(r);
    ImGui::SetNextItemWidth(-FLT_MIN);
    {
      std::vector<Mirror::Option> options = {{"0", Text(StringId::kFilterAllSigungu)}};
      for (const Region& r : data.regions)
        if (r.level == RegionLevel::kSigungu)
          options.push_back({std::to_string(r.code), RegionLabel(r)});
      if (const auto chosen =
              ctx.mirror.Choice(mid + ".sigungu", Text(StringId::kMirrorChooseSigungu),
                                std::to_string(sigungu), options, ComboRect())) {
        *code = static_cast<uint32_t>(std::stoul(*chosen));
        changed = true;
      }
    }
    if (ImGui::BeginCombo("##sigungu", current.c_str(), ImGuiComboFlags_HeightLarge)) {
      if (ImGui::Selectable(Text(StringId::kFilterAllSigungu), sigungu == 0, 0,
                            TargetRow(ctx.theme))) {
        *code = 0;
        changed = true;
      }
      for (const Region& r : data.regions) {
        if (r.level != RegionLevel::kSigungu) continue;
        ImGui::PushID(static_cast<int>(r.code));
        if (ImGui::Selectable(RegionLabel(r).c_str(), r.code == sigungu, 0, TargetRow(ctx.theme))) {
          *code = r.code;
          changed = true;
        }
        ImGui::PopID();
      }
      ImGui::EndCombo();
    }
    if (sigungu != 0) {
      std::string emd_current = Text(StringId::kFilterAllEmd);
      for (const Region& r : data.regions)
        if (r.level == RegionLevel::kEmd && r.code == *code) emd_current = r.name;
      ImGui::SetNextItemWidth(-FLT_MIN);
      {
        std::vector<Mirror::Option> options = {
            {std::to_string(sigungu), Text(StringId::kFilterAllEmd)}};
        for (const Region& r : data.regions)
          if (r.level == RegionLevel::kEmd && r.parent_code == sigungu)
            options.push_back({std::to_string(r.code), r.name});
        if (const auto chosen = ctx.mirror.Choice(mid + ".emd", Text(StringId::kMirrorChooseEmd),
                                                  std::to_string(*code), options, ComboRect())) {
          *code = static_cast<uint32_t>(std::stoul(*chosen));
          changed = true;
        }
      }
      if (ImGui::BeginCombo("##emd", emd_current.c_str(), ImGuiComboFlags_HeightLarge)) {
        if (ImGui::Selectable(Text(StringId::kFilterAllEmd), *code == sigungu, 0,
                              TargetRow(ctx.theme))) {
          *code = sigungu;
          changed = true;
        }
        for (const Region& r : data.regions) {
          if (r.level != RegionLevel::kEmd || r.parent_code != sigungu) continue;
          ImGui::PushID(static_cast<int>(r.code));
          if (ImGui::Selectable(r.name.c_str(), r.code == *code, 0, TargetRow(ctx.theme))) {
            *code = r.code;
            changed = true;
          }
          ImGui::PopID();
        }
        ImGui::EndCombo();
      }
    }
    ImGui::PopID();
    return changed;
  }

  // ---------------------------------------------------------------------------------------------
  // Legend and filters
  // ---------------------------------------------------------------------------------------------

  // Categories on the map by group (보건·의료, 노인, …): a group's box turns all its categories on
  // or off, its arrow lists them, each with its own box; counts include the facilities placed by
  // address. Then the raster tiles under the boundaries.
  void Legend(PanelContext& ctx) {
    AppState& state = ctx.state;
    // Open by default on a wide screen while the legend is short (a row per group); closed on a
    // phone (the map needs the room) and when its rows would push the results list below the
    // fold of a 1280×800 screen (the real data's five groups do).
    constexpr int kMostRowsOpen = 3;
    const Catalog& catalog = ctx.catalog;
    CategorySet& categories = state.filters.index.categories;
    auto count_of = [&](int c) {
      return catalog.category_counts[c] + catalog.approximate_category_counts[c];
    };
    int rows = 0;
    for (int g = 0; g < kCategoryGroupCount; ++g) {
      bool any = false;
      for (int c = 0; c < kFacilityCategoryCount; ++c)
        any |= GroupOf(static_cast<FacilityCategory>(c)) == static_cast<CategoryGroup>(g) &&
               count_of(c) > 0;
      rows += any;
    }
    const bool open = Section(ctx, Text(StringId::kLegendTitle), &state.finding.legend_open,
                              !ctx.layout.narrow && rows <= kMostRowsOpen, "legend");
    ctx.rects.Note("legend");
    if (!open) return;
    ctx.mirror.Begin(MirrorRole::kGroup, Text(StringId::kLegendTitle));
    const float swatch = ImGui::GetFontSize() * 0.7f;
    const float line = ImGui::GetFrameHeight();
    for (int g = 0; g < kCategoryGroupCount; ++g) {
      const auto group = static_cast<CategoryGroup>(g);
      CategorySet present = 0;  // the group's categories the data has
      int total = 0;
      for (int c = 0; c < kFacilityCategoryCount; ++c)
        if (GroupOf(static_cast<FacilityCategory>(c)) == group && count_of(c) > 0) {
          present |= CategoryBit(static_cast<FacilityCategory>(c));
          total += count_of(c);
        }
      if (present == 0) continue;
      ImGui::PushID(g);
      const CategorySet on_now = categories & present;
      bool all_on = on_now == present;
      const std::string group_name =
          std::string(CategoryGroupLabel(group)) + " (" + FormatCount(total) + ")";
      // Some but not all on: the box shows a dash; a press turns them all on.
      ImGui::PushItemFlag(ImGuiItemFlags_MixedValue, on_now != 0 && !all_on);
      if (MirroredCheckbox(ctx, "##group", &all_on, "legend_group_" + std::to_string(g),
                           group_name)) {
        const CategorySet group_bits = GroupCategories(group);
        categories = all_on ? (categories | group_bits) : (categories & ~group_bits);
      }
      ImGui::PopItemFlag();
      ctx.rects.Note("legend_group_" + std::to_string(g));
      ImGui::SameLine();
      const uint32_t bit = 1u << g;
      const bool expanded = (state.finding.legend_groups_open & bit) != 0;
      const std::string expand_name =
          FormatText(Text(StringId::kLegendGroupExpandFormat), CategoryGroupLabel(group));
      if (Mirrored(ctx, ImGui::ArrowButton("##expand", expanded ? ImGuiDir_Down : ImGuiDir_Right),
                   "legend_expand_" + std::to_string(g), expand_name, expanded))
        state.finding.legend_groups_open ^= bit;
      ctx.rects.Note("legend_expand_" + std::to_string(g));
      ImGui::SameLine();
      ImGui::AlignTextToFramePadding();
      ImGui::PushTextWrapPos(0);  // the lines under the first one start where it does
      ImGui::Text("%s (%s)", CategoryGroupLabel(group), FormatCount(total).c_str());
      ImGui::PopTextWrapPos();
      if (expanded) {
        ImGui::Indent(line * 1.2f);
        for (int c = 0; c < kFacilityCategoryCount; ++c) {
          const auto category = static_cast<FacilityCategory>(c);
          if ((present & CategoryBit(category)) == 0) continue;
          bool on = (categories & CategoryBit(category)) != 0;
          ImGui::PushID(100 + c);
          const std::string name = FormatText(Text(StringId::kMirrorCategoryFormat),
                                              CategoryLabel(category), count_of(c));
          if (MirroredCheckbox(ctx, "##on", &on, "category_" + std::to_string(c), name))
            categories ^= CategoryBit(category);
          ctx.rects.Note("legend_category_" + std::to_string(c));
          ImGui::SameLine();
          const ImVec2 p = ImGui::GetCursorScreenPos();
          ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + swatch / 2, p.y + line / 2),
                                                      swatch / 2,
                                                      ctx.theme.CategoryColor(category));
          ImGui::Dummy(ImVec2(swatch, line));
          ImGui::SameLine();
          ImGui::AlignTextToFramePadding();
          ImGui::PushTextWrapPos(0);
          ImGui::Text("%s (%s)", CategoryLabel(category), FormatCount(count_of(c)).c_str());
          ImGui::PopTextWrapPos();
          ImGui::PopID();
        }
        ImGui::Unindent(line * 1.2f);
      }
      ImGui::PopID();
    }
    // The raster map under the boundaries: off by default (the vector basemap needs no network).
    bool tiles = !state.tiles.empty();
    if (MirroredCheckbox(ctx, Text(StringId::kTilesToggle), &tiles, "tiles"))
      state.tiles = tiles ? kOpenStreetMapTiles : "";
    ctx.rects.Note("tiles");
    ctx.mirror.End();
  }

  void Filters(PanelContext& ctx) {
    AppState& state = ctx.state;
    FacilityFilter& filter = state.filters.index;
    const bool any = state.filters.any_beyond_legend();
    if (!Section(ctx, Text(StringId::kFiltersTitle), &state.finding.filters_open,
                 any || !ctx.layout.narrow, "filters_toggle"))  // a phone needs the map's room
      return;
    ctx.mirror.Begin(MirrorRole::kGroup, Text(StringId::kFiltersTitle));
    ctx.rects.Note("filters");
    const Catalog& catalog = ctx.catalog;

    const float column =
        FieldLabelColumn({Text(StringId::kFilterTarget), Text(StringId::kFilterRegion)});
    // Target group: only the groups some facility serves.
    FieldLabel(Text(StringId::kFilterTarget), column);
    ImGui::SetNextItemWidth(-FLT_MIN);
    {
      std::vector<Mirror::Option> options = {{"0", Text(StringId::kFilterAny)}};
      for (int bit = 0; bit < kTargetGroupCount; ++bit)
        if ((catalog.facility_targets & (1u << bit)) != 0)
          options.push_back({std::to_string(1u << bit), TargetLabel(1u << bit)});
      if (const auto chosen =
              ctx.mirror.Choice("target", Text(StringId::kFilterTarget),
                                std::to_string(filter.any_target), options, ComboRect()))
        filter.any_target = static_cast<uint32_t>(std::stoul(*chosen));
    }
    const char* target_label =
        filter.any_target ? TargetLabel(filter.any_target) : Text(StringId::kFilterAny);
    if (ImGui::BeginCombo("##target", target_label, ImGuiComboFlags_HeightLarge)) {
      if (ImGui::Selectable(Text(StringId::kFilterAny), filter.any_target == 0, 0,
                            TargetRow(ctx.theme)))
        filter.any_target = 0;
      for (int bit = 0; bit < kTargetGroupCount; ++bit) {
        if ((catalog.facility_targets & (1u << bit)) == 0) continue;
        ImGui::PushID(bit);
        if (ImGui::Selectable(TargetLabel(1u << bit), filter.any_target == (1u << bit), 0,
                              TargetRow(ctx.theme)))
          filter.any_target = 1u << bit;
        ctx.rects.Note("target_" + std::to_string(bit));
        ImGui::PopID();
      }
      ImGui::EndCombo();
    }
    ctx.rects.Note("target");

    // Area: 시군구, then 읍면동; choosing one frames it.
    FieldLabel(Text(StringId::kFilterRegion), column);
    ImGui::BeginGroup();
    if (RegionCombos(ctx, "filter_region", &filter.region_code) && filter.region_code != 0) {
      const int region = catalog.RegionByCode(filter.region_code);
      if (region >= 0) state.camera = CameraRequest::FitRegion(static_cast<uint32_t>(region));
    }
    ImGui::EndGroup();
    ctx.rects.Note("region");

    // Open now: only where hours are known, and says so.
    ImGui::BeginDisabled(catalog.hours_known == 0);
    if (catalog.hours_known == 0)
      ImGui::Checkbox(FitCheckLabel(Text(StringId::kFilterOpenNow)).c_str(),
                      &state.filters.open_now);
    else
      MirroredCheckbox(ctx, Text(StringId::kFilterOpenNow), &state.filters.open_now, "open_now");
    ImGui::EndDisabled();
    ImGui::PushTextWrapPos(0);
    if (catalog.hours_known == 0) {
      ImGui::TextDisabled("%s", Text(StringId::kFilterOpenNowNoData));
      ctx.mirror.Text(Text(StringId::kFilterOpenNowNoData));
    } else if (state.filters.open_now)
      ImGui::TextDisabled(Text(StringId::kFilterOpenNowNoteFormat), catalog.hours_known);
    ImGui::PopTextWrapPos();

    if (any && Mirrored(ctx, ImGui::Button(Text(StringId::kFilterReset)), "filter_reset",
                        Text(StringId::kFilterReset))) {
      filter.any_target = 0;
      filter.region_code = 0;
      state.filters.open_now = false;
    }
    ctx.mirror.End();
  }

  // ---------------------------------------------------------------------------------------------
  // Results list
  // ---------------------------------------------------------------------------------------------

  void ListSection(PanelContext& ctx) {
    AppState& state = ctx.state;
    const Catalog& catalog = ctx.catalog;
    const ResultsList& list = ctx.derived.Results(catalog, state, ctx.now.week, !ctx.map_moving);
    const Place& place = state.finding.place;
    char title[192];
    if (place.kind == PlaceKind::kNone) {
      std::snprintf(title, sizeof(title), Text(StringId::kListInViewFormat), list.total);
      if (list.approximate_total > 0) {  // "· 주소 기준 6,880곳": not only the points
        // Only where the section's title has room for it (a header does not wrap); the list's own
        // "주소 기준 위치" part below says the same count.
        const std::string more =
            Format(Text(StringId::kListApproxSuffixFormat), list.approximate_total);
        const ImGuiStyle& style = ImGui::GetStyle();
        const float room =
            ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() - 4 * style.FramePadding.x;
        if (ImGui::CalcTextSize((std::string(title) + more).c_str()).x <= room)
          std::snprintf(title + std::strlen(title), sizeof(title) - std::strlen(title), "%s",
                        more.c_str());
      }
    } else {
      const std::string where = place.kind == PlaceKind::kDevice ? Text(StringId::kPlaceMyLocation)
                                : place.kind == PlaceKind::kRegion
                                    ? RegionLabel(catalog.data.regions[place.region])
                                    : Text(StringId::kPlacePicked);
      std::snprintf(title, sizeof(title), Text(StringId::kListNearFormat), where.c_str());
    }
    const std::string header = std::string(title) + "###results_list";  // the id survives titles
    ctx.mirror.Begin(MirrorRole::kRegion, Text(StringId::kMirrorResultsList), "results_region");
    ctx.mirror.Heading(2, title, "results");  // the skip link's target
    const bool open = Section(ctx, header.c_str(), &state.finding.list_open, !ctx.layout.narrow,
                              "results_toggle");
    ctx.rects.Note("results_list");
    if (place.kind != PlaceKind::kNone) {
      char count[96];
      std::snprintf(count, sizeof(count), Text(StringId::kFacilityCountFormat), list.total);
      ctx.mirror.Announce(std::string(title) + ", " + count);
    }
    if (!open) {
      ctx.mirror.End();
      return;
    }
    if (list.rows.empty() && list.approximate.empty()) {
      ImGui::PushTextWrapPos(0);
      ImGui::TextDisabled("%s", Text(StringId::kListEmpty));
      ImGui::PopTextWrapPos();
      ctx.mirror.Text(Text(StringId::kListEmpty));
      ctx.mirror.End();
      return;
    }
    if (list.total > static_cast<int>(list.rows.size())) {
      const std::string shown =
          Format(Text(StringId::kListShownFormat), static_cast<int>(list.rows.size()));
      ImGui::PushTextWrapPos(0);
      ImGui::TextDisabled("%s", shown.c_str());
      ImGui::PopTextWrapPos();
      ctx.mirror.Text(shown);
    }
    ctx.mirror.Begin(MirrorRole::kList, Text(StringId::kMirrorResultsList));

    const float max_height = std::max(ctx.layout.height * (ctx.layout.narrow ? 0.28f : 0.45f),
                                      ImGui::GetFrameHeight() * 4);
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(FLT_MAX, max_height));
    ImGui::BeginChild("##results_rows", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY);
    // The marker under the mouse on the map lights its row up, and a row under the mouse its
    // marker.
    const int open_facility = OpenFacility(state);
    int picked = -1;
    for (size_t i = 0; i < list.rows.size(); ++i) {
      const Neighbor& n = list.rows[i];
      const Facility& f = catalog.data.facilities[n.id];
      ImGui::PushID(static_cast<int>(n.id));
      const bool lit =
          static_cast<int>(n.id) == open_facility || static_cast<int>(n.id) == ctx.hover.marker;
      const std::string distance = FormatDistance(n.distance_m);
      std::string detail = std::string(CategoryLabel(f.category)) + " · " + AddressOf(f);
      if (OpenStateOf(catalog, ctx.now.week, n.id) == OpenState::kOpen)
        detail = std::string(Text(StringId::kOpenNowBadge)) + " · " + detail;
      const bool clicked = ListRow(ctx,
                                   {.title = f.name,
                                    .detail = detail,
                                    .aside = distance,
                                    .swatch = RowSwatch::kCircle,
                                    .swatch_color = ctx.theme.CategoryColor(f.category)},
                                   lit);
      ctx.mirror.Begin(MirrorRole::kListItem, {});
      if (Mirrored(ctx, clicked, "result:" + std::to_string(n.id), f.name))
        picked = static_cast<int>(n.id);
      ctx.mirror.Text(CategoryLabel(f.category));
      ctx.mirror.Text(
          FormatText(Text(StringId::kMirrorDistanceFormat), FormatDistance(n.distance_m).c_str()));
      ctx.mirror.Text(AddressOf(f));
      ctx.mirror.Text(f.phone.empty()
                          ? std::string(Text(StringId::kMirrorNoPhone))
                          : FormatText(Text(StringId::kMirrorPhoneFormat), f.phone.c_str()));
      ctx.mirror.End();
      if (ImGui::IsItemHovered()) ctx.hover.result = static_cast<int>(n.id);
      if (i < 3) ctx.rects.Note("result_" + std::to_string(i));
      ImGui::PopID();
    }
    ctx.mirror.End();  // the list
    const int picked_approximate = ApproximateRows(ctx, list);
    ImGui::EndChild();
    ctx.mirror.End();  // the region
    if (picked_approximate >= 0) {
      // Its card, and the map over its area (it has no point of its own to show).
      state.card = ApproximateCard{static_cast<uint32_t>(picked_approximate)};
      const int area = AreaAt(catalog, static_cast<uint32_t>(picked_approximate), true);
      if (area >= 0) state.camera = CameraRequest::FitRegion(static_cast<uint32_t>(area));
    }
    if (picked >= 0) {
      // Opening a facility from the list: its card, and the map close enough to show it apart
      // from its cluster (MapController, kShowFacility).
      state.card = FacilityCard{static_cast<uint32_t>(picked)};
      state.camera = CameraRequest::ShowFacility(static_cast<uint32_t>(picked));
    }
  }

  // The list's part for facilities placed by address: a heading with their count, then one row
  // each with "주소 기준 위치" where a distance would be. Returns the index picked, or -1.
  static int ApproximateRows(PanelContext& ctx, const ResultsList& list) {
    if (list.approximate.empty()) return -1;
    const Catalog& catalog = ctx.catalog;
    ImGui::Spacing();
    const std::string heading =
        Format(Text(StringId::kApproxListHeadingFormat), list.approximate_total);
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(ctx.theme.text_muted), "%s", heading.c_str());
    ImGui::PopTextWrapPos();
    ctx.rects.Note("approximate_heading");
    ctx.mirror.Heading(3, heading);
    ctx.mirror.Begin(MirrorRole::kList, heading);
    const char* tag = Text(StringId::kApproxRowTag);
    int picked = -1;
    for (size_t i = 0; i < list.approximate.size(); ++i) {
      const uint32_t index = list.approximate[i];
      const Facility& f = catalog.approximate[index];
      ImGui::PushID(1 << 24 | static_cast<int>(index));
      const bool open = CardAs<ApproximateCard>(ctx.state) != nullptr &&
                        CardAs<ApproximateCard>(ctx.state)->facility == index;
      const std::string detail = std::string(CategoryLabel(f.category)) + " · " + AddressOf(f);
      // A square, not a marker's circle: this is not a point on the map.
      const bool clicked = ListRow(ctx,
                                   {.title = f.name,
                                    .detail = detail,
                                    .aside = tag,
                                    .aside_small = true,
                                    .swatch = RowSwatch::kSquare,
                                    .swatch_color = ctx.theme.CategoryColor(f.category)},
                                   open);
      ctx.mirror.Begin(MirrorRole::kListItem, {});
      if (Mirrored(ctx, clicked, "approximate:" + std::to_string(index), f.name))
        picked = static_cast<int>(index);
      ctx.mirror.Text(CategoryLabel(f.category));
      ctx.mirror.Text(Text(StringId::kApproxRowTag));
      ctx.mirror.Text(AddressOf(f));
      ctx.mirror.End();
      if (i < 3) ctx.rects.Note("approximate_result_" + std::to_string(i));
      ImGui::PopID();
    }
    ctx.mirror.End();
    return picked;
  }

  int location_generation_ = 0;
};

}  // namespace

BOKJI_PANEL_MAKER(FindingPanel)

}  // namespace bokji::web
