// The page's one text field (a real DOM <input>, platform.h TextField) lent each frame to the panel
// that draws a box for it: the header's search or the programs view's. The text itself belongs to
// the state (AppState::search.query, ProgramsState::query); the binding keeps the page's input and
// that string in step both ways: what a person types goes into the state, and a state changed by
// the app (a link, a reset, another panel taking the field) is written into the input.
//
// clang-format off
//   // each frame, in App::Frame:
//   text.BeginFrame(CurrentTextField(), TakeTextFieldKeys());   // the page's input, as a value
//   // a panel:
//   TextFieldEvents e = ctx.text.Box(ctx.theme, "header", Text(StringId::kSearchHint),
//                                    Text(StringId::kSearchHintShort), &ctx.state.search.query);
//   if (e.typed || e.gained_focus) ctx.state.search.results_open = true;
//   for (const std::string& key : e.keys) if (key == "Enter") OpenFirstResult(ctx);
//   // App::Frame, after the panels:
//   text.EndFrame();                                            // no box drawn: the input hides
// clang-format on
#pragma once

#include <string>
#include <vector>

#include "web/platform.h"
#include "web/theme.h"

namespace bokji::web {

// What happened in the box this frame.
struct TextFieldEvents {
  bool typed = false;         // the person changed the text (it is in the bound string already)
  bool gained_focus = false;  // the input took the focus this frame
  bool focused = false;
  std::vector<std::string> keys;  // "Enter", "Escape", "ArrowUp", "ArrowDown", in order
};

class TextFieldBinding {
 public:
  // The page's input as it is now, and the keys pressed in it since the last frame.
  void BeginFrame(const TextField& input, std::vector<std::string> keys);
  // Draws the box at ImGui's cursor, as wide as the space left, with a clear button while it holds
  // text, and lays the page's input over it, bound to `text` under the name `owner`. `hint` shows
  // while it is empty and is the input's accessible name; `short_hint` shows instead when `hint`
  // does not fit the box (large text on a phone).
  TextFieldEvents Box(const Theme& theme, const char* owner, const char* hint,
                      const char* short_hint, std::string* text);
  // Hides the page's input when no panel drew a box this frame.
  void EndFrame();

  // Who drew the box this frame ("header", "programs"; empty when none has yet), and whether the
  // page's input has the focus: a kiosk's on-screen keyboard types into that owner's string.
  const std::string& drawn_owner() const { return drawn_ ? owner_ : kNoOwner; }
  bool focused() const { return input_.focused; }

 private:
  TextField input_;
  std::vector<std::string> keys_;
  std::string owner_;   // who has the input (its value is that owner's string)
  std::string agreed_;  // the text the input and the owner's string last agreed on
  bool drawn_ = false;
  bool was_focused_ = false;
  static inline const std::string kNoOwner;
};

}  // namespace bokji::web
