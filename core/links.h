// Which links from data the app may open: web pages only.
//
// Data links (Program::apply_url, EducationEvent::link_url, Facility::homepage) end up in the
// browser's window.open. A source row holding "javascript:…" or "data:…" must never get there, so
// every layer applies this one rule: the importer drops other links with a warning, LoadBundle
// refuses a bundle holding one, and the page (web/bridge.js) checks again before opening anything.
//
//   bokji::IsWebLink("https://www.bokjiro.go.kr/…")  → true
//   bokji::IsWebLink("javascript:alert(1)")          → false
//   bokji::IsWebLink("")                             → false (an empty field is simply "no link")
#pragma once

#include <string_view>

namespace bokji {

// True when `url` is "http://" or "https://" (scheme in any letter case) followed by a host (a
// first character that is not '/'), with no ASCII control character, space or backslash anywhere.
// Non-ASCII text (a Korean domain or path) is allowed: browsers encode it.
bool IsWebLink(std::string_view url);

}  // namespace bokji
