// The header: the title, the search box and its results (grouped by kind, each with its total
// and "더 보기", best group first; Enter opens the first row shown), and the main buttons (data,
// whole province, near me, welfare programs, education). The left column's top on a wide screen,
// the top bar on a phone; hidden while the programs view is open.
#include <algorithm>
#include <string>

#include "web/model/approximate.h"
#include "web/model/format.h"
#include "web/model/search.h"
#include "web/panels/panels.h"
#include "web/platform.h"
#include "web/ui.h"

namespace bokji::web {
namespace {

class HeaderPanel final : public Panel {
 public:
  const char* name() const override { return "header"; }

  void Draw(PanelContext& ctx) override {
    if (ctx.state.view != View::kMap) return;
    const Layout& layout = ctx.layout;
    const Rect place = layout.HeaderRect();
    const float width = layout.narrow ? layout.width : place.width();
    ImGui::SetNextWindowPos(ImVec2(place.x0, place.y0));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0),
                                        ImVec2(width, layout.height - 2 * place.y0));
    ImGui::Begin("##header", nullptr, kPanelFlags | ImGuiWindowFlags_AlwaysAutoResize);
    Mirror& mirror = ctx.mirror;
    mirror.Link("skip", Text(StringId::kMirrorSkipToResults), "#results", Rect{}, false);
    mirror.Begin(MirrorRole::kRegion, Text(StringId::kMirrorMenu), "header");
    mirror.Heading(1, Text(StringId::kAppTitle));
    mirror.Text(ctx.catalog.data.title);
    const bool embed = ctx.config.mode == UiMode::kEmbed;
    if (!embed) {  // an embed sits inside the host's own page: no site header
      Titles(ctx);
      // On a phone the header is the top bar: the controls would cover the map, so they fold into
      // one menu button at the end of the last row of buttons (Buttons).
      if (!layout.narrow) AppearanceControls(ctx);
    }
    SearchBox(ctx);
    mirror.TextField("header");
    if (ctx.state.search.results_open && !ctx.state.search.query.empty())
      SearchResultsList(ctx);
    else if (embed)
      EmbedButtons(ctx);
    else
      Buttons(ctx);
    mirror.End();
    ctx.edges.header_bottom = ImGui::GetWindowPos().y + ImGui::GetWindowSize().y;
    if (!layout.narrow) ctx.edges.column_right = ImGui::GetWindowPos().x + ImGui::GetWindowSize().x;
    ImGui::End();
  }

  void Debug(PanelContext& ctx, nlohmann::json& out) const override {
    const SearchResults& results = ctx.derived.Search(ctx.catalog, ctx.state.search);
    out["query"] = ctx.state.search.query;
    out["search"] = {{"facilities", results.total(SearchKind::kFacilities)},
                     {"regions", results.total(SearchKind::kRegions)},
                     {"programs", results.total(SearchKind::kPrograms)},
                     {"approximate", results.total(SearchKind::kApproximate)},
                     {"open", ctx.state.search.results_open}};
    nlohmann::json groups = nlohmann::json::array();
    for (const SearchGroup& g : results.groups)
      groups.push_back(
          {{"kind", static_cast<int>(g.kind)}, {"total", g.total}, {"shown", g.shown}});
    out["search"]["groups"] = std::move(groups);
  }

 private:
  // The app's title, then the data's title: beside it when it fits, else on the lines under it,
  // wrapped. The compact phone header leaves the data's title out when it does not fit (a phone at
  // 150 or 200 %: two more lines over the map); 데이터 정보 in its menu names it.
  static void Titles(PanelContext& ctx) {
    const char* app_title = Text(StringId::kAppTitle);
    const std::string& data_title = ctx.catalog.data.title;
    ImGui::TextUnformatted(app_title);
    const float room = ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(app_title).x -
                       ImGui::GetStyle().ItemSpacing.x;
    if (ImGui::CalcTextSize(data_title.c_str()).x <= room) {
      ImGui::SameLine();
      ImGui::TextDisabled("%s", data_title.c_str());
    } else if (!CompactHeader(ctx)) {
      ImGui::PushTextWrapPos(0);
      ImGui::TextDisabled("%s", data_title.c_str());
      ImGui::PopTextWrapPos();
    }
  }

  // Text size (100, 150, 200 %), high contrast and the language, on one row under the title. A
  // kiosk has the first two in its bottom bar, so its header shows only the language.
  void AppearanceControls(PanelContext& ctx) {
    if (ctx.config.mode != UiMode::kKiosk) TextSizeAndContrast(ctx);
    // The language: each language's name in itself.
    ctx.mirror.Begin(MirrorRole::kRadioGroup, Text(StringId::kLanguageChooser));
    bool first = true;
    for (const Language language : kOfferedLanguages) {
      const char* label = LanguageName(language);
      if (!first) SameLineIfFits(ButtonWidth(label));
      first = false;
      ImGui::PushID(static_cast<int>(language) + 100);
      const bool chosen = ctx.state.language == language;
      const bool clicked = chosen ? AccentButton(ctx.theme, label) : ImGui::Button(label);
      ImGui::PopID();
      const std::string id = std::string("lang_") + LanguageCode(language);
      ctx.rects.Note(id);
      if (MirroredRadio(ctx, clicked, id, label, chosen)) ctx.state.language = language;
    }
    ctx.mirror.End();
  }

  // A phone's menu button for text size, contrast and language (beside the last buttons when it
  // fits), and those controls under it while it is open.
  void DisplayMenu(PanelContext& ctx) {
    const char* label = Text(StringId::kDisplayMenu);
    const bool open = ctx.state.display_menu_open;
    SameLineIfFits(ButtonWidth(label));
    const bool clicked = open ? AccentButton(ctx.theme, label) : ImGui::Button(label);
    ctx.rects.Note("display_menu");
    if (Mirrored(ctx, clicked, "display_menu", label, open)) ctx.state.display_menu_open = !open;
    if (ctx.state.display_menu_open) AppearanceControls(ctx);
  }

  void TextSizeAndContrast(PanelContext& ctx) {
    Appearance& look = ctx.state.appearance;
    static constexpr int kSizes[] = {100, 150, 200};
    ctx.mirror.Begin(MirrorRole::kRadioGroup, Text(StringId::kTextSize));
    bool first = true;
    for (int size : kSizes) {
      const std::string label = Format(Text(StringId::kTextSizeFormat), size);
      const std::string id = "text_" + std::to_string(size);
      if (!first) SameLineIfFits(ButtonWidth(label.c_str()));
      first = false;
      ImGui::PushID(size);
      const bool chosen = look.text_percent == size;
      const bool clicked =
          chosen ? AccentButton(ctx.theme, label.c_str()) : ImGui::Button(label.c_str());
      ImGui::PopID();
      ctx.rects.Note(id);
      if (MirroredRadio(ctx, clicked, id, label, chosen)) look.text_percent = size;
    }
    ctx.mirror.End();
    SameLineIfFits(ImGui::GetFrameHeight() + ButtonWidth(Text(StringId::kHighContrast)));
    MirroredCheckbox(ctx, Text(StringId::kHighContrast), &look.high_contrast, "high_contrast");
    ctx.rects.Note("high_contrast");
  }

  void SearchBox(PanelContext& ctx) {
    SearchState& search = ctx.state.search;
    const TextFieldEvents events = ctx.text.Box(ctx.theme, "header", Text(StringId::kSearchHint),
                                                Text(StringId::kSearchHintShort), &search.query);
    if (events.typed) search.more = {};
    if (events.typed || events.gained_focus) search.results_open = true;
    // Keys after the query: an Enter acts on what was typed just before it.
    for (const std::string& key : events.keys) {
      if (key == "Enter") {
        const SearchResults& results = ctx.derived.Search(ctx.catalog, search);
        if (results.first()) Open(ctx, *results.first());
      }
      if (key == "Escape") search.results_open = false;
    }
  }

  void SearchResultsList(PanelContext& ctx) {
    const Catalog& catalog = ctx.catalog;
    const SearchResults& results = ctx.derived.Search(catalog, ctx.state.search);
    const float max_height = std::max(ctx.layout.height * (ctx.layout.narrow ? 0.45f : 0.7f),
                                      ImGui::GetFrameHeight() * 4);
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(FLT_MAX, max_height));
    ImGui::BeginChild("##results", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY);
    ctx.mirror.Begin(MirrorRole::kRegion, Text(StringId::kMirrorSearchResults), "search_results");
    if (results.groups.empty()) {
      ImGui::TextDisabled("%s", Text(StringId::kSearchNoResults));
      ctx.mirror.Text(Text(StringId::kSearchNoResults));
      ctx.mirror.Announce(Text(StringId::kSearchNoResults));
    }
    std::optional<SearchHit> picked;
    static constexpr StringId kHeadings[kSearchKindCount] = {
        StringId::kSearchFacilities, StringId::kSearchRegions, StringId::kSearchPrograms,
        StringId::kSearchApproximate};
    static constexpr const char* kMoreNames[kSearchKindCount] = {
        "more_facilities", "more_regions", "more_programs", "more_approximate"};
    for (const SearchGroup& group : results.groups) {
      const int kind = static_cast<int>(group.kind);
      char heading[160];
      std::snprintf(heading, sizeof(heading), Text(StringId::kSearchTotalFormat),
                    Text(kHeadings[kind]), group.total);
      Heading(heading);
      ctx.mirror.Heading(2, heading);
      ctx.mirror.Begin(MirrorRole::kList, heading);
      for (uint32_t id : group.shown) {
        ImGui::PushID(kind * 1000000 + static_cast<int>(id));
        const auto [title, detail] = Describe(catalog, group.kind, id);
        const bool clicked = ListRow(ctx, {.title = title, .detail = detail}, false);
        ctx.mirror.Begin(MirrorRole::kListItem, {});
        if (Mirrored(ctx, clicked, "hit:" + std::to_string(kind) + ":" + std::to_string(id), title,
                     std::nullopt, detail))
          picked = SearchHit{group.kind, id};
        ctx.mirror.End();
        if (id == group.shown.front()) ctx.rects.Note("hit_" + std::to_string(kind) + "_0");
        ImGui::PopID();
      }
      const int hidden = group.total - static_cast<int>(group.shown.size());
      if (hidden > 0) {
        const std::string more = Format(Text(StringId::kMoreFormat), hidden);
        ImGui::PushID(kMoreNames[kind]);
        if (Mirrored(ctx, ImGui::Button(more.c_str()), kMoreNames[kind], more))
          ctx.state.search.more[kind] += kSearchRowsMore;
        ImGui::PopID();
        ctx.rects.Note(kMoreNames[kind]);
      }
      ctx.mirror.End();
    }
    ctx.mirror.End();
    ImGui::EndChild();
    if (picked) Open(ctx, *picked);
  }

  // A row's two lines: the name, then what it is and where.
  static std::pair<std::string, std::string> Describe(const Catalog& catalog, SearchKind kind,
                                                      uint32_t id) {
    const Dataset& data = catalog.data;
    switch (kind) {
      case SearchKind::kFacilities: {
        const Facility& f = data.facilities[id];
        return {f.name, std::string(CategoryLabel(f.category)) + " · " + AddressOf(f)};
      }
      case SearchKind::kRegions:
        return {data.regions[id].name, data.regions[id].full_name};
      case SearchKind::kPrograms: {
        const Program& p = data.programs[id];
        return {p.name, std::string(ProgramLevelLabel(p.level)) + " · " +
                            (p.region_name.empty() ? p.provider : p.region_name)};
      }
      case SearchKind::kApproximate: {
        const Facility& f = catalog.approximate[id];
        return {f.name, std::string(CategoryLabel(f.category)) + " · " + AddressOf(f)};
      }
    }
    return {};
  }

  // Opens a search hit: a facility's card (close enough that it stands alone), an area framed, a
  // program's card.
  static void Open(PanelContext& ctx, const SearchHit& hit) {
    AppState& state = ctx.state;
    switch (hit.kind) {
      case SearchKind::kFacilities:
        state.card = FacilityCard{hit.id};
        state.camera = CameraRequest::ShowFacility(hit.id, /*min_zoom=*/14);
        break;
      case SearchKind::kRegions:
        state.camera = CameraRequest::FitRegion(hit.id);
        break;
      case SearchKind::kPrograms:
        state.card = ProgramCard{hit.id};
        break;
      case SearchKind::kApproximate: {
        // Its card, and the map over its area (it has no point of its own).
        state.card = ApproximateCard{hit.id};
        const int area = AreaAt(ctx.catalog, hit.id, /*emd_level=*/true);
        if (area >= 0) state.camera = CameraRequest::FitRegion(static_cast<uint32_t>(area));
        break;
      }
    }
    state.search.results_open = false;
    BlurTextField();  // a phone's keyboard goes away
  }

  // "도움 요청": the help-request form (web/help_form.js, a DOM form over the app). Beside the
  // first row's buttons where it fits (`beside_buttons`), else a row of its own; in the help colour
  // (white on red).
  static void HelpButton(PanelContext& ctx, bool beside_buttons) {
    const char* label = Text(StringId::kHelpRequestButton);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float wanted = ImGui::CalcTextSize(label).x + 4 * style.FramePadding.x;
    if (beside_buttons) SameLineIfFits(wanted);
    const ImVec4 color = ImGui::ColorConvertU32ToFloat4(ctx.theme.help_button);
    ImGui::PushStyleColor(ImGuiCol_Button, color);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered,
                          ImVec4(color.x * 0.85f, color.y * 0.85f, color.z * 0.85f, 1));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive,
                          ImVec4(color.x * 0.7f, color.y * 0.7f, color.z * 0.7f, 1));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ctx.theme.accent_text));
    if (Mirrored(ctx, ImGui::Button(label, ImVec2(ImGui::GetContentRegionAvail().x, 0)),
                 "help_request", label))
      OpenHelpForm();
    ImGui::PopStyleColor(4);
    ctx.rects.Note("help_request");
  }

  // An embed's: near me, and "크게 보기" (the full app in a new tab, on this view).
  void EmbedButtons(PanelContext& ctx) {
    AppState& state = ctx.state;
    if (ImGui::Button(Text(StringId::kNearMeButton))) {
      RequestLocation();
      state.finding.near_open = true;
      state.finding.list_open = true;
    }
    ctx.rects.Note("near_me");
    ImGui::SameLine();
    if (AccentButton(ctx.theme, Text(StringId::kEmbedOpenFull),
                     ImVec2(ImGui::GetContentRegionAvail().x, 0)))
      OpenUrl(CitizenLink(ctx).c_str(), /*new_tab=*/true);
    ctx.rects.Note("open_full");
  }

  // On a phone at a larger text size (150, 200 %) the header keeps only the search, 도움 요청 and
  // 복지서비스 찾기 with a 메뉴 button beside it; the other buttons move into that menu, so that
  // the map and the list's first row stay on screen (at 200 % the full header took three quarters
  // of a 390×844 phone).
  static bool CompactHeader(const PanelContext& ctx) {
    return ctx.layout.narrow && ctx.state.appearance.text_percent > 100;
  }

  // 데이터 정보, 전체 보기, 내 주변, each beside the last while it fits. Returns whether one was
  // pressed.
  static bool MapButtons(PanelContext& ctx) {
    AppState& state = ctx.state;
    bool pressed = false;
    if (Mirrored(ctx, ImGui::Button(Text(StringId::kDataInfoButton)), "data_info",
                 Text(StringId::kDataInfoButton),
                 std::holds_alternative<DataInfoCard>(state.card))) {
      if (std::holds_alternative<DataInfoCard>(state.card))
        state.card = NoCard{};
      else
        state.card = DataInfoCard{};
      pressed = true;
    }
    ctx.rects.Note("data_info");
    SameLineIfFits(ButtonWidth(Text(StringId::kFitProvince)));
    if (Mirrored(ctx, ImGui::Button(Text(StringId::kFitProvince)), "fit",
                 Text(StringId::kFitProvince))) {
      state.camera = CameraRequest::FitData(true);
      pressed = true;
    }
    ctx.rects.Note("fit");
    SameLineIfFits(ButtonWidth(Text(StringId::kNearMeButton)));
    if (Mirrored(ctx, ImGui::Button(Text(StringId::kNearMeButton)), "near_me",
                 Text(StringId::kNearMeButton))) {
      RequestLocation();
      state.finding.near_open = true;
      state.finding.list_open = true;
      pressed = true;
    }
    ctx.rects.Note("near_me");
    return pressed;
  }

  // 복지 교육 (the education list as a card), `width` wide. Returns whether it was pressed.
  static bool EducationButton(PanelContext& ctx, float width) {
    AppState& state = ctx.state;
    const bool open = std::holds_alternative<EducationCard>(state.card);
    const bool pressed =
        Mirrored(ctx, ImGui::Button(Text(StringId::kEducationButton), ImVec2(width, 0)),
                 "education", Text(StringId::kEducationButton), open);
    if (pressed) state.card = open ? Card{NoCard{}} : Card{EducationCard{}};
    ctx.rects.Note("education");
    return pressed;
  }

  static bool ProgramsButton(PanelContext& ctx, float width) {
    const bool pressed =
        Mirrored(ctx, AccentButton(ctx.theme, Text(StringId::kProgramsButton), ImVec2(width, 0)),
                 "programs", Text(StringId::kProgramsButton));
    if (pressed) {
      ctx.state.view = View::kPrograms;
      ctx.state.programs.page = ProgramsPage::kList;
    }
    ctx.rects.Note("programs");
    return pressed;
  }

  // The compact header's buttons: 도움 요청 on its own row, then 복지서비스 찾기 and 메뉴 (one
  // row when both fit), and the menu's contents under them while it is open.
  void CompactButtons(PanelContext& ctx) {
    HelpButton(ctx, /*beside_buttons=*/false);  // under the search box
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float avail = ImGui::GetContentRegionAvail().x;
    const char* menu_label = Text(StringId::kHeaderMenu);
    const float menu_width = ButtonWidth(menu_label);
    const bool one_row =
        ButtonWidth(Text(StringId::kProgramsButton)) + spacing + menu_width <= avail;
    ProgramsButton(ctx, one_row ? avail - menu_width - spacing : avail);
    if (one_row) ImGui::SameLine();
    const bool open = ctx.state.display_menu_open;
    const bool clicked = open ? AccentButton(ctx.theme, menu_label) : ImGui::Button(menu_label);
    ctx.rects.Note("display_menu");
    if (Mirrored(ctx, clicked, "display_menu", menu_label, open))
      ctx.state.display_menu_open = !open;
    if (!ctx.state.display_menu_open) return;
    // A button that opens something closes the menu, so that what it opened has the room.
    bool pressed = MapButtons(ctx);
    pressed |= EducationButton(ctx, 0);
    AppearanceControls(ctx);
    if (pressed) ctx.state.display_menu_open = false;
  }

  void Buttons(PanelContext& ctx) {
    if (CompactHeader(ctx)) return CompactButtons(ctx);
    MapButtons(ctx);
    HelpButton(ctx, /*beside_buttons=*/true);
    // The two other halves of the product: welfare programs (the primary action) and education.
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    // Side by side when both labels fit, else one above the other at full width (never clipped).
    // On a phone the display menu's button joins that row when it fits too, so that the header
    // does not grow by a row of its own and the map keeps its height.
    const float avail = ImGui::GetContentRegionAvail().x;
    float education_width = ButtonWidth(Text(StringId::kEducationButton));
    const float menu_width = ctx.layout.narrow ? ButtonWidth(Text(StringId::kDisplayMenu)) : 0;
    const bool one_row =
        ButtonWidth(Text(StringId::kProgramsButton)) + spacing + education_width <= avail;
    const bool menu_in_row =
        one_row && menu_width > 0 &&
        ButtonWidth(Text(StringId::kProgramsButton)) + 2 * spacing + education_width + menu_width <=
            avail;
    const float reserved = menu_in_row ? menu_width + spacing : 0;
    if (!one_row) education_width = avail;
    ProgramsButton(ctx, one_row ? avail - education_width - spacing - reserved : avail);
    if (one_row) ImGui::SameLine();
    EducationButton(ctx, education_width);
    if (ctx.layout.narrow) DisplayMenu(ctx);
  }
};

}  // namespace

BOKJI_PANEL_MAKER(HeaderPanel)

}  // namespace bokji::web
