// Test helper: the real program lists of BOKJI_SHARED_DATA_DIR/services as bokji::Program, the way
// an importer would fill them (read here with a small CSV reader of its own, not the importer's).
//
//   std::vector<bokji::Program> jeonbuk = bokji::testdata::JeonbukPrograms();    // 404 전북
//   programs std::vector<bokji::Program> central = bokji::testdata::Crawl2022Programs();  // the
//   2022 crawl
//
// Header-only, so any *_test.cc can use it.
#pragma once

#include <cstdint>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/programs.h"
#include "gtest/gtest.h"

namespace bokji::testdata {

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string ServicesPath(const std::string& name) {
  return std::string(BOKJI_SHARED_DATA_DIR) + "/services/" + name;
}

// RFC 4180 CSV: comma-separated, fields in double quotes may hold commas, newlines and "" for a
// quote. Returns rows as maps from header name to field. A UTF-8 BOM before the header is dropped.
inline std::vector<std::map<std::string, std::string>> ReadCsv(const std::string& path) {
  std::string text = ReadFile(path);
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false, field_started = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"' && !field_started) {
      quoted = field_started = true;
    } else if (c == ',') {
      rows.back().push_back(field);
      field.clear();
      field_started = false;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      rows.back().push_back(field);
      field.clear();
      field_started = false;
      rows.emplace_back();
    } else {
      field += c;
      field_started = true;
    }
  }
  if (field_started || !rows.back().empty()) rows.back().push_back(field);
  if (rows.back().empty()) rows.pop_back();
  std::vector<std::map<std::string, std::string>> out;
  for (size_t r = 1; r < rows.size(); ++r) {
    EXPECT_EQ(rows[r].size(), rows[0].size()) << path << " row " << r;
    std::map<std::string, std::string> row;
    for (size_t c = 0; c < rows[0].size() && c < rows[r].size(); ++c) row[rows[0][c]] = rows[r][c];
    out.push_back(std::move(row));
  }
  return out;
}

// KOSTAT 2018 codes of the 14 시군 (boundaries/jeonbuk-municipalities-2018-geo.json; 전주시 is its
// 구 codes 35011/35012 rounded down, as model.h's Program::sigungu_code says).
inline const std::map<std::string, uint32_t>& CityCodes() {
  static const std::map<std::string, uint32_t> codes = {
      {"전주시", 35010}, {"군산시", 35020}, {"익산시", 35030}, {"정읍시", 35040}, {"남원시", 35050},
      {"김제시", 35060}, {"완주군", 35310}, {"진안군", 35320}, {"무주군", 35330}, {"장수군", 35340},
      {"임실군", 35350}, {"순창군", 35360}, {"고창군", 35370}, {"부안군", 35380}};
  return codes;
}

// jeonbuk_local_welfare_services.csv as Programs, the way an importer would fill them: rows for
// the whole province (empty 시군구, or the 교육청) are kProvince, the others kCity with their
// 시군's code.
inline std::vector<Program> JeonbukPrograms() {
  std::vector<Program> programs;
  for (auto& row : ReadCsv(ServicesPath("jeonbuk_local_welfare_services.csv"))) {
    Program p;
    p.service_id = row["id"];
    p.name = row["name"];
    p.summary = row["summary"];
    p.region_name = row["sigungu"].empty() ? row["sido"] : row["sigungu"];
    auto city = CityCodes().find(row["sigungu"]);
    if (city != CityCodes().end()) {
      p.level = ProgramLevel::kCity;
      p.sigungu_code = city->second;
    } else {
      p.level = ProgramLevel::kProvince;
    }
    p.life_stages = ParseLifeStageList(row["lifecycle"]);
    std::stringstream themes(row["themes"]);
    for (std::string t; std::getline(themes, t, ',');) {
      t.erase(0, t.find_first_not_of(' '));
      if (!t.empty()) p.themes.push_back(t);
    }
    programs.push_back(p);
  }
  return programs;
}

// bokjiro_crawl_central_2022.csv as central Programs with their 지원대상 and 선정기준 text.
inline std::vector<Program> Crawl2022Programs() {
  std::vector<Program> programs;
  for (auto& row : ReadCsv(ServicesPath("bokjiro_crawl_central_2022.csv"))) {
    Program p;
    p.name = row["title"];
    p.summary = row["sub_title"];
    p.level = ProgramLevel::kCentral;
    p.eligibility = row["support_target"];
    p.selection_criteria = row["selection_criteria"];
    p.targets = ParseTargetGroupList(row["badges"]);
    programs.push_back(p);
  }
  return programs;
}

}  // namespace bokji::testdata
