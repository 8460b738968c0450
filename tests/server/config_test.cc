// bokji-server's configuration (server/config.h): defaults, the file and the flags (flags win), and
// each kind of bad value refused with a message that names the key.
#include "server/config.h"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/server/server_test_util.h"

namespace bokji::server {
namespace {

Result<Config> Parse(std::vector<std::string> args) {
  std::vector<std::string> positional;
  return ParseConfig(args, &positional);
}

TEST(Config, DefaultsWithoutArguments) {
  Result<Config> c = Parse({});
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c.value().port, 8080);
  EXPECT_TRUE(c.value().frame_ancestors.empty());
  EXPECT_EQ(c.value().kiosk_paths, std::vector<std::string>{"/kiosk"});
  EXPECT_EQ(c.value().kiosk_idle_seconds, 60);
  EXPECT_EQ(c.value().kiosk_warning_seconds, 15);
  EXPECT_EQ(c.value().bundle, "build/site/data/jeonbuk-sample.bundle");
}

TEST(Config, FileThenFlagsWhicheverOrder) {
  testing::TempDir dir;
  std::ofstream(dir.Path("bokji.json"))
      << R"({"_comment": "a kiosk site", "kiosk_idle_seconds": 120, "port": 9000,
             "frame_ancestors": ["https://www.gunsan.go.kr"]})";
  Result<Config> c = Parse(
      {"--port", "9100", "--config", dir.Path("bokji.json"), "--kiosk-paths=/kiosk,/lobby-2"});
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c.value().port, 9100);  // the flag, though it came before --config
  EXPECT_EQ(c.value().kiosk_idle_seconds, 120);
  EXPECT_EQ(c.value().kiosk_warning_seconds, 15);
  EXPECT_EQ(c.value().frame_ancestors, std::vector<std::string>{"https://www.gunsan.go.kr"});
  EXPECT_EQ(c.value().kiosk_paths, (std::vector<std::string>{"/kiosk", "/lobby-2"}));
}

TEST(Config, BadValuesNameTheirKey) {
  struct Case {
    std::vector<std::string> args;
    std::string key;
  } cases[] = {
      {{"--kiosk-idle-seconds", "0"}, "kiosk_idle_seconds"},
      {{"--kiosk-warning-seconds", "-5"}, "kiosk_warning_seconds"},
      {{"--kiosk-idle-seconds", "soon"}, "--kiosk_idle_seconds"},
      {{"--kiosk-paths", "kiosk"}, "kiosk_paths"},         // not a path
      {{"--kiosk-paths", "/staff/kiosk"}, "kiosk_paths"},  // the staff pages' address
      {{"--kiosk-paths", "/k?mode=x"}, "kiosk_paths"},     // not letters, digits, - _ /
      {{"--kiosk-paths", "/a/../staff"}, "kiosk_paths"},
      {{"--frame-ancestors", "javascript:alert(1)"}, "frame_ancestors"},
      {{"--frame-ancestors", "https://a.kr; script-src *"}, "frame_ancestors"},
      {{"--kiosk", "1"}, "--kiosk"},  // unknown
      {{"--access-log-days", "30"}, "access_log_days"},
  };
  for (const Case& k : cases) {
    Result<Config> c = Parse(k.args);
    ASSERT_FALSE(c.ok()) << k.args[0] << " " << k.args[1];
    EXPECT_NE(c.status().message().find(k.key), std::string::npos)
        << k.args[0] << ": " << c.status().message();
  }
}

}  // namespace
}  // namespace bokji::server
