#include "web/model/url_state.h"

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "web/model/format.h"

namespace bokji::web {
namespace {

constexpr const char* kEducationFor[] = {"all", "citizens", "workers"};
constexpr const char* kPastSuffix = "+past";

// A non-negative decimal integer and nothing else; nullopt otherwise.
std::optional<long> ParseInt(const std::string& text) {
  if (text.empty() || text.size() > 9) return std::nullopt;
  char* end = nullptr;
  const long value = std::strtol(text.c_str(), &end, 10);
  if (*end != 0 || text[0] == '+' || text[0] == ' ') return std::nullopt;
  if (text[0] == '-' && text != "-1") return std::nullopt;
  return value;
}

// "lat,lng" (zoom null) or "zoom/lat/lng", within the world a view accepts, nothing after.
bool ParseLatLng(const std::string& text, LatLng* at, double* zoom) {
  double z = 0, lat = 0, lng = 0;
  char tail = 0;
  const int read = zoom != nullptr
                       ? std::sscanf(text.c_str(), "%lf/%lf/%lf%c", &z, &lat, &lng, &tail)
                       : std::sscanf(text.c_str(), "%lf,%lf%c", &lat, &lng, &tail);
  if (read != (zoom != nullptr ? 3 : 2)) return false;
  if (!(lat >= -85 && lat <= 85 && lng >= -180 && lng <= 180)) return false;
  if (zoom != nullptr) {
    if (!(z >= 0 && z <= 30)) return false;
    *zoom = z;
  }
  *at = LatLng{lat, lng};
  return true;
}

// The index of a bit set alone in `bits` below `count`; -1 otherwise.
int SingleBit(uint32_t bits, int count) {
  for (int bit = 0; bit < count; ++bit)
    if (bits == (1u << bit)) return bit;
  return -1;
}

}  // namespace

bool IsValidTileTemplate(const std::string& t) {
  if (t.empty()) return true;
  const bool web = t.rfind("https://", 0) == 0 || t.rfind("http://", 0) == 0;
  return web && t.find("{z}") != std::string::npos && t.find("{x}") != std::string::npos &&
         t.find("{y}") != std::string::npos;
}

std::string EncodeUrlState(const Catalog& catalog, const AppState& state) {
  const Dataset& data = catalog.data;
  std::string query;
  auto add = [&](const char* key, const std::string& value) {
    if (value.empty()) return;
    if (!query.empty()) query += '&';
    query += key;
    query += '=';
    query += UrlEncode(value);
  };
  char buffer[64];
  const LatLng centre = FromMercator(state.map.center());
  std::snprintf(buffer, sizeof(buffer), "%.2f/%.5f/%.5f", state.map.zoom(), centre.lat, centre.lng);
  add("map", buffer);

  if (const auto* card = std::get_if<FacilityCard>(&state.card)) {
    add("f", data.facilities[card->facility].source_key);
  } else if (const auto* spot = std::get_if<SpotCard>(&state.card)) {
    std::string keys;
    for (uint32_t id : spot->facilities)
      keys += (keys.empty() ? "" : "|") + data.facilities[id].source_key;
    add("spot", keys);
  } else if (const auto* approximate = std::get_if<ApproximateCard>(&state.card)) {
    add("fa", catalog.approximate[approximate->facility].source_key);
  } else if (const auto* program = std::get_if<ProgramCard>(&state.card)) {
    add("p", data.programs[program->program].service_id);
  } else if (std::holds_alternative<DataInfoCard>(state.card)) {
    add("info", "1");
  } else if (const auto* education = std::get_if<EducationCard>(&state.card)) {
    add("edu", std::string(kEducationFor[static_cast<int>(education->audience)]) +
                   (education->show_past ? kPastSuffix : ""));
  }

  add("q", state.search.query);
  const FacilityFilter& filter = state.filters.index;
  if (filter.categories != kAllCategories) {
    std::snprintf(buffer, sizeof(buffer), "%x", static_cast<unsigned>(filter.categories));
    add("c", buffer);
  }
  const int target = SingleBit(filter.any_target, kTargetGroupCount);
  if (target >= 0) add("t", std::to_string(target));
  if (filter.region_code != 0) add("r", std::to_string(filter.region_code));
  if (state.filters.open_now) add("open", "1");
  // A place tapped or chosen is shared; the device's own location never goes into a link.
  const Place& place = state.finding.place;
  if (place.kind == PlaceKind::kPicked || place.kind == PlaceKind::kRegion) {
    std::snprintf(buffer, sizeof(buffer), "%.5f,%.5f", place.at.lat, place.at.lng);
    add("near", buffer);
  }
  if (!state.tiles.empty()) add("tiles", state.tiles == kOpenStreetMapTiles ? "osm" : state.tiles);

  if (state.view == View::kPrograms)
    add("v", state.programs.page == ProgramsPage::kList ? "programs" : "selfcheck");
  const ProgramFilter& pf = state.programs.filter;
  if (pf.stage != 0) add("ps", std::to_string(pf.stage));
  if (pf.include_unstated_stage) add("pu", "1");
  add("pt", pf.theme);
  const int program_target = SingleBit(pf.target, kTargetGroupCount);
  if (program_target >= 0) add("pg", std::to_string(program_target));
  if (pf.region != ProgramFilter::kAnyRegion) add("pr", std::to_string(pf.region));
  add("pq", state.programs.query);
  if (state.language != Language::kKorean) add("lang", LanguageCode(state.language));
  return query;
}

void DecodeUrlState(const Catalog& catalog, const std::string& query, AppState* state) {
  const Dataset& data = catalog.data;
  std::optional<double> zoom;
  LatLng centre;
  // Cards by precedence when a link names several: program, facility, spot, education, data info,
  // a facility placed by address.
  std::optional<Card> cards[6];
  bool named_area = false;
  for (const auto& [key, value] : ParseQueryString(query)) {
    if (key == "map") {
      double z = 0;
      if (ParseLatLng(value, &centre, &z)) zoom = z;
    } else if (key == "f") {
      const int id = catalog.FacilityByKey(value);
      if (id >= 0) cards[1] = FacilityCard{static_cast<uint32_t>(id)};
    } else if (key == "fa") {
      const int id = catalog.ApproximateByKey(value);
      if (id >= 0) cards[5] = ApproximateCard{static_cast<uint32_t>(id)};
    } else if (key == "spot") {
      SpotCard spot;
      size_t start = 0;
      while (start <= value.size()) {
        size_t end = value.find('|', start);
        if (end == std::string::npos) end = value.size();
        const int id = catalog.FacilityByKey(std::string_view(value).substr(start, end - start));
        if (id >= 0) spot.facilities.push_back(static_cast<uint32_t>(id));
        start = end + 1;
      }
      if (spot.facilities.size() == 1) cards[2] = FacilityCard{spot.facilities[0]};
      if (spot.facilities.size() > 1) cards[2] = spot;
    } else if (key == "p") {
      const int id = catalog.ProgramByServiceId(value);
      if (id >= 0) cards[0] = ProgramCard{static_cast<uint32_t>(id)};
    } else if (key == "info") {
      if (value == "1") cards[4] = DataInfoCard{};
    } else if (key == "edu") {
      EducationCard card;
      std::string audience = value;
      if (audience.size() > 5 && audience.ends_with(kPastSuffix)) {
        card.show_past = true;
        audience.resize(audience.size() - 5);
      }
      for (int i = 0; i < 3; ++i)
        if (audience == kEducationFor[i]) {
          card.audience = static_cast<EducationFor>(i);
          cards[3] = card;
        }
    } else if (key == "q") {
      state->search.query = value;
      state->search.results_open = false;
    } else if (key == "c") {
      const bool hex = !value.empty() && value.size() <= 8 &&
                       value.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos;
      const unsigned long bits = hex ? std::strtoul(value.c_str(), nullptr, 16) : ~0ul;
      if ((bits & ~static_cast<unsigned long>(kAllCategories)) == 0)
        state->filters.index.categories = static_cast<CategorySet>(bits);
    } else if (key == "t") {
      const std::optional<long> bit = ParseInt(value);
      if (bit && *bit >= 0 && *bit < kTargetGroupCount)
        state->filters.index.any_target = 1u << *bit;
    } else if (key == "r") {
      const std::optional<long> code = ParseInt(value);
      const int region =
          code && *code > 0 ? catalog.RegionByCode(static_cast<uint32_t>(*code)) : -1;
      if (region >= 0 && data.regions[region].level != RegionLevel::kProvince) {
        state->filters.index.region_code = static_cast<uint32_t>(*code);
        named_area = true;
      }
    } else if (key == "open") {
      if (value == "1" && catalog.hours_known > 0) state->filters.open_now = true;
    } else if (key == "tiles") {
      const std::string tiles = value == "osm" ? kOpenStreetMapTiles : value;
      if (!tiles.empty() && IsValidTileTemplate(tiles)) state->tiles = tiles;
    } else if (key == "near") {
      LatLng at;
      if (ParseLatLng(value, &at, nullptr)) {
        state->finding.place = Place{PlaceKind::kPicked, at, -1};
        state->finding.near_open = true;
      }
    } else if (key == "v") {
      if (value == "programs" || value == "selfcheck") {
        state->view = View::kPrograms;
        state->programs.page = value == "programs" ? ProgramsPage::kList : ProgramsPage::kQuestions;
      }
    } else if (key == "ps") {
      const std::optional<long> bits = ParseInt(value);
      if (bits && SingleBit(static_cast<uint32_t>(*bits), kLifeStageCount) >= 0)
        state->programs.filter.stage = static_cast<LifeStageSet>(*bits);
    } else if (key == "pu") {
      if (value == "1") state->programs.filter.include_unstated_stage = true;
    } else if (key == "pt") {
      for (const std::string& theme : catalog.themes)
        if (theme == value) state->programs.filter.theme = value;
    } else if (key == "pg") {
      const std::optional<long> bit = ParseInt(value);
      if (bit && *bit >= 0 && *bit < kTargetGroupCount) state->programs.filter.target = 1u << *bit;
    } else if (key == "pr") {
      const std::optional<long> region = ParseInt(value);
      if (region &&
          (*region == ProgramFilter::kAnyRegion || *region == ProgramFilter::kCommonOnly ||
           catalog.CityName(static_cast<uint32_t>(*region)) != nullptr))
        state->programs.filter.region = *region;
    } else if (key == "pq") {
      state->programs.query = value;
    } else if (key == "lang") {
      if (const std::optional<Language> language = LanguageFromCode(value))
        state->language = *language;
    }
  }
  bool named_facility = false;
  int named_approximate_area = -1;  // the region a facility placed by address stands at
  for (const std::optional<Card>& card : cards) {
    if (card) {
      state->card = *card;
      named_facility = std::holds_alternative<FacilityCard>(*card);
      if (const auto* approximate = std::get_if<ApproximateCard>(&*card))
        named_approximate_area = catalog.approximate_area[approximate->facility];
      break;
    }
  }

  if (zoom) {
    state->map.SetZoom(*zoom);
    state->map.SetCenter(ToMercator(centre));
    state->camera = CameraRequest{};
  } else if (named_area && !named_facility) {
    state->camera = CameraRequest::FitRegion(
        static_cast<uint32_t>(catalog.RegionByCode(state->filters.index.region_code)));
  } else if (named_facility) {
    state->camera = CameraRequest::Centre(data.facilities[OpenFacility(*state)].position, 14,
                                          /*animate=*/false);
  } else if (named_approximate_area >= 0) {
    state->camera = CameraRequest::FitRegion(static_cast<uint32_t>(named_approximate_area));
  }
}

AppConfig ConfigFromQuery(const std::string& query, AppConfig config) {
  static constexpr const char* kModes[] = {"citizen", "kiosk", "embed"};
  for (const auto& [key, value] : ParseQueryString(query)) {
    if (key == "embed" && value == "1") config.mode = UiMode::kEmbed;  // ?embed=1, as map widgets
    if (key != "mode") continue;
    for (int m = 0; m < 3; ++m)
      if (value == kModes[m]) config.mode = static_cast<UiMode>(m);
  }
  return config;
}

}  // namespace bokji::web
