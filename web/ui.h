// Widgets the panels share: buttons in the accent colour, large touch buttons that note their
// rectangle for tests, a card's frame (a column on a wide screen, the one bottom sheet on a phone),
// fields that say "자료에 없음" when the data has nothing, a record's source lines, and drag
// scrolling for touch.
//
// clang-format off
//   BeginCard(ctx, "##card", 380);                       // the layout's card place, opaque
//   if (CardCloseButton(ctx, "card_close")) ctx.state.card = NoCard{};
//   DataField(Text(StringId::kProgramSummary), program.summary);   // "자료에 없음" when empty
//   DrawSourceLines(ctx.catalog.data, program.source, StringId::kProgramUpdatedFormat, program.updated);
//   EndCard();
// clang-format on
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "imgui.h"
#include "web/keyboard/dubeolsik_layout.h"
#include "web/model/strings.h"
#include "web/panel.h"
#include "web/theme.h"

namespace bokji::web {

// Panels sit where the layout puts them: no title bar, no moving or resizing by hand.
inline constexpr ImGuiWindowFlags kPanelFlags =
    ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar;

// A primary action: a button in the theme's accent colour.
bool AccentButton(const Theme& theme, const char* label, ImVec2 size = ImVec2(0, 0));

// A large button (the programs view's and self-check's touch targets), in the accent colour when
// `chosen`, `width` wide (0: as its label; a label wider than `width` wraps onto more lines), its
// rectangle noted under `name`.
bool BigButton(PanelContext& ctx, const char* label, const std::string& name, bool chosen = false,
               float width = 0, DebugRects::Group group = DebugRects::kPrograms);

// A card's window where the layout puts cards: the top-right column `width` (unscaled) wide, or
// the bottom sheet on a phone (full width, at most Layout::kCardSheetShare of the height).
// Opaque (Theme::panel_background), raised over other panels when it appears. Always pair with
// EndCard.
void BeginCard(PanelContext& ctx, const char* id, float width);
void EndCard(PanelContext& ctx);
// The card's way out at the top right: "닫기" on a wide screen, "뒤로" (back to the list) on a
// phone. True when pressed.
bool CardCloseButton(PanelContext& ctx, const char* name);

// The programs view's window (its list, the self-check, a program's card): the left column on a
// wide screen, the whole screen on a phone; opaque, large touch targets, raised over any card when
// it appears. Always pair with EndProgramsView.
void BeginProgramsView(PanelContext& ctx);
void EndProgramsView();

// The accessible mirror (web/model/mirror.h) of the last ImGui item, in one line beside it:
//   if (Mirrored(ctx, ImGui::Button(label), "near_me", label)) ...
// True when the item was clicked or its mirror element activated from the page. A focused mirror
// element's twin scrolls into view.
Rect LastItemRect();
bool Mirrored(PanelContext& ctx, bool clicked, std::string_view id, std::string_view name,
              std::optional<bool> pressed = std::nullopt, std::string_view description = {});
bool MirroredRadio(PanelContext& ctx, bool clicked, std::string_view id, std::string_view name,
                   bool checked);
// A check box bound to `*value`, mirrored: true when it changed (by click or from the page). A
// label too wide for the space left wraps onto more lines. `name` DEFAULT: the label without its
// "##" part.
bool MirroredCheckbox(PanelContext& ctx, const char* label, bool* value, std::string_view id,
                      std::string_view name = {});
// Scrolls the current window so the last item shows, when its mirror element has the focus.
void ScrollToFocused(PanelContext& ctx, std::string_view id);

// The size argument of a Selectable `lines` lines of text tall that is a target (a menu's item,
// a list's row): the text's height, taller on a touch screen (Theme::TargetRowHeight) where the
// row's text should sit in the middle (SelectableTextAlign does that for a Selectable's own label).
ImVec2 TargetRow(const Theme& theme, float lines = 1);

// A heading inside a panel: ImGui's separator with the text in it when the text fits on one line,
// else the text wrapped with a separator under it.
void Heading(const char* text);

// A list's row (the results list, search hits): a Selectable as tall as its texts (at least a
// target's height, TargetRow), then over it a swatch, the title, the detail under it in the small
// muted font and an aside at the top right in the accent colour (a distance, "주소 기준 위치"). The
// title and detail wrap at the row's width instead of running under the aside or off the panel
// (large text, long names). Returns the Selectable's click; the row is ImGui's last item.
//   ListRow(ctx, {.title = f.name, .detail = address, .aside = "1.2 km",
//                 .swatch = RowSwatch::kCircle, .swatch_color = color}, lit);
enum class RowSwatch { kNone, kCircle, kSquare };  // a marker's circle; a square: no point
struct RowTexts {
  std::string_view title;
  std::string_view detail;   // empty: none
  std::string_view aside;    // empty: none
  bool aside_small = false;  // the aside in the small font
  RowSwatch swatch = RowSwatch::kNone;
  ImU32 swatch_color = 0;
};
bool ListRow(PanelContext& ctx, const RowTexts& texts, bool selected);

// The width of a button labelled `label` (its text and frame padding).
float ButtonWidth(const char* label);
// The width of a check box or radio button labelled `label` (its box, the inner spacing, the text).
float CheckWidth(const char* label);
// `label` for a check box or radio button at the cursor: as it is when it fits the space left,
// else wrapped at spaces onto more lines beside the box (same ImGui ID either way).
//   ImGui::RadioButton(FitCheckLabel(label).c_str(), chosen);
std::string FitCheckLabel(const char* label);
// Labelled fields (a label, then its drop-down): the column where the fields start, from the
// window's left (ImGui::SameLine's offset), just after the widest of `labels`; 0 when that would
// leave the fields less than 55 % of the width (large text, long words): each label then goes
// above its field. FieldLabel draws one label and moves to its field.
//   const float column = FieldLabelColumn({target_label, region_label});
//   FieldLabel(target_label, column);
//   ImGui::SetNextItemWidth(-FLT_MIN);
//   ImGui::BeginCombo("##target", preview);
float FieldLabelColumn(std::initializer_list<const char*> labels);
void FieldLabel(const char* label, float column);
// `label` with line breaks at spaces so that each line of the button fits `width` (a button
// grows to as many lines as it needs instead of cutting its label off). A word longer than the
// width stays whole.
std::string WrapLabel(const char* label, float width);
// WrapLabel for an ImGui label that may end in "##id" or "###id": only the visible text wraps, and
// the item keeps the ImGui ID it has on one line (a plain label's is its text).
std::string WrapLabelKeepingId(const char* label, float width);
// Puts the next item on this line when `next_width` still fits beside the last one, else on the
// next line: rows of buttons wrap instead of running out of the panel (large text, long labels).
void SameLineIfFits(float next_width);

// A heading and its text; "자료에 없음" when the data has none (never a guess).
void DataField(const char* label, const std::string& value);
// The same, also in the accessible mirror ("label: value").
void DataField(PanelContext& ctx, const char* label, const std::string& value);

// On a card, outside Korean: a muted wrapped line saying the facility and program data are
// published in Korean only (data stays as published), also in the mirror. Nothing in Korean.
void DataInKoreanNote(PanelContext& ctx);

// The top of a facility's card (an exact one, or one placed by address): the card's window and its
// mirror dialog, the category (a swatch in its colour — a marker's circle, or a square for a
// facility placed by address, which has no point on the map — and the label in the text colour),
// the close button, the name, and outside Korean the note that the data is Korean. Returns false
// when the card was closed this frame (the window is ended then); otherwise the caller draws the
// rest and ends it.
bool BeginFacilityCard(PanelContext& ctx, const Facility& f, const char* window,
                       const char* mirror_id, bool by_address);

// Where a record came from and how old it is, in muted wrapped lines: its source's name and data
// date, then `date` (when not 0) in `date_format` (a StringId with one %s).
void DrawSourceLines(const Dataset& data, uint16_t source, StringId date_format, Date date);

// Whether facts dated `date` are more than two years old today (Korea's date; a partial date counts
// as its last day, 0 never: approximate.h OlderThanYears).
bool IsStale(const PanelContext& ctx, Date date);
// When they are, a line saying so plainly with the date, in the warning colour.
void DrawFreshnessNote(PanelContext& ctx, Date date);
// Links in kiosk mode (no link leaves the app there: a citizen continues on their own phone).
// A QR code of `url` (web/qr) with `caption` above it and the scan hint below, as wide as the space
// left up to 200 CSS px (scaled), whole pixels per module; its rectangle is noted as `name`
// ("qr:…"). A text too long for a QR code shows as text.
void QrCode(PanelContext& ctx, const std::string& url, const char* caption,
            const std::string& name);
// This view's address for a citizen's own browser: the page's address with the state as it is now
// (url_state.h), without the page's deployment parameters (a kiosk's ?mode=, an embed's origins).
std::string CitizenLink(const PanelContext& ctx);
// A web link: a button (`label`) opening `url` in a new tab; in kiosk mode its QR code instead,
// with `caption`. True when the button was pressed (never in kiosk mode).
bool LinkOrQr(PanelContext& ctx, const char* label, const std::string& url, const char* caption,
              const std::string& name, ImVec2 size = ImVec2(0, 0), bool accent = false);
// A phone number: a call button ("전화 걸기  063-…", tel:); in kiosk mode the number in large
// type under "전화 문의" (a kiosk cannot call). Nothing for an empty number.
void PhoneOrNumber(PanelContext& ctx, const std::string& phone, const std::string& name,
                   bool accent);

// Lets a finger or mouse drag scroll the current child window. `*scrolling` is the panel's: true
// from the moment a press turns into a drag until the next press (so the release of a drag does
// not press the row under it). Returns *scrolling.
bool DragScroll(const Theme& theme, bool* scrolling);

// What an on-screen keyboard key shows: its jamo or digit (shifted or not), or the string table's
// word for shift, backspace and space. The app's keyboard panel and the page's form keyboard share
// it.
const char* KeyLabel(const keyboard::Key& key, bool shifted);

}  // namespace bokji::web
