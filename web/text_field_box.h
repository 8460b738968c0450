// The search box the page's <input> lies over (see TextField in platform.h): the app draws the
// box, the text, the syllable an IME is composing and the caret; the browser does the editing.
// Used by the header's search and by the programs view's search; one box is on screen at a time.
//
//   DrawTextFieldBox(theme, Text(StringId::kSearchHint), /*hidden=*/false);
//   if (CurrentTextField().value != last_query) ...  // search again
#pragma once

#include "web/theme.h"

namespace bokji::web {

// Draws the box at ImGui's cursor, as wide as the space left, with a clear button while it holds
// text, and lays the page's <input> over it (`hint` is shown while it is empty and is the input's
// accessible name). `hidden` hides the <input> (something covers the box).
void DrawTextFieldBox(const Theme& theme, const char* hint, bool hidden);

}  // namespace bokji::web
