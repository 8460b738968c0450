#include "geodata/import_config.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <utility>

#include "geodata/row_text.h"
#include "nlohmann/json.hpp"

namespace bokji::geodata {
namespace {

using nlohmann::json;

// ---------------------------------------------------------------------------------------------------------
// Vocabularies: the words configs use for our enums.
// ---------------------------------------------------------------------------------------------------------

constexpr std::pair<const char*, SourceKind> kKindNames[] = {
    {"boundaries", SourceKind::kBoundaries},
    {"facilities", SourceKind::kFacilities},
    {"programs_central", SourceKind::kProgramsCentral},
    {"programs_local", SourceKind::kProgramsLocal},
    {"programs_private", SourceKind::kProgramsPrivate},
    {"programs_detail", SourceKind::kProgramsDetail},
    {"education", SourceKind::kEducation},
};

constexpr std::pair<const char*, FacilityCategory> kCategoryNames[] = {
    {"노인", FacilityCategory::kElderly},
    {"장애인", FacilityCategory::kDisability},
    {"아동", FacilityCategory::kChild},
    {"청소년", FacilityCategory::kYouth},
    {"여성·가족", FacilityCategory::kWomenFamily},
    {"한부모", FacilityCategory::kSingleParent},
    {"노숙인", FacilityCategory::kHomeless},
    {"정신건강", FacilityCategory::kMentalHealth},
    {"종합사회복지관", FacilityCategory::kCommunityWelfare},
    {"행정복지센터", FacilityCategory::kAdminCenter},
    {"의료", FacilityCategory::kMedical},
    {"약국", FacilityCategory::kPharmacy},
    {"기타", FacilityCategory::kOther},
    {"공공보건", FacilityCategory::kPublicHealth},
    {"경로당", FacilityCategory::kSeniorCenter},
    {"노인돌봄", FacilityCategory::kElderCare},
    {"치매", FacilityCategory::kDementia},
};

constexpr std::pair<const char*, TargetSet> kTargetNames[] = {
    {"노인", kTargetElderly},
    {"장애인", kTargetDisabled},
    {"아동", kTargetChildren},
    {"청소년", kTargetYouth},
    {"여성", kTargetWomen},
    {"가족", kTargetFamily},
    {"한부모·조손", kTargetSingleParent},
    {"노숙인", kTargetHomeless},
    {"다문화", kTargetMultiCultural},
    {"저소득", kTargetLowIncome},
    {"보훈대상자", kTargetVeteran},
    {"임산부", kTargetPregnant},
    {"정신건강", kTargetMentalHealth},
    {"지역주민", kTargetResidents},
    {"청년", kTargetYoungAdult},
    {"다자녀", kTargetManyChildren},
    {"1인가구", kTargetSingleHousehold},
    {"치매", kTargetDementia},
};

constexpr std::pair<const char*, ProgramLevel> kLevelNames[] = {
    {"central", ProgramLevel::kCentral},
    {"province", ProgramLevel::kProvince},
    {"city", ProgramLevel::kCity},
    {"private", ProgramLevel::kPrivate},
};

template <typename T, size_t N>
std::optional<T> LookUp(const std::pair<const char*, T> (&names)[N], const std::string& word) {
  for (const auto& [name, value] : names)
    if (word == name) return value;
  return std::nullopt;
}

template <typename T, size_t N>
std::string ListNames(const std::pair<const char*, T> (&names)[N]) {
  std::string list;
  for (const auto& entry : names) list += (list.empty() ? "" : ", ") + std::string(entry.first);
  return list;
}

// Which "columns" keys each kind accepts.
const std::set<std::string>& ColumnFields(SourceKind kind) {
  static const std::set<std::string> kBoundaryFields = {"code", "name"};
  static const std::set<std::string> kFacilityFields = {
      "id", "name", "road_address", "lot_address", "phone", "hours", "operator", "homepage",
      "x",  "y",    "sigungu"};
  static const std::set<std::string> kProgramFields = {
      "service_id",   "name",        "provider",      "sido",
      "sigungu",      "summary",     "eligibility",   "selection_criteria",
      "how_to_apply", "contact",     "apply_url",     "provision",
      "cycle",        "life_stages", "target_groups", "themes",
      "updated",      "benefits"};
  static const std::set<std::string> kEducationFields = {
      "title",   "organiser", "audience", "start", "end", "place",
      "address", "x",         "y",        "link",  "fee", "contact"};
  switch (kind) {
    case SourceKind::kBoundaries:
      return kBoundaryFields;
    case SourceKind::kFacilities:
      return kFacilityFields;
    case SourceKind::kEducation:
      return kEducationFields;
    default:
      return kProgramFields;
  }
}

std::string Join(const std::set<std::string>& words) {
  std::string list;
  for (const std::string& word : words) list += (list.empty() ? "" : ", ") + word;
  return list;
}

// ---------------------------------------------------------------------------------------------------------
// Reading JSON values with errors that say where: "sources[2].columns.name: expected a string".
// ---------------------------------------------------------------------------------------------------------

class ConfigReader {
 public:
  ConfigReader(std::string config_dir, std::string data_root)
      : config_dir_(std::move(config_dir)), data_root_(std::move(data_root)) {}

  Result<ImportConfig> Read(const json& root) {
    ImportConfig config;
    if (!root.is_object()) return Fail("config", "expected a JSON object");
    if (!CheckKeys(root, "config", {"title", "province", "sources"})) return error_;
    if (!GetString(root, "title", "config", &config.title, /*required=*/true)) return error_;

    const json* province = Member(root, "province");
    if (province == nullptr || !province->is_object()) {
      return Fail("config.province", "expected {\"code\": 35, \"names\": [\"전북특별자치도\", …]}");
    }
    if (!CheckKeys(*province, "province", {"code", "names"})) return error_;
    const json* code = Member(*province, "code");
    if (code == nullptr || !code->is_number_unsigned() || code->get<uint64_t>() == 0 ||
        code->get<uint64_t>() > 99) {
      return Fail("province.code", "expected the 2-digit KOSTAT 도 code, e.g. 35");
    }
    config.province_code = code->get<uint32_t>();
    if (!GetStringList(*province, "names", "province", &config.province_names)) return error_;
    if (config.province_names.empty())
      return Fail("province.names", "name the province at least once");

    const json* sources = Member(root, "sources");
    if (sources == nullptr || !sources->is_array() || sources->empty()) {
      return Fail("config.sources", "expected a non-empty array of sources");
    }
    std::set<std::string> ids;
    for (size_t i = 0; i < sources->size(); ++i) {
      const std::string where = "sources[" + std::to_string(i) + "]";
      SourceConfig source;
      if (!ReadSource((*sources)[i], where, &source)) return error_;
      if (!ids.insert(source.id).second)
        return Fail(where + ".id", "'" + source.id + "' is used twice");
      config.sources.push_back(std::move(source));
    }
    return config;
  }

 private:
  bool ReadSource(const json& node, const std::string& where, SourceConfig* source) {
    if (!node.is_object()) return Failed(where, "expected an object");
    if (!CheckKeys(node, where,
                   {"id",
                    "kind",
                    "file",
                    "format",
                    "layer",
                    "row_element",
                    "encoding",
                    "crs",
                    "open_options",
                    "columns",
                    "category",
                    "targets",
                    "service_id_url_param",
                    "region_name",
                    "level",
                    "province_check",
                    "boundary_tolerance_m",
                    "address_placement",
                    "geocoded",
                    "name_replacements",
                    "phone_area_code",
                    "metadata"})) {
      return false;
    }
    if (!GetString(node, "id", where, &source->id, true)) return false;
    const std::string at = where + " ('" + source->id + "')";
    std::string kind;
    if (!GetString(node, "kind", at, &kind, true)) return false;
    const std::optional<SourceKind> parsed_kind = LookUp(kKindNames, kind);
    if (!parsed_kind)
      return Failed(at + ".kind", "'" + kind + "' is not one of " + ListNames(kKindNames));
    source->kind = *parsed_kind;

    std::string file;
    if (!GetString(node, "file", at, &file, true)) return false;
    if (!ResolvePath(file, at + ".file", &source->path)) return false;
    if (!GetString(node, "format", at, &source->format, false)) return false;
    if (!GetString(node, "layer", at, &source->layer, false)) return false;
    if (!GetString(node, "row_element", at, &source->row_element, false)) return false;
    if (!GetString(node, "crs", at, &source->crs, false)) return false;
    if (!GetStringList(node, "open_options", at, &source->open_options)) return false;
    if (!GetString(node, "service_id_url_param", at, &source->service_id_url_param, false))
      return false;
    if (!GetString(node, "region_name", at, &source->region_name, false)) return false;

    if (!GetEncoding(node, at, &source->encoding)) return false;

    if (const json* check = Member(node, "province_check")) {
      if (!check->is_boolean()) return Failed(at + ".province_check", "expected true or false");
      source->province_check = check->get<bool>();
    }
    if (Member(node, "level") != nullptr) {
      if (source->kind != SourceKind::kProgramsDetail) {
        return Failed(at + ".level", "only programs_detail sources take a level");
      }
      std::string level;
      if (!GetString(node, "level", at, &level, true)) return false;
      const std::optional<ProgramLevel> parsed = LookUp(kLevelNames, level);
      if (!parsed)
        return Failed(at + ".level", "'" + level + "' is not one of " + ListNames(kLevelNames));
      source->detail_level = *parsed;
    }

    if (!ReadColumns(node, at, source)) return false;
    if (!ReadFacilityOptions(node, at, source)) return false;
    if (Member(node, "category") != nullptr) {
      if (source->kind != SourceKind::kFacilities) {
        return Failed(at + ".category", "only facilities have a category");
      }
      if (!ReadCategory(node["category"], at + ".category", &source->category)) return false;
    } else if (source->kind == SourceKind::kFacilities) {
      return Failed(at + ".category",
                    "facilities need a category (fixed, or {\"column\", \"map\"})");
    }
    if (const json* targets = Member(node, "targets")) {
      if (source->kind == SourceKind::kBoundaries)
        return Failed(at + ".targets", "regions have no targets");
      if (source->kind == SourceKind::kEducation)
        return Failed(at + ".targets", "education events state their audience in a column");
      if (!ReadTargets(*targets, at + ".targets", &source->targets)) return false;
    }

    const json* metadata = Member(node, "metadata");
    if (metadata == nullptr || !metadata->is_object()) {
      return Failed(at + ".metadata",
                    "expected {\"name\", \"publisher\", \"licence\", \"data_date\"}");
    }
    const std::string meta_at = at + ".metadata";
    if (!CheckKeys(*metadata, meta_at,
                   {"name", "publisher", "licence", "data_date", "data_date_note"}))
      return false;
    if (!GetString(*metadata, "name", meta_at, &source->metadata.name, true)) return false;
    if (!GetString(*metadata, "publisher", meta_at, &source->metadata.publisher, true))
      return false;
    if (!GetString(*metadata, "licence", meta_at, &source->metadata.licence, true)) return false;
    std::string date;
    if (!GetString(*metadata, "data_date", meta_at, &date, true)) return false;
    source->metadata.data_date = ParseSourceDate(date);
    if (source->metadata.data_date == 0) {
      return Failed(meta_at + ".data_date",
                    "'" + date + "' is not a date like 2019-12-31 (or 2025-03, or 2022)");
    }
    if (!GetString(*metadata, "data_date_note", meta_at, &source->metadata.data_date_note, false))
      return false;
    return true;
  }

  bool GetEncoding(const json& node, const std::string& at, Encoding* out) {
    std::string encoding = "UTF-8";
    if (!GetString(node, "encoding", at, &encoding, false)) return false;
    if (encoding == "UTF-8") {
      *out = Encoding::kUtf8;
    } else if (encoding == "CP949" || encoding == "EUC-KR") {
      *out = Encoding::kCp949;  // CP949 is a superset of EUC-KR
    } else {
      return Failed(at + ".encoding", "'" + encoding + "' is not one of UTF-8, CP949");
    }
    return true;
  }

  // The keys only facilities take: boundary_tolerance_m, address_placement, geocoded,
  // name_replacements, phone_area_code.
  bool ReadFacilityOptions(const json& node, const std::string& at, SourceConfig* source) {
    const bool facilities = source->kind == SourceKind::kFacilities;
    for (const char* key : {"boundary_tolerance_m", "address_placement", "geocoded",
                            "name_replacements", "phone_area_code"}) {
      if (Member(node, key) != nullptr && !facilities)
        return Failed(at + "." + key, "only facilities sources take this key");
    }
    if (const json* tolerance = Member(node, "boundary_tolerance_m")) {
      if (!tolerance->is_number() || tolerance->get<double>() < 0 ||
          tolerance->get<double>() > 100000) {
        return Failed(at + ".boundary_tolerance_m", "expected metres, 0 to 100000");
      }
      if (source->columns.count("sigungu") == 0 || !source->province_check) {
        return Failed(at + ".boundary_tolerance_m",
                      "needs province_check and a sigungu column (the 시군구 a row names)");
      }
      source->boundary_tolerance_m = tolerance->get<double>();
    }
    if (const json* placement = Member(node, "address_placement")) {
      const std::string p_at = at + ".address_placement";
      AddressPlacement& out = source->address_placement;
      if (placement->is_boolean()) {
        out.enabled = placement->get<bool>();
      } else if (placement->is_object()) {
        if (!CheckKeys(*placement, p_at, {"emd_suffixes", "aliases"})) return false;
        out.enabled = true;
        if (Member(*placement, "emd_suffixes") != nullptr) {
          out.emd_suffixes.clear();
          if (!GetStringList(*placement, "emd_suffixes", p_at, &out.emd_suffixes)) return false;
        }
        if (const json* aliases = Member(*placement, "aliases")) {
          if (!aliases->is_object()) return Failed(p_at + ".aliases", "expected {written: name}");
          for (const auto& [written, name] : aliases->items()) {
            if (!name.is_string()) return Failed(p_at + ".aliases." + written, "expected a name");
            out.aliases[WithoutSpaces(written)] = WithoutSpaces(name.get<std::string>());
          }
        }
      } else {
        return Failed(p_at, "expected true or {\"emd_suffixes\", \"aliases\"}");
      }
      if (out.enabled && source->columns.count("road_address") == 0 &&
          source->columns.count("lot_address") == 0) {
        return Failed(p_at, "needs a road_address or lot_address column");
      }
    }
    if (const json* geocoded = Member(node, "geocoded")) {
      const std::string g_at = at + ".geocoded";
      if (!geocoded->is_object()) return Failed(g_at, "expected {\"file\", \"crs\", \"columns\"}");
      if (!CheckKeys(*geocoded, g_at, {"file", "format", "layer", "encoding", "crs", "columns"}))
        return false;
      GeocodedFile file;
      std::string path;
      if (!GetString(*geocoded, "file", g_at, &path, true)) return false;
      if (!ResolvePath(path, g_at + ".file", &file.path)) return false;
      if (!GetString(*geocoded, "format", g_at, &file.format, false)) return false;
      if (!GetString(*geocoded, "layer", g_at, &file.layer, false)) return false;
      if (!GetString(*geocoded, "crs", g_at, &file.crs, true)) return false;
      if (!GetEncoding(*geocoded, g_at, &file.encoding)) return false;
      const json* columns = Member(*geocoded, "columns");
      if (columns == nullptr || !columns->is_object())
        return Failed(g_at + ".columns", "expected {\"address\", \"x\", \"y\"}");
      if (!CheckKeys(*columns, g_at + ".columns", {"address", "x", "y"})) return false;
      if (!GetString(*columns, "address", g_at + ".columns", &file.address_column, true) ||
          !GetString(*columns, "x", g_at + ".columns", &file.x_column, true) ||
          !GetString(*columns, "y", g_at + ".columns", &file.y_column, true)) {
        return false;
      }
      if (source->columns.count("road_address") == 0 && source->columns.count("lot_address") == 0)
        return Failed(g_at, "needs a road_address or lot_address column to look addresses up");
      source->geocoded = std::move(file);
    }
    if (const json* replacements = Member(node, "name_replacements")) {
      const std::string r_at = at + ".name_replacements";
      if (!replacements->is_array()) return Failed(r_at, "expected [[\"from\", \"to\"], …]");
      for (const json& pair : *replacements) {
        if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string() ||
            pair[0].get<std::string>().empty()) {
          return Failed(r_at, "expected [[\"from\", \"to\"], …] with a non-empty \"from\"");
        }
        source->name_replacements.emplace_back(pair[0].get<std::string>(),
                                               pair[1].get<std::string>());
      }
    }
    if (!GetString(node, "phone_area_code", at, &source->phone_area_code, false)) return false;
    if (!source->phone_area_code.empty()) {
      const std::string& code = source->phone_area_code;
      const bool digits =
          std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (!digits || code.size() < 2 || code.size() > 3 || code[0] != '0')
        return Failed(at + ".phone_area_code", "expected an area code like \"063\" or \"02\"");
    }
    return true;
  }

  bool ReadColumns(const json& node, const std::string& at, SourceConfig* source) {
    const json* columns = Member(node, "columns");
    if (columns == nullptr || !columns->is_object()) {
      return Failed(at + ".columns",
                    "expected an object mapping our fields to the file's column names");
    }
    const std::set<std::string>& allowed = ColumnFields(source->kind);
    for (const auto& [field, value] : columns->items()) {
      const std::string field_at = at + ".columns." + field;
      if (allowed.count(field) == 0) {
        return Failed(field_at, "unknown field for " + std::string(SourceKindName(source->kind)) +
                                    "; fields: " + Join(allowed));
      }
      std::vector<std::string> names;
      if (value.is_string()) {
        names.push_back(value.get<std::string>());
      } else if (value.is_array() && !value.empty()) {
        for (const json& name : value) {
          if (!name.is_string())
            return Failed(field_at, "expected a column name or a list of them");
          names.push_back(name.get<std::string>());
        }
      } else {
        return Failed(field_at, "expected a column name or a list of them");
      }
      source->columns[field] = std::move(names);
    }
    auto has = [&](const char* field) { return source->columns.count(field) > 0; };
    switch (source->kind) {
      case SourceKind::kBoundaries:
        if (!has("code") || !has("name"))
          return Failed(at + ".columns", "boundaries need code and name");
        break;
      case SourceKind::kFacilities:
        if (!has("name")) return Failed(at + ".columns", "facilities need a name column");
        if (has("x") != has("y")) {
          return Failed(at + ".columns",
                        "give both x and y, or neither to use the file's point geometry");
        }
        break;
      case SourceKind::kEducation:
        for (const char* field : {"title", "audience", "start", "end"}) {
          if (!has(field)) {
            return Failed(at + ".columns",
                          "education needs title, audience, start and end columns; " +
                              std::string(field) + " is missing");
          }
        }
        if (has("x") != has("y")) return Failed(at + ".columns", "give both x and y, or neither");
        break;
      default:
        if (!has("name")) return Failed(at + ".columns", "programs need a name column");
        if (source->kind == SourceKind::kProgramsDetail && !has("service_id")) {
          return Failed(at + ".columns", "programs_detail needs a service_id column to merge on");
        }
        break;
    }
    if (source->province_check && IsProgramKind(source->kind) && !has("sido")) {
      return Failed(at + ".province_check", "programs are checked by their sido column: map it");
    }
    if (!source->service_id_url_param.empty() && !has("service_id")) {
      return Failed(at + ".service_id_url_param", "needs a service_id column");
    }
    return true;
  }

  bool ReadCategory(const json& node, const std::string& at, CategoryRule* rule) {
    if (node.is_string()) {
      rule->fixed = Category(node.get<std::string>(), at);
      return rule->fixed.has_value();
    }
    if (!node.is_object()) return Failed(at, "expected a category name or {\"column\", \"map\"}");
    if (!CheckKeys(node, at, {"column", "map", "default"})) return false;
    if (!GetString(node, "column", at, &rule->column, true)) return false;
    const json* map = Member(node, "map");
    if (map == nullptr || !map->is_object())
      return Failed(at + ".map", "expected {value: category}");
    for (const auto& [value, category] : map->items()) {
      if (!category.is_string()) return Failed(at + ".map." + value, "expected a category name");
      const std::optional<FacilityCategory> parsed =
          Category(category.get<std::string>(), at + ".map");
      if (!parsed) return false;
      rule->map[value] = *parsed;
    }
    if (Member(node, "default") != nullptr) {
      if (!node["default"].is_string()) return Failed(at + ".default", "expected a category name");
      rule->fallback = Category(node["default"].get<std::string>(), at + ".default");
      if (!rule->fallback) return false;
    }
    return true;
  }

  std::optional<FacilityCategory> Category(const std::string& word, const std::string& at) {
    std::optional<FacilityCategory> category = LookUp(kCategoryNames, word);
    if (!category)
      Failed(at, "'" + word + "' is not a category; categories: " + ListNames(kCategoryNames));
    return category;
  }

  // A list of target names → bits.
  bool TargetList(const json& node, const std::string& at, TargetSet* bits) {
    if (node.is_string()) return TargetList(json::array({node}), at, bits);
    if (!node.is_array()) return Failed(at, "expected a list of target groups");
    for (const json& word : node) {
      const std::optional<TargetSet> target =
          word.is_string() ? LookUp(kTargetNames, word.get<std::string>()) : std::nullopt;
      if (!target) {
        return Failed(at,
                      word.dump() + " is not a target group; groups: " + ListNames(kTargetNames));
      }
      *bits |= *target;
    }
    return true;
  }

  bool ReadTargets(const json& node, const std::string& at, TargetRule* rule) {
    if (!node.is_object()) return TargetList(node, at, &rule->fixed);
    if (!CheckKeys(node, at, {"fixed", "column", "map"})) return false;
    if (const json* fixed = Member(node, "fixed")) {
      if (!TargetList(*fixed, at + ".fixed", &rule->fixed)) return false;
    }
    if (!GetString(node, "column", at, &rule->column, false)) return false;
    const json* map = Member(node, "map");
    if (rule->column.empty() != (map == nullptr)) return Failed(at, "give column and map together");
    if (map != nullptr) {
      if (!map->is_object()) return Failed(at + ".map", "expected {value: [target groups]}");
      for (const auto& [value, targets] : map->items()) {
        TargetSet bits = 0;
        if (!TargetList(targets, at + ".map." + value, &bits)) return false;
        rule->map[value] = bits;
      }
    }
    return true;
  }

  bool ResolvePath(const std::string& file, const std::string& at, std::string* path) {
    static const std::string kDataRoot = "${data_root}";
    std::string resolved = file;
    const size_t marker = resolved.find(kDataRoot);
    if (marker != std::string::npos) {
      if (data_root_.empty()) {
        return Failed(at, "'" + file + "' uses ${data_root}: pass --data-root DIR");
      }
      resolved.replace(marker, kDataRoot.size(), data_root_);
    } else if (!std::filesystem::path(resolved).is_absolute()) {
      resolved = (std::filesystem::path(config_dir_) / resolved).string();
    }
    *path = resolved;
    return true;
  }

  // ---- small JSON helpers ----

  static const json* Member(const json& object, const char* key) {
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
  }

  bool CheckKeys(const json& object, const std::string& at, const std::set<std::string>& allowed) {
    for (const auto& item : object.items()) {
      if (allowed.count(item.key()) == 0) {
        return Failed(at + "." + item.key(), "unknown key; keys here: " + Join(allowed));
      }
    }
    return true;
  }

  bool GetString(const json& object, const char* key, const std::string& at, std::string* out,
                 bool required) {
    const json* value = Member(object, key);
    if (value == nullptr) return required ? Failed(at + "." + key, "missing") : true;
    if (!value->is_string()) return Failed(at + "." + key, "expected a string");
    *out = value->get<std::string>();
    if (required && out->empty()) return Failed(at + "." + key, "must not be empty");
    return true;
  }

  bool GetStringList(const json& object, const char* key, const std::string& at,
                     std::vector<std::string>* out) {
    const json* value = Member(object, key);
    if (value == nullptr) return true;
    if (!value->is_array()) return Failed(at + "." + key, "expected a list of strings");
    for (const json& item : *value) {
      if (!item.is_string()) return Failed(at + "." + key, "expected a list of strings");
      out->push_back(item.get<std::string>());
    }
    return true;
  }

  bool Failed(const std::string& at, const std::string& message) {
    if (error_.ok()) error_ = Status::Error("config error at " + at + ": " + message);
    return false;
  }
  Status Fail(const std::string& at, const std::string& message) {
    Failed(at, message);
    return error_;
  }

  std::string config_dir_;
  std::string data_root_;
  Status error_;
};

}  // namespace

bool IsProgramKind(SourceKind kind) {
  return kind == SourceKind::kProgramsCentral || kind == SourceKind::kProgramsLocal ||
         kind == SourceKind::kProgramsPrivate || kind == SourceKind::kProgramsDetail;
}

const char* SourceKindName(SourceKind kind) {
  for (const auto& [name, value] : kKindNames)
    if (value == kind) return name;
  return "?";
}

Result<ImportConfig> ParseImportConfig(std::string_view json_text, const std::string& config_dir,
                                       const std::string& data_root) {
  const json root = json::parse(json_text, /*cb=*/nullptr, /*allow_exceptions=*/false,
                                /*ignore_comments=*/true);
  if (root.is_discarded()) {
    // Parse again with exceptions only to learn where the syntax error is.
    std::string where;
    try {
      const json reparsed = json::parse(json_text, nullptr, true, true);
    } catch (const json::parse_error& error) {
      where = error.what();
    }
    return Status::Error("config is not valid JSON: " + where);
  }
  return ConfigReader(config_dir, data_root).Read(root);
}

Result<ImportConfig> LoadImportConfig(const std::string& config_path,
                                      const std::string& data_root) {
  std::ifstream file(config_path, std::ios::binary);
  if (!file) return Status::Error("cannot open config file '" + config_path + "'");
  std::ostringstream text;
  text << file.rdbuf();
  const std::string config_dir = std::filesystem::path(config_path).parent_path().string();
  Result<ImportConfig> config =
      ParseImportConfig(text.str(), config_dir.empty() ? "." : config_dir, data_root);
  if (!config.ok()) return Status::Error(config_path + ": " + config.status().message());
  return config;
}

const char* CategoryWord(FacilityCategory category) {
  for (const auto& [word, value] : kCategoryNames)
    if (value == category) return word;
  return "기타";
}

std::string TargetWords(TargetSet targets) {
  std::string words;
  for (const auto& [word, bit] : kTargetNames)
    if (targets & bit) words += (words.empty() ? "" : ", ") + std::string(word);
  return words;
}

Date ParseSourceDate(std::string_view text) {
  if (const Date day = ParseDate(text); day != 0) return day;
  // "2022", or "2025-03" / "2025.03" / "2025/03" / "202503".
  auto digits = [&](size_t from, size_t count) {
    for (size_t i = from; i < from + count; ++i)
      if (i >= text.size() || text[i] < '0' || text[i] > '9') return false;
    return true;
  };
  auto number = [&](size_t from, size_t count) {
    uint32_t value = 0;
    for (size_t i = from; i < from + count; ++i) value = value * 10 + (text[i] - '0');
    return value;
  };
  if (!digits(0, 4)) return 0;
  const uint32_t year = number(0, 4);
  if (year < 1900) return 0;
  if (text.size() == 4) return year * 10000;
  size_t month_at = 4;
  if (text.size() == 7 && (text[4] == '-' || text[4] == '.' || text[4] == '/')) {
    month_at = 5;
  } else if (text.size() != 6) {
    return 0;
  }
  if (!digits(month_at, 2)) return 0;
  const uint32_t month = number(month_at, 2);
  if (month < 1 || month > 12) return 0;
  return year * 10000 + month * 100;
}

Date ParseDate(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c != '-' && c != '.' && c != '/' && c != ' ') {
      return 0;
    }
  }
  if (digits.size() != 8) return 0;
  const Date date = static_cast<Date>(std::stoul(digits));
  const uint32_t month = date / 100 % 100;
  const uint32_t day = date % 100;
  if (date / 10000 < 1900 || month < 1 || month > 12 || day < 1 || day > 31) return 0;
  return date;
}

}  // namespace bokji::geodata
