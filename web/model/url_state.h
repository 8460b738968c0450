// The app's part of the page's URL: every view and card a person can link to, written from the
// AppState and read back into one. Never the device's own location, never self-check answers
// (personal data stays in memory).
//
// clang-format off
//   ReplaceUrlState(EncodeUrlState(catalog, state));        // when the view has settled
//   AppState restored;
//   DecodeUrlState(catalog, "map=12.00/35.80000/127.10000&f=장애인복지관%3A179", &restored);
// clang-format on
//
//   key    value                         state
//   map    zoom/lat/lng                  map (centre and zoom)
//   f      a facility's source_key       card = FacilityCard
//   spot   source_keys joined by '|'     card = SpotCard (facilities at one spot)
//   fa     a facility's source_key       card = ApproximateCard (placed by address only)
//   p      a program's service_id        card = ProgramCard
//   info   1                             card = DataInfoCard
//   edu    all|citizens|workers[+past]   card = EducationCard
//   q      text                          search.query
//   c      category bits (hex)           filters.index.categories (the legend)
//   t      target group bit index        filters.index.any_target
//   r      시군구 / 읍면동 code            filters.index.region_code
//   open   1                             filters.open_now (only where hours are known)
//   near   lat,lng                       finding.place: a place picked or chosen (never the
//   device's) tiles  osm or a tile URL template    tiles v      programs | selfcheck          view
//   = kPrograms, programs.page (list or the questions) ps pu  stage bit, 1 programs.filter.stage,
//   include_unstated_stage pt pg  theme, target bit index       programs.filter.theme, target pr -1
//   | 0 | 시군 code            programs.filter.region (absent: any) pq     text programs.query lang
//   en                            language (absent: Korean)
// Unknown keys and malformed values are ignored (the state keeps what it had).
#pragma once

#include <string>

#include "core/catalog.h"
#include "web/model/app_state.h"

namespace bokji::web {

// Every key above, comma-separated: the page replaces exactly these and keeps its own (bundle).
inline constexpr const char* kAppUrlKeys =
    "map,f,spot,p,info,edu,q,c,t,r,open,near,tiles,v,ps,pu,pt,pg,pr,pq,lang,fa";

// OpenStreetMap's tile server, written "osm" in links.
inline constexpr const char* kOpenStreetMapTiles = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
// True for "" (no tiles) and for an http(s) URL holding {z}, {x} and {y}.
bool IsValidTileTemplate(const std::string& url_template);

// The query string ("key=value&…", values percent-encoded) for `state`, keys in the table's
// order, each only when it differs from the start state (the map always).
std::string EncodeUrlState(const Catalog& catalog, const AppState& state);

// Applies what `query` (without "?") names onto `state`. Without map=, the camera frames what the
// link names: its area filter (r=), else its facility (f=, at zoom 14), else it stays as it was
// (the start state's framing of the whole province).
void DecodeUrlState(const Catalog& catalog, const std::string& query, AppState* state);

// The page's own ?mode= (citizen, kiosk, embed): how the app is deployed. Not AppState (a reset
// keeps it) and never written by the app; a missing or unknown value keeps `config`.
AppConfig ConfigFromQuery(const std::string& query, AppConfig config);

}  // namespace bokji::web
