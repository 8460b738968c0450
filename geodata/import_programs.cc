// Programs → Program: catalogues (central, local, private) and detail text, merged by service id.
//
// Per row, the first failing check rejects it: a name (missing_name); when province_check, the
// "sido" column names the config's province (outside_province, any of its names counts: 전라북도 =
// 전북특별자치도); a local program's 시군 matches a 시군구 boundary name (unknown_region); the
// service id is new within this source (duplicate). A row whose service id an earlier source
// already imported is merged into that program: its empty fields are filled, nothing is
// overwritten. An apply_url that is not an http(s) link is dropped with an unsafe_link warning (a
// bare host name gets "http://", link_scheme_added).
//
// 시군 codes (ProgramLevel::kCity): a 시군 name matches the 시군구 regions named exactly like it,
// or, for a 시 with 구, the regions whose names start with it ("전주시" → 전주시완산구 35011,
// 전주시덕진구 35012). Several matches share one 시 code, the 구 code with its last digit zeroed
// (core's CityCodeOf): 전주시 = 35010. So a program of 시군 code C covers the 시군구 codes c with
// CityCodeOf(c) == C; for a 시군 without 구, c == C.

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "core/programs.h"
#include "geodata/import_steps.h"
#include "geodata/row_text.h"

namespace bokji::geodata {
namespace {

// The value of query parameter `name` in `url` ("…?wlfareInfoId=WLF00001187&…" → "WLF00001187"), or
// "".
std::string UrlParameter(std::string_view url, std::string_view name) {
  const std::string key = std::string(name) + "=";
  for (size_t at = url.find(key); at != std::string_view::npos; at = url.find(key, at + 1)) {
    if (at == 0 || (url[at - 1] != '?' && url[at - 1] != '&')) continue;
    const size_t begin = at + key.size();
    const size_t end = url.find_first_of("&#", begin);
    return std::string(
        url.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin));
  }
  return "";
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && text.compare(0, prefix.size(), prefix) == 0;
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The KOSTAT 시군 code of a 시군 name, by the rule in this file's header; 0 when no 시군구 region
// matches.
uint32_t SigunguCodeOf(const ImportState& state, std::string_view name) {
  std::string wanted = WithoutSpaces(name);
  for (const std::string& province : state.config.province_names) {
    const std::string prefix = WithoutSpaces(province);
    if (wanted.size() > prefix.size() && StartsWith(wanted, prefix))
      wanted = wanted.substr(prefix.size());
  }
  std::set<uint32_t> city_codes;
  for (const Region& region : state.data.regions) {
    if (region.level != RegionLevel::kSigungu || region.parent_code != state.config.province_code)
      continue;
    const std::string region_name = WithoutSpaces(region.name);
    if (region_name == wanted || (EndsWith(wanted, "시") && StartsWith(region_name, wanted))) {
      city_codes.insert(CityCodeOf(region.code));
    }
  }
  // Several 시군 codes would mean the name is ambiguous; no such case exists while 시군 names are
  // unique.
  return city_codes.size() == 1 ? *city_codes.begin() : 0;
}

void FillEmpty(Program& into, const Program& from) {
  auto fill = [](std::string& field, const std::string& value) {
    if (field.empty()) field = value;
  };
  fill(into.provider, from.provider);
  fill(into.summary, from.summary);
  fill(into.eligibility, from.eligibility);
  fill(into.selection_criteria, from.selection_criteria);
  fill(into.benefits, from.benefits);
  fill(into.how_to_apply, from.how_to_apply);
  fill(into.contact, from.contact);
  fill(into.apply_url, from.apply_url);
  fill(into.provision, from.provision);
  fill(into.cycle, from.cycle);
  if (into.life_stages == 0) into.life_stages = from.life_stages;
  if (into.targets == 0) into.targets = from.targets;
  if (into.themes.empty()) into.themes = from.themes;
  if (into.updated == 0) into.updated = from.updated;
}

std::string JoinUnique(const std::vector<std::string>& parts, const char* separator) {
  std::vector<std::string> seen;
  std::string joined;
  for (const std::string& part : parts) {
    if (part.empty() || std::find(seen.begin(), seen.end(), part) != seen.end()) continue;
    seen.push_back(part);
    joined += (joined.empty() ? "" : separator) + part;
  }
  return joined;
}

}  // namespace

Status ImportPrograms(const SourceConfig& source, const Table& table, const SourceColumns& columns,
                      uint16_t source_index, ImportState& state, SourceReport& report) {
  const bool local = source.kind == SourceKind::kProgramsLocal;
  if (local && columns.Has("sigungu") && state.region_index == nullptr) {
    return Status::Error(
        "source '" + source.id +
        "' names 시군 in its sigungu column: the config needs a 시군구 boundaries source "
        "to match them");
  }
  std::unordered_map<std::string, int> row_of_id;  // service ids seen in this source

  for (const TableRow& row : table.rows) {
    ++report.rows_read;
    Program program;
    program.name = columns.Get(row, "name");
    if (program.name.empty()) {
      report.Reject(row.number, RejectReason::kMissingName, "");
      continue;
    }
    const std::string about = "'" + program.name + "'";
    const std::string sido = columns.Get(row, "sido");
    if (source.province_check && !IsProvinceName(state.config, sido)) {
      report.Reject(row.number, RejectReason::kOutsideProvince, about + ": 시도 '" + sido + "'");
      continue;
    }

    // Level and region.
    switch (source.kind) {
      case SourceKind::kProgramsCentral:
        program.level = ProgramLevel::kCentral;
        program.region_name = source.region_name;
        break;
      case SourceKind::kProgramsPrivate:
        program.level = ProgramLevel::kPrivate;
        program.region_name = source.region_name;
        break;
      case SourceKind::kProgramsDetail:
        program.level = source.detail_level;
        program.region_name = source.region_name;
        break;
      default: {  // kProgramsLocal
        const std::string province = sido.empty() ? state.config.province_names.front() : sido;
        const std::string sigungu = columns.Get(row, "sigungu");
        program.level = ProgramLevel::kProvince;
        program.region_name = province;
        if (sigungu.empty()) break;
        if (const uint32_t code = SigunguCodeOf(state, sigungu); code != 0) {
          program.level = ProgramLevel::kCity;
          program.sigungu_code = code;
          program.region_name = sigungu;
        } else if (IsProvinceName(state.config, sigungu) ||
                   std::any_of(state.config.province_names.begin(),
                               state.config.province_names.end(), [&](const std::string& name) {
                                 return StartsWith(WithoutSpaces(sigungu), WithoutSpaces(name));
                               })) {
          // A provincial agency such as 전북특별자치도교육청: the program covers the whole
          // province.
          report.Warn(row.number, WarningKind::kProvinceWide,
                      about + ": '" + sigungu + "' is not a 시군; listed as province-wide");
        } else {
          report.Reject(row.number, RejectReason::kUnknownRegion,
                        about + ": 시군 '" + sigungu + "' matches no 시군구 boundary name");
          continue;
        }
        break;
      }
    }

    // Service id, and duplicates within this source.
    program.service_id = columns.Get(row, "service_id");
    if (!source.service_id_url_param.empty()) {
      program.service_id = UrlParameter(program.service_id, source.service_id_url_param);
    }
    if (!program.service_id.empty()) {
      if (const auto it = row_of_id.find(program.service_id); it != row_of_id.end()) {
        report.Reject(
            row.number, RejectReason::kDuplicate,
            about + ": service id " + program.service_id + " as row " + std::to_string(it->second));
        continue;
      }
      row_of_id[program.service_id] = row.number;
    }

    program.provider = columns.Get(row, "provider");
    program.summary = columns.Get(row, "summary");
    program.eligibility = columns.Get(row, "eligibility");
    program.selection_criteria = columns.Get(row, "selection_criteria");
    program.benefits = columns.Get(row, "benefits");
    program.how_to_apply = columns.Get(row, "how_to_apply");
    program.contact = columns.Get(row, "contact");
    const std::string apply_text = columns.Get(row, "apply_url");
    const NormalisedLink apply_link = NormaliseLink(apply_text);
    program.apply_url = apply_link.link;
    if (apply_link.outcome == NormalisedLink::kSchemeAdded) {
      report.Warn(row.number, WarningKind::kLinkSchemeAdded,
                  about + ": '" + apply_text + "' → '" + apply_link.link + "'");
    } else if (apply_link.outcome == NormalisedLink::kDropped) {
      report.Warn(row.number, WarningKind::kUnsafeLink,
                  about + ": apply_url '" + apply_text + "' is not an http(s) link: dropped");
    }
    program.provision = columns.Get(row, "provision");
    program.cycle = columns.Get(row, "cycle");
    program.life_stages = ParseLifeStageList(columns.Get(row, "life_stages"));
    program.targets = TargetsOf(source.targets, columns, row) |
                      ParseTargetGroupList(columns.Get(row, "target_groups"));
    program.themes = SplitList(columns.Get(row, "themes"));
    program.updated = ParseDate(columns.Get(row, "updated"));
    program.source = source_index;

    ++report.rows_placed;
    const auto existing = program.service_id.empty() ? state.program_by_id.end()
                                                     : state.program_by_id.find(program.service_id);
    if (existing != state.program_by_id.end()) {
      FillEmpty(state.data.programs[existing->second], program);
      state.program_sources[existing->second].push_back(source_index);
      ++report.rows_merged;
      continue;
    }
    if (!program.service_id.empty())
      state.program_by_id[program.service_id] = state.data.programs.size();
    state.program_sources.push_back({source_index});
    state.data.programs.push_back(std::move(program));
  }
  return Status::Ok();
}

void FinishPrograms(ImportState& state) {
  std::map<std::vector<uint16_t>, uint16_t> combined_index;
  for (size_t i = 0; i < state.data.programs.size(); ++i) {
    std::vector<uint16_t> contributors;
    for (uint16_t source : state.program_sources[i]) {
      if (std::find(contributors.begin(), contributors.end(), source) == contributors.end()) {
        contributors.push_back(source);
      }
    }
    if (contributors.size() < 2) continue;
    auto [it, added] = combined_index.emplace(contributors, 0);
    if (added) {
      // One Source for "catalogue + detail": every name, publisher and licence, and the oldest
      // date, so a program never looks more current than its oldest part.
      std::vector<std::string> names, publishers, licences;
      Source combined;
      for (uint16_t source : contributors) {
        const Source& part = state.data.sources[source];
        names.push_back(part.name);
        publishers.push_back(part.publisher);
        licences.push_back(part.licence);
        if (part.data_date != 0 &&
            (combined.data_date == 0 || part.data_date < combined.data_date)) {
          combined.data_date = part.data_date;
          combined.data_date_note = part.data_date_note;  // how that date was found, if noted
        }
      }
      combined.name = JoinUnique(names, " + ");
      combined.publisher = JoinUnique(publishers, "; ");
      combined.licence = JoinUnique(licences, "; ");
      it->second = state.AddSource(combined);
    }
    state.data.programs[i].source = it->second;
  }
}

}  // namespace bokji::geodata
