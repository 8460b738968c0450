#include "web/ui.h"

#include <algorithm>
#include <cmath>

#include "imgui_internal.h"  // FindWindowByName: raising the programs view when it appears
#include "web/model/approximate.h"
#include "web/model/format.h"
#include "web/model/url_state.h"
#include "web/platform.h"
#include "web/qr/qr_code.h"

namespace bokji::web {

bool AccentButton(const Theme& theme, const char* label, ImVec2 size) {
  const ImVec4 accent = ImGui::ColorConvertU32ToFloat4(theme.accent);
  ImGui::PushStyleColor(ImGuiCol_Button, accent);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered,
                        ImVec4(accent.x * 0.85f, accent.y * 0.85f, accent.z * 0.85f, 1));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive,
                        ImVec4(accent.x * 0.7f, accent.y * 0.7f, accent.z * 0.7f, 1));
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme.accent_text));
  const bool pressed = ImGui::Button(label, size);
  ImGui::PopStyleColor(4);
  return pressed;
}

ImVec2 TargetRow(const Theme& theme, float lines) {
  return ImVec2(0, theme.TargetRowHeight(ImGui::GetTextLineHeight() * lines,
                                         ImGui::GetStyle().ItemSpacing.y));
}

bool ListRow(PanelContext& ctx, const RowTexts& t, bool selected) {
  const Theme& theme = ctx.theme;
  const ImGuiStyle& style = ImGui::GetStyle();
  ImFont* body = ImGui::GetFont();
  const float body_size = ImGui::GetFontSize();
  ImFont* small = ctx.font.small();
  const float small_size = theme.Scaled(theme.small_font_size);
  const float line = ImGui::GetTextLineHeight();
  const auto size_of = [](ImFont* font, float size, std::string_view text, float wrap) {
    return font->CalcTextSizeA(size, FLT_MAX, wrap, text.data(), text.data() + text.size());
  };
  // The row's columns: the swatch, the texts, the aside at the right (a Selectable reaches half
  // an item spacing beyond the space it is given).
  const ImVec2 cursor = ImGui::GetCursorScreenPos();
  const float right = cursor.x + ImGui::GetContentRegionAvail().x - style.ItemSpacing.x / 2;
  const float swatch = t.swatch == RowSwatch::kNone ? 0 : line * 0.55f;
  const float text_x = cursor.x + (swatch > 0 ? swatch + theme.Scaled(6) : 0);
  ImFont* aside_font = t.aside_small ? small : body;
  const float aside_size = t.aside_small ? small_size : body_size;
  const float aside_width = t.aside.empty() ? 0 : size_of(aside_font, aside_size, t.aside, 0).x;
  const float title_wrap =
      std::max(line, right - text_x - (aside_width > 0 ? aside_width + theme.Scaled(8) : 0));
  const float detail_wrap = std::max(line, right - text_x);
  const ImVec2 title = size_of(body, body_size, t.title, title_wrap);
  const float detail_height =
      t.detail.empty() ? 0 : std::max(line, size_of(small, small_size, t.detail, detail_wrap).y);
  const float content = std::max(line, title.y) + detail_height;
  const ImVec2 row(0, theme.TargetRowHeight(content, style.ItemSpacing.y));
  // The texts in the middle of a row made taller for touch.
  const ImVec2 at(cursor.x, cursor.y + (row.y - content) / 2);
  const bool clicked = ImGui::Selectable("##row", selected, 0, row);

  ImDrawList* draw_list = ImGui::GetWindowDrawList();
  if (t.swatch == RowSwatch::kCircle)
    draw_list->AddCircleFilled(ImVec2(at.x + swatch / 2, at.y + line / 2), swatch / 2,
                               t.swatch_color);
  else if (t.swatch == RowSwatch::kSquare)
    draw_list->AddRectFilled(ImVec2(at.x, at.y + (line - swatch) / 2),
                             ImVec2(at.x + swatch, at.y + (line + swatch) / 2), t.swatch_color);
  draw_list->AddText(body, body_size, ImVec2(text_x, at.y), theme.text, t.title.data(),
                     t.title.data() + t.title.size(), title_wrap);
  if (!t.detail.empty())
    draw_list->AddText(small, small_size, ImVec2(text_x, at.y + std::max(line, title.y)),
                       theme.text_muted, t.detail.data(), t.detail.data() + t.detail.size(),
                       detail_wrap);
  if (!t.aside.empty())
    draw_list->AddText(aside_font, aside_size, ImVec2(right - aside_width, at.y), theme.accent,
                       t.aside.data(), t.aside.data() + t.aside.size());
  return clicked;
}

Rect LastItemRect() {
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  return Rect{min.x, min.y, max.x, max.y};
}

void ScrollToFocused(PanelContext& ctx, std::string_view id) {
  if (ctx.mirror.IsFocused(id) && !ImGui::IsItemVisible()) ImGui::SetScrollHereY(0.5f);
}

bool Mirrored(PanelContext& ctx, bool clicked, std::string_view id, std::string_view name,
              std::optional<bool> pressed, std::string_view description) {
  const bool activated = ctx.mirror.Button(id, name, LastItemRect(), pressed, description);
  ScrollToFocused(ctx, id);
  if (activated) RequestFrames(2);
  return clicked || activated;
}

bool MirroredRadio(PanelContext& ctx, bool clicked, std::string_view id, std::string_view name,
                   bool checked) {
  const bool activated = ctx.mirror.Radio(id, name, checked, LastItemRect());
  ScrollToFocused(ctx, id);
  if (activated) RequestFrames(2);
  return clicked || activated;
}

bool MirroredCheckbox(PanelContext& ctx, const char* label, bool* value, std::string_view id,
                      std::string_view name) {
  std::string_view visible = label;  // the label without ImGui's "##id" part
  std::string_view id_part;
  if (const size_t hashes = visible.find("##"); hashes != std::string_view::npos) {
    id_part = visible.substr(hashes);
    visible = visible.substr(0, hashes);
  }
  if (name.empty()) name = visible;
  bool changed = ImGui::Checkbox(FitCheckLabel(label).c_str(), value);
  if (ctx.mirror.Checkbox(id, name, *value, LastItemRect())) {
    *value = !*value;
    changed = true;
    RequestFrames(2);
  }
  ScrollToFocused(ctx, id);
  return changed;
}

bool BigButton(PanelContext& ctx, const char* label, const std::string& name, bool chosen,
               float width, DebugRects::Group group) {
  ImGui::PushID(name.c_str());
  // A label wider than a given width wraps onto more lines of the button.
  const std::string shown = width > 0 ? WrapLabel(label, width) : std::string(label);
  const bool pressed = chosen ? AccentButton(ctx.theme, shown.c_str(), ImVec2(width, 0))
                              : ImGui::Button(shown.c_str(), ImVec2(width, 0));
  ImGui::PopID();
  ctx.rects.Note(name, group);
  return Mirrored(ctx, pressed, name, label, chosen ? std::optional<bool>(true) : std::nullopt);
}

void QrCode(PanelContext& ctx, const std::string& url, const char* caption,
            const std::string& name) {
  const Theme& theme = ctx.theme;
  // One encoding kept: a card redraws the same link every frame.
  static std::string encoded_text;
  static Result<qr::QrMatrix> encoded = qr::EncodeQr("");
  if (url != encoded_text) {
    encoded = qr::EncodeQr(url);
    encoded_text = url;
  }
  ImGui::TextUnformatted(caption);
  if (!encoded.ok()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(url.c_str());
    ImGui::PopTextWrapPos();
    return;
  }
  const qr::QrMatrix& m = encoded.value();
  const float box = std::min(ImGui::GetContentRegionAvail().x, theme.Scaled(200));
  // Whole CSS pixels per module (at least 2): scanners read crisp edges best.
  const float module = std::max(2.0f, std::floor(box / m.size()));
  const float side = module * m.size();
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(side, side));
  ctx.rects.Note(name);
  ImDrawList* draw_list = ImGui::GetWindowDrawList();
  draw_list->AddRectFilled(p0, ImVec2(p0.x + side, p0.y + side), IM_COL32(255, 255, 255, 255));
  for (int y = 0; y < m.size(); ++y) {
    for (int x = 0; x < m.size(); ++x) {
      if (!m.IsDark(x, y)) continue;
      const ImVec2 a(p0.x + x * module, p0.y + y * module);
      draw_list->AddRectFilled(a, ImVec2(a.x + module, a.y + module), IM_COL32(0, 0, 0, 255));
    }
  }
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("%s", Text(StringId::kQrScanHint));
  ImGui::PopTextWrapPos();
}

std::string CitizenLink(const PanelContext& ctx) {
  std::string url = CurrentPageUrl();
  url = url.substr(0, url.find_first_of("?#"));
  const std::string query = EncodeUrlState(ctx.catalog, ctx.state);
  return query.empty() ? url : url + "?" + query;
}

bool LinkOrQr(PanelContext& ctx, const char* label, const std::string& url, const char* caption,
              const std::string& name, ImVec2 size, bool accent) {
  if (ctx.config.mode == UiMode::kKiosk) {
    QrCode(ctx, url, caption, name);
    ctx.mirror.Text(std::string(Text(StringId::kQrScanHint)) + ": " + caption);
    return false;
  }
  ImGui::PushID(name.c_str());
  const bool pressed = accent ? AccentButton(ctx.theme, label, size) : ImGui::Button(label, size);
  ImGui::PopID();
  ctx.mirror.Link(name, label, url, LastItemRect(), /*new_tab=*/true);
  ScrollToFocused(ctx, name);
  if (pressed) OpenUrl(url.c_str(), /*new_tab=*/true);
  return pressed;
}

void PhoneOrNumber(PanelContext& ctx, const std::string& phone, const std::string& name,
                   bool accent) {
  const std::string tel = TelUrl(phone);
  if (tel.empty()) return;
  if (ctx.config.mode == UiMode::kKiosk) {
    ImGui::TextDisabled("%s", Text(StringId::kKioskPhoneHeading));
    ImGui::PushFont(ctx.font.large());
    ImGui::SetWindowFontScale(1.5f);
    ImGui::TextUnformatted(phone.c_str());
    ImGui::SetWindowFontScale(1.0f);
    ImGui::PopFont();
    ctx.rects.Note(name);
    ctx.mirror.Text(std::string(Text(StringId::kKioskPhoneHeading)) + " " + phone);
    return;
  }
  const ImVec2 size(ImGui::GetContentRegionAvail().x, 0);
  // "전화 걸기  063-…" on one line where it fits, else on two (large text on a phone).
  std::string label = std::string(Text(StringId::kCardCall)) + "  " + phone;
  if (ButtonWidth(label.c_str()) > size.x)
    label = std::string(Text(StringId::kCardCall)) + "\n" + phone;
  ImGui::PushID(name.c_str());
  const bool pressed =
      accent ? AccentButton(ctx.theme, label.c_str(), size) : ImGui::Button(label.c_str(), size);
  ImGui::PopID();
  ctx.rects.Note(name);
  ctx.mirror.Link(name, std::string(Text(StringId::kCardCall)) + "  " + phone, tel, LastItemRect(),
                  /*new_tab=*/false);
  ScrollToFocused(ctx, name);
  if (pressed) OpenUrl(tel.c_str(), /*new_tab=*/false);
}

void BeginCard(PanelContext& ctx, const char* id, float width) {
  const Layout& layout = ctx.layout;
  const Rect place = layout.CardRect(width);
  if (layout.narrow) {
    // The one bottom sheet: as tall as its content, up to its share of the screen.
    ImGui::SetNextWindowPos(ImVec2(place.x0, place.y1), ImGuiCond_Always, ImVec2(0, 1));
    ImGui::SetNextWindowSizeConstraints(ImVec2(place.width(), 0),
                                        ImVec2(place.width(), place.height()));
  } else {
    ImGui::SetNextWindowPos(ImVec2(place.x0, place.y0), ImGuiCond_Always);
    ImGui::SetNextWindowSizeConstraints(ImVec2(place.width(), 0),
                                        ImVec2(place.width(), place.height()));
  }
  const ImGuiWindow* window = ImGui::FindWindowByName(id);
  if (window == nullptr || !window->WasActive) ImGui::SetNextWindowFocus();
  ImGui::Begin(id, nullptr, kPanelFlags | ImGuiWindowFlags_AlwaysAutoResize);
}

void EndCard(PanelContext& ctx) {
  if (ctx.layout.narrow) ctx.edges.sheet_top = ImGui::GetWindowPos().y;
  ImGui::End();
}

bool CardCloseButton(PanelContext& ctx, const char* name) {
  const char* label = Text(ctx.layout.narrow ? StringId::kBack : StringId::kCardClose);
  const ImGuiStyle& style = ImGui::GetStyle();
  const float width = ImGui::CalcTextSize(label).x + style.FramePadding.x * 2;
  const float x = ImGui::GetContentRegionMax().x - width;  // window coordinates
  // Beside what came before (the category) when it ends left of the button, else right-aligned on
  // a line of its own (a long category at large text) rather than over it.
  if (ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + style.ItemSpacing.x <= x)
    ImGui::SameLine(x);
  else
    ImGui::SetCursorPosX(x);
  const bool pressed = ImGui::Button(label);
  ctx.rects.Note(name);
  return Mirrored(ctx, pressed, name, label);
}

void BeginProgramsView(PanelContext& ctx) {
  const Rect place = ctx.layout.ProgramsRect();
  ImGui::SetNextWindowPos(ImVec2(place.x0, place.y0));
  ImGui::SetNextWindowSize(ImVec2(place.width(), place.height()));
  // Raised over any card when it appears (a window that was not drawn last frame).
  const ImGuiWindow* window = ImGui::FindWindowByName("##programs");
  if (window == nullptr || !window->WasActive) ImGui::SetNextWindowFocus();
  const Theme& theme = ctx.theme;
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                      ImVec2(theme.Scaled(14), theme.TargetFramePaddingY(theme.Scaled(12))));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(theme.Scaled(8), theme.Scaled(10)));
  ImGui::Begin("##programs", nullptr, kPanelFlags | ImGuiWindowFlags_NoScrollbar);
}

void EndProgramsView() {
  ImGui::End();
  ImGui::PopStyleVar(2);
}

float ButtonWidth(const char* label) {
  return ImGui::CalcTextSize(label, nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x;
}

std::string FitCheckLabel(const char* label) {
  if (CheckWidth(label) <= ImGui::GetContentRegionAvail().x) return label;
  // WrapLabel counts a button's two paddings; a box's label has the box and the inner spacing.
  const ImGuiStyle& style = ImGui::GetStyle();
  return WrapLabelKeepingId(label, ImGui::GetContentRegionAvail().x - ImGui::GetFrameHeight() -
                                       style.ItemInnerSpacing.x + 2 * style.FramePadding.x);
}

std::string WrapLabelKeepingId(const char* label, float width) {
  std::string_view visible = label;
  std::string_view id_part;
  if (const size_t hashes = visible.find("##"); hashes != std::string_view::npos) {
    id_part = visible.substr(hashes);
    visible = visible.substr(0, hashes);
  }
  // "text###id" keeps its id; a plain text keeps the id it has on one line (itself).
  const std::string text(visible);
  return WrapLabel(text.c_str(), width) + (id_part.empty() ? "###" + text : std::string(id_part));
}

float FieldLabelColumn(std::initializer_list<const char*> labels) {
  float widest = 0;
  for (const char* label : labels) widest = std::max(widest, ImGui::CalcTextSize(label).x);
  const ImGuiStyle& style = ImGui::GetStyle();
  const float column = style.WindowPadding.x + widest + style.ItemSpacing.x;
  return column <= ImGui::GetContentRegionAvail().x * 0.45f ? column : 0;
}

void FieldLabel(const char* label, float column) {
  ImGui::AlignTextToFramePadding();
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(label);
  ImGui::PopTextWrapPos();
  if (column > 0) ImGui::SameLine(column);
}

void Heading(const char* text) {
  const ImGuiStyle& style = ImGui::GetStyle();
  // SeparatorText's own width: the text, its padding both sides and a bar's length on the left.
  const float width = ImGui::CalcTextSize(text).x + 2 * style.SeparatorTextPadding.x +
                      style.SeparatorTextAlign.x * ImGui::GetContentRegionAvail().x;
  if (width <= ImGui::GetContentRegionAvail().x) {
    ImGui::SeparatorText(text);
    return;
  }
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(text);
  ImGui::PopTextWrapPos();
  ImGui::Separator();
}

float CheckWidth(const char* label) {
  const float text = ImGui::CalcTextSize(label, nullptr, true).x;
  return ImGui::GetFrameHeight() + (text > 0 ? ImGui::GetStyle().ItemInnerSpacing.x + text : 0);
}

std::string WrapLabel(const char* label, float width) {
  std::string out;
  std::string line;
  const float padding = 2 * ImGui::GetStyle().FramePadding.x;
  const char* word = label;
  while (*word != '\0') {
    const char* end = word;
    while (*end != '\0' && *end != ' ') ++end;
    const std::string piece(word, end);
    const std::string longer = line.empty() ? piece : line + " " + piece;
    if (!line.empty() && ImGui::CalcTextSize(longer.c_str()).x + padding > width) {
      out += line + "\n";
      line = piece;
    } else {
      line = longer;
    }
    word = *end == ' ' ? end + 1 : end;
  }
  return out + line;
}

void SameLineIfFits(float next_width) {
  const float right = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + next_width;
  const float limit = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (right <= limit) ImGui::SameLine();
}

void DataField(const char* label, const std::string& value) {
  ImGui::Spacing();
  ImGui::TextDisabled("%s", label);
  if (value.empty())
    ImGui::TextDisabled("%s", Text(StringId::kProgramNoData));
  else
    ImGui::TextUnformatted(value.c_str());
}

void DataField(PanelContext& ctx, const char* label, const std::string& value) {
  DataField(label, value);
  ctx.mirror.Text(std::string(label) + ": " +
                  (value.empty() ? Text(StringId::kProgramNoData) : value));
}

void DataInKoreanNote(PanelContext& ctx) {
  if (CurrentLanguage() == Language::kKorean) return;
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ctx.theme.text_muted));
  ImGui::TextWrapped("%s", Text(StringId::kDataInKorean));
  ImGui::PopStyleColor();
  ctx.mirror.Text(Text(StringId::kDataInKorean));
}

void DrawSourceLines(const Dataset& data, uint16_t source, StringId date_format, Date date) {
  ImGui::PushTextWrapPos(0);
  if (source < data.sources.size()) {
    ImGui::TextDisabled("%s: %s", Text(StringId::kCardSource), data.sources[source].name.c_str());
    const std::string source_date = FormatDate(data.sources[source].data_date);
    ImGui::TextDisabled(Text(StringId::kCardSourceDateFormat), source_date.c_str());
  }
  if (date != 0) {
    const std::string formatted = FormatDate(date);
    ImGui::TextDisabled(Text(date_format), formatted.c_str());
  }
  ImGui::PopTextWrapPos();
}

bool IsStale(const PanelContext& ctx, Date date) {
  const Date today = static_cast<Date>(ctx.now.kst / 10000);  // yyyymmddhhmm → yyyymmdd
  return OlderThanYears(date, today, 2);
}

void DrawFreshnessNote(PanelContext& ctx, Date date) {
  if (!IsStale(ctx, date)) return;
  const std::string formatted = FormatDate(date);
  ctx.mirror.Text(FormatText(Text(StringId::kCardStaleFormat), formatted.c_str()));
  ImGui::PushTextWrapPos(0);
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(ctx.theme.stale_warning),
                     Text(StringId::kCardStaleFormat), formatted.c_str());
  ImGui::PopTextWrapPos();
}

bool DragScroll(const Theme& theme, bool* scrolling) {
  if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) *scrolling = false;
  if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
      ImGui::IsMouseDragging(ImGuiMouseButton_Left, theme.Scaled(8))) {
    *scrolling = true;
    ImGui::SetScrollY(ImGui::GetScrollY() - ImGui::GetIO().MouseDelta.y);
  }
  return *scrolling;
}

const char* KeyLabel(const keyboard::Key& key, bool shifted) {
  switch (key.action) {
    case keyboard::KeyAction::kType:
      return key.Label(shifted);
    case keyboard::KeyAction::kShift:
      return Text(StringId::kKeyboardShift);
    case keyboard::KeyAction::kBackspace:
      return Text(StringId::kKeyboardBackspace);
    case keyboard::KeyAction::kSpace:
      return Text(StringId::kKeyboardSpace);
  }
  return "";
}

bool BeginFacilityCard(PanelContext& ctx, const Facility& f, const char* window,
                       const char* mirror_id, bool by_address) {
  BeginCard(ctx, window, 380);
  Mirror& mirror = ctx.mirror;
  mirror.Begin(MirrorRole::kDialog, f.name, mirror_id);
  mirror.Heading(2, f.name);
  mirror.Text(CategoryLabel(f.category));
  const float line = ImGui::GetTextLineHeight();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 colour = ctx.theme.CategoryColor(f.category);
  if (by_address) {
    const float side = line * 0.55f;
    draw->AddRectFilled(ImVec2(at.x, at.y + (line - side) / 2),
                        ImVec2(at.x + side, at.y + (line + side) / 2), colour);
  } else {
    draw->AddCircleFilled(ImVec2(at.x + line * 0.3f, at.y + line / 2), line * 0.3f, colour);
  }
  ImGui::Dummy(ImVec2(line * 0.6f, line));
  ImGui::SameLine();
  ImGui::TextUnformatted(CategoryLabel(f.category));
  if (CardCloseButton(ctx, "card_close")) {
    ctx.state.card = NoCard{};
    mirror.End();
    EndCard(ctx);
    return false;
  }
  ImGui::PushTextWrapPos(0);
  ImGui::PushFont(ctx.font.large());
  ImGui::TextUnformatted(f.name.c_str());
  ImGui::PopFont();
  DataInKoreanNote(ctx);
  return true;
}

}  // namespace bokji::web
