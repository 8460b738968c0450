// The string table's contents. One row per StringId, in the enum's order (checked at compile time);
// columns: Korean, English, Vietnamese, Chinese (simplified).
#include "web/model/strings.h"

#include <cassert>
#include <iterator>

namespace bokji::web {
namespace {

struct Row {
  StringId id;
  const char* text[kLanguageCount];
};

constexpr Row kRows[] = {
    {StringId::kAppTitle, {"복지지도", "Welfare Map", "Bản đồ phúc lợi", "福利地图"}},
    {StringId::kErrorTitle,
     {"복지지도를 열 수 없습니다", "The welfare map could not open",
      "Không mở được bản đồ phúc lợi", "无法打开福利地图"}},
    {StringId::kErrorWebGl,
     {"이 브라우저에서는 지도를 그릴 수 없습니다 (WebGL2를 사용할 수 없음).",
      "This browser cannot draw the map (WebGL2 is not available).",
      "Trình duyệt này không vẽ được bản đồ (không có WebGL2).",
      "此浏览器无法绘制地图（不支持 WebGL2）。"}},
    {StringId::kErrorGraphics,
     {"지도를 그리는 그래픽 기능에서 오류가 났습니다.",
      "The browser's graphics failed while drawing the map.",
      "Đồ họa của trình duyệt bị lỗi khi vẽ bản đồ.", "浏览器绘制地图时图形功能出错。"}},
    {StringId::kErrorFont,
     {"글꼴 파일을 읽을 수 없습니다.", "The font file could not be read.",
      "Không đọc được tệp phông chữ.", "无法读取字体文件。"}},
    {StringId::kErrorBundle,
     {"데이터 파일이 손상되었거나 형식이 맞지 않습니다.",
      "The data file is damaged or in the wrong format.", "Tệp dữ liệu bị hỏng hoặc sai định dạng.",
      "数据文件已损坏或格式不对。"}},
    {StringId::kDataInfoButton, {"데이터 정보", "About the data", "Về dữ liệu", "数据说明"}},
    {StringId::kDataInfoTitle, {"데이터 정보", "About the data", "Về dữ liệu", "数据说明"}},
    {StringId::kDataBuiltFormat,
     {"데이터 생성일: %s", "Data built: %s", "Ngày tạo dữ liệu: %s", "数据生成日期：%s"}},
    {StringId::kFacilityCountFormat,
     {"복지시설 %d곳", "%d welfare facilities", "%d cơ sở phúc lợi", "福利设施 %d 处"}},
    {StringId::kProgramCountFormat,
     {"복지서비스 %d개", "%d welfare programs", "%d dịch vụ phúc lợi", "福利服务 %d 项"}},
    {StringId::kRegionCountFormat,
     {"행정구역: 시도 %d, 시군구 %d, 읍면동 %d",
      "Regions: %d provinces, %d cities/counties, %d towns",
      "Khu vực: %d tỉnh, %d thành phố/huyện, %d xã/phường",
      "行政区：省级 %d 个，市郡区 %d 个，邑面洞 %d 个"}},
    {StringId::kSourcesHeading, {"출처", "Sources", "Nguồn", "来源"}},
    {StringId::kSourceDateFormat, {"기준일 %s", "as of %s", "tính đến %s", "截至 %s"}},
    {StringId::kSourcePublisherFormat,
     {"제공: %s", "Publisher: %s", "Nơi cung cấp: %s", "提供方：%s"}},
    {StringId::kSourceLicenceFormat,
     {"이용조건: %s", "Licence: %s", "Điều kiện sử dụng: %s", "使用条件：%s"}},
    {StringId::kDataCaveat,
     {"시설 위치와 정보는 공공데이터 원문 그대로이며, 기준일 이후 바뀌었을 수 있습니다.",
      "Facility locations and details are as published in public data and may have changed "
      "since.",
      "Vị trí và thông tin cơ sở giữ nguyên như dữ liệu công khai, có thể đã thay đổi sau ngày đó.",
      "设施位置和信息与公开数据原文一致，之后可能已有变化。"}},
    {StringId::kZoomIn, {"확대", "Zoom in", "Phóng to", "放大"}},
    {StringId::kZoomOut, {"축소", "Zoom out", "Thu nhỏ", "缩小"}},
    {StringId::kFitProvince, {"전체 보기", "Show all", "Xem toàn bộ", "查看全部"}},
    {StringId::kLegendTitle, {"시설 종류", "Facility types", "Loại cơ sở", "设施类型"}},
    {StringId::kBoundaryAttribution,
     {"행정경계: 통계청 통계지리정보서비스(2018)", "Boundaries: Statistics Korea SGIS (2018)",
      "Ranh giới: Thống kê Hàn Quốc SGIS (2018)", "行政边界：韩国统计厅 SGIS（2018）"}},
    {StringId::kCardAddress, {"주소", "Address", "Địa chỉ", "地址"}},
    {StringId::kCardLotAddress, {"지번", "Lot address", "Địa chỉ số lô", "地番地址"}},
    {StringId::kCardPhone, {"전화", "Phone", "Điện thoại", "电话"}},
    {StringId::kCardCall, {"전화 걸기", "Call", "Gọi điện", "打电话"}},
    {StringId::kCardHours, {"운영시간", "Hours", "Giờ mở cửa", "开放时间"}},
    {StringId::kCardTargets, {"이용 대상", "For", "Dành cho", "服务对象"}},
    {StringId::kCardOperator, {"운영", "Operator", "Đơn vị vận hành", "运营方"}},
    {StringId::kCardSource, {"출처", "Source", "Nguồn", "来源"}},
    {StringId::kCardSourceDateFormat,
     {"자료 기준일 %s", "data as of %s", "dữ liệu tính đến %s", "数据截至 %s"}},
    {StringId::kCardVerifiedFormat, {"확인일 %s", "verified %s", "đã xác nhận %s", "核实日期 %s"}},
    {StringId::kCardDirectionsKakao,
     {"카카오맵 길찾기", "Directions (Kakao Map)", "Chỉ đường (Kakao Map)", "路线（Kakao 地图）"}},
    {StringId::kCardDirectionsNaver,
     {"네이버지도 길찾기", "Directions (Naver Map)", "Chỉ đường (Naver Map)",
      "路线（Naver 地图）"}},
    {StringId::kCardClose, {"닫기", "Close", "Đóng", "关闭"}},
    {StringId::kNotStated, {"정보 없음", "Not stated", "Không có thông tin", "无信息"}},
    {StringId::kSearchHint,
     {"시설·복지서비스·지역 검색", "Search facilities, programs, places",
      "Tìm cơ sở, dịch vụ, địa điểm", "搜索设施、服务、地区"}},
    {StringId::kSearchClear, {"검색어 지우기", "Clear search", "Xóa từ khóa", "清除搜索"}},
    {StringId::kSearchFacilities, {"복지시설", "Facilities", "Cơ sở phúc lợi", "福利设施"}},
    {StringId::kSearchRegions, {"지역", "Places", "Địa điểm", "地区"}},
    {StringId::kSearchPrograms, {"복지서비스", "Welfare programs", "Dịch vụ phúc lợi", "福利服务"}},
    {StringId::kSearchNoResults,
     {"검색 결과가 없습니다.", "Nothing found.", "Không tìm thấy gì.", "没有搜索结果。"}},
    {StringId::kNearMeButton, {"내 주변", "Near me", "Gần tôi", "我附近"}},
    {StringId::kNearMeTitle,
     {"가까운 복지시설", "Nearest facilities", "Cơ sở gần nhất", "最近的设施"}},
    {StringId::kLocating,
     {"내 위치를 확인하는 중…", "Finding your location…", "Đang tìm vị trí của bạn…",
      "正在确定您的位置…"}},
    {StringId::kLocationDenied,
     {"위치 사용이 허용되지 않아 내 위치를 찾을 수 없습니다.", "Location access was not allowed.",
      "Không được phép dùng vị trí.", "未获准使用位置信息。"}},
    {StringId::kLocationUnavailable,
     {"지금은 내 위치를 확인할 수 없습니다.", "Your location is not available right now.",
      "Hiện không tìm được vị trí của bạn.", "现在无法确定您的位置。"}},
    {StringId::kNearMeNone,
     {"표시할 시설이 없습니다.", "No facilities to show.", "Không có cơ sở nào để hiện.",
      "没有可显示的设施。"}},
    {StringId::kNearFallbackHint,
     {"위치를 고르는 다른 방법:", "Choose a place another way:", "Chọn nơi theo cách khác:",
      "用其他方式选择地点："}},
    {StringId::kPickOnMap,
     {"지도에서 위치 누르기", "Tap the map", "Chạm vào bản đồ", "在地图上点选"}},
    {StringId::kPickOnMapHint,
     {"지도에서 찾을 곳을 누르세요.", "Tap the map where you want to search from.",
      "Chạm vào nơi bạn muốn tìm trên bản đồ.", "请在地图上点您要查找的地方。"}},
    {StringId::kPickRegion, {"지역 고르기", "Choose an area", "Chọn khu vực", "选择地区"}},
    {StringId::kNearClear, {"기준 위치 지우기", "Clear the place", "Xóa nơi đã chọn", "清除地点"}},
    {StringId::kPlaceMyLocation, {"내 위치", "your location", "vị trí của bạn", "我的位置"}},
    {StringId::kPlacePicked, {"고른 곳", "the chosen place", "nơi đã chọn", "所选地点"}},
    {StringId::kFiltersTitle, {"조건", "Filters", "Điều kiện", "筛选"}},
    {StringId::kFilterTarget, {"대상", "For", "Dành cho", "对象"}},
    {StringId::kFilterAny, {"전체", "Anyone", "Tất cả", "全部"}},
    {StringId::kFilterRegion, {"지역", "Area", "Khu vực", "地区"}},
    {StringId::kFilterAllSigungu,
     {"모든 시군", "All cities and counties", "Mọi thành phố, huyện", "所有市郡"}},
    {StringId::kFilterAllEmd, {"모든 읍면동", "All towns", "Mọi xã, phường", "所有邑面洞"}},
    {StringId::kFilterOpenNow,
     {"지금 운영 중인 곳만", "Open now only", "Chỉ nơi đang mở cửa", "只看正在开放的"}},
    {StringId::kFilterOpenNowNoData,
     {"이 자료에는 운영시간이 있는 시설이 없어 쓸 수 없습니다.",
      "No facility in this data has opening hours, so this cannot be used.",
      "Dữ liệu này không có giờ mở cửa của cơ sở nào, nên không dùng được.",
      "本数据中没有设施的开放时间，所以不能使用。"}},
    {StringId::kFilterOpenNowNoteFormat,
     {"운영시간을 아는 %d곳 중에서만 찾습니다.",
      "Only among the %d facilities whose hours are known.",
      "Chỉ tìm trong %d cơ sở có giờ mở cửa.", "只在已知开放时间的 %d 处设施中查找。"}},
    {StringId::kFilterReset, {"조건 지우기", "Clear filters", "Xóa điều kiện", "清除筛选"}},
    {StringId::kListInViewFormat,
     {"지도 안의 시설 %d곳", "%d facilities on the map", "%d cơ sở trên bản đồ",
      "地图内设施 %d 处"}},
    {StringId::kListNearFormat,
     {"%s에서 가까운 시설", "Nearest to %s", "Gần %s nhất", "离%s最近的设施"}},
    {StringId::kListShownFormat,
     {"가까운 %d곳을 보여 줍니다.", "Showing the nearest %d.", "Hiện %d nơi gần nhất.",
      "显示最近的 %d 处。"}},
    {StringId::kListEmpty,
     {"조건에 맞는 시설이 없습니다. 지도를 옮기거나 조건을 바꿔 보세요.",
      "No facility matches. Move the map or change the filters.",
      "Không có cơ sở phù hợp. Hãy kéo bản đồ hoặc đổi điều kiện.",
      "没有符合条件的设施。请移动地图或更改筛选。"}},
    {StringId::kListShow, {"목록 보기", "Show list", "Xem danh sách", "显示列表"}},
    {StringId::kListHide, {"목록 닫기", "Hide list", "Ẩn danh sách", "隐藏列表"}},
    {StringId::kOpenNowBadge, {"지금 운영 중", "Open now", "Đang mở cửa", "正在开放"}},
    {StringId::kClosedNowBadge,
     {"지금은 운영 시간이 아님", "Closed now", "Đang đóng cửa", "现在不开放"}},
    {StringId::kCardCopyLink, {"링크 복사", "Copy link", "Sao chép liên kết", "复制链接"}},
    {StringId::kCardLinkCopied,
     {"링크를 복사했습니다", "Link copied", "Đã sao chép liên kết", "已复制链接"}},
    {StringId::kTilesToggle,
     {"배경 지도 타일 (OpenStreetMap)", "Map tiles (OpenStreetMap)",
      "Ảnh nền bản đồ (OpenStreetMap)", "底图（OpenStreetMap）"}},
    {StringId::kTilesCreditOsm,
     {"© OpenStreetMap 기여자", "© OpenStreetMap contributors", "© Cộng tác viên OpenStreetMap",
      "© OpenStreetMap 贡献者"}},
    {StringId::kTilesCreditFormat,
     {"지도 타일: %s", "Map tiles: %s", "Ảnh bản đồ: %s", "地图图块：%s"}},
    {StringId::kEducationButton,
     {"복지 교육", "Welfare education", "Lớp học phúc lợi", "福利教育"}},
    {StringId::kEducationTitle, {"복지 교육", "Welfare education", "Lớp học phúc lợi", "福利教育"}},
    {StringId::kEducationForCitizens, {"주민 대상", "For residents", "Cho cư dân", "面向居民"}},
    {StringId::kEducationForWorkers,
     {"종사자 대상", "For welfare workers", "Cho nhân viên phúc lợi", "面向福利从业者"}},
    {StringId::kEducationForEveryone, {"누구나", "For everyone", "Cho mọi người", "所有人"}},
    {StringId::kEducationShowPast,
     {"지난 교육도 보기", "Include past events", "Xem cả lớp đã qua", "也显示过去的课程"}},
    {StringId::kEducationPast, {"· 지난 교육", "· past", "· đã qua", "· 已结束"}},
    {StringId::kEducationNoneInData,
     {"아직 이 자료에는 복지 교육 일정이 없습니다. 시군과 기관이 교육 일정을 등록하면 여기에 "
      "나옵니다.",
      "This data has no welfare education events yet. They appear here once cities and "
      "organisations register them.",
      "Dữ liệu này chưa có lịch lớp học phúc lợi. Lịch sẽ hiện ở đây khi thành phố và cơ quan đăng "
      "ký.",
      "本数据中还没有福利教育日程。市郡和机构登记后会显示在这里。"}},
    {StringId::kEducationNoneMatching,
     {"조건에 맞는 교육이 없습니다. '지난 교육도 보기'를 켜거나 대상을 바꿔 보세요.",
      "No event matches. Include past events or choose another audience.",
      "Không có lớp phù hợp. Hãy bật 'Xem cả lớp đã qua' hoặc đổi đối tượng.",
      "没有符合条件的课程。请打开“也显示过去的课程”或更换对象。"}},
    {StringId::kEducationStatutoryNote,
     {"사회복지 종사자의 법정 보수교육은 한국사회복지사협회가 안내합니다.",
      "Statutory training for social workers is announced by the Korea Association of Social "
      "Workers.",
      "Lớp đào tạo bắt buộc cho nhân viên xã hội do Hiệp hội Nhân viên Xã hội Hàn Quốc thông báo.",
      "社会福利从业者的法定进修教育由韩国社会福利师协会公布。"}},
    {StringId::kEducationStatutoryLink,
     {"사회복지사 보수교육 안내 열기", "Open the statutory training page",
      "Mở trang đào tạo bắt buộc", "打开法定进修教育页面"}},
    {StringId::kEducationStatutoryUrl,
     {"https://www.welfare.net", "https://www.welfare.net", "https://www.welfare.net",
      "https://www.welfare.net"}},
    {StringId::kEducationOrganiserFormat, {"주최: %s", "Organiser: %s", "Tổ chức: %s", "主办：%s"}},
    {StringId::kEducationFeeFormat, {"수강료: %s", "Fee: %s", "Học phí: %s", "费用：%s"}},
    {StringId::kEducationContactFormat, {"문의: %s", "Contact: %s", "Liên hệ: %s", "咨询：%s"}},
    {StringId::kEducationOpenLink,
     {"안내·신청 페이지", "Details and sign-up", "Chi tiết và đăng ký", "详情和报名"}},
    {StringId::kEducationShowOnMap,
     {"지도에서 보기", "Show on the map", "Xem trên bản đồ", "在地图上查看"}},
    {StringId::kProgramLevelCentral, {"중앙부처", "National", "Trung ương", "中央"}},
    {StringId::kProgramLevelProvince, {"도", "Province", "Tỉnh", "道级"}},
    {StringId::kProgramLevelCity, {"시군", "City/county", "Thành phố/huyện", "市郡"}},
    {StringId::kProgramLevelPrivate, {"민간", "Private", "Tư nhân", "民间"}},
    {StringId::kProgramProvider, {"담당", "Run by", "Phụ trách", "负责部门"}},
    {StringId::kProgramSummary, {"내용", "What it is", "Nội dung", "内容"}},
    {StringId::kProgramBenefits, {"지원 내용", "What you receive", "Bạn nhận được gì", "支援内容"}},
    {StringId::kProgramEligibility, {"지원 대상", "Who can get it", "Ai được nhận", "支援对象"}},
    {StringId::kProgramSelection, {"선정 기준", "Selection criteria", "Tiêu chí chọn", "选定标准"}},
    {StringId::kProgramHowToApply, {"신청 방법", "How to apply", "Cách đăng ký", "申请方法"}},
    {StringId::kProgramContact, {"문의", "Contact", "Liên hệ", "咨询"}},
    {StringId::kProgramProvision, {"지원 형태", "Form of support", "Hình thức hỗ trợ", "支援形式"}},
    {StringId::kProgramCycle, {"지원 주기", "How often", "Bao lâu một lần", "支援周期"}},
    {StringId::kProgramOpenLink,
     {"복지로에서 자세히 보기", "Details on Bokjiro", "Xem chi tiết trên Bokjiro",
      "在福祉路（Bokjiro）查看详情"}},
    {StringId::kProgramUpdatedFormat, {"최종 수정 %s", "updated %s", "cập nhật %s", "最后修改 %s"}},
    // ---- Programs view, facility card link and self-check (web/programs_panel.cc) ----
    {StringId::kProgramsButton,
     {"복지서비스 찾기", "Find welfare programs", "Tìm dịch vụ phúc lợi", "查找福利服务"}},
    {StringId::kFacilityCityPrograms,
     {"이 지역 복지서비스", "Welfare programs in this area", "Dịch vụ phúc lợi ở khu vực này",
      "本地区的福利服务"}},
    {StringId::kProgramsTitle, {"복지서비스", "Welfare programs", "Dịch vụ phúc lợi", "福利服务"}},
    {StringId::kProgramsBackToMap, {"← 지도로", "← Back to the map", "← Về bản đồ", "← 返回地图"}},
    {StringId::kProgramsBackToList,
     {"← 목록으로", "← Back to the list", "← Về danh sách", "← 返回列表"}},
    {StringId::kProgramsSearchHint,
     {"서비스 이름 검색 (초성도 돼요: ㅊㄴ)", "Search program names", "Tìm tên dịch vụ",
      "搜索服务名称"}},
    {StringId::kProgramsLifeStage, {"생애주기", "Life stage", "Giai đoạn cuộc đời", "人生阶段"}},
    {StringId::kProgramsTheme, {"관심주제", "Topic", "Chủ đề", "主题"}},
    {StringId::kProgramsTarget, {"대상", "For", "Dành cho", "对象"}},
    {StringId::kProgramsRegion, {"지역", "Area", "Khu vực", "地区"}},
    {StringId::kProgramsAll, {"전체", "All", "Tất cả", "全部"}},
    {StringId::kProgramsRegionCommon,
     {"전국·전북 공통 서비스만", "Nationwide and province-wide only",
      "Chỉ dịch vụ toàn quốc và toàn tỉnh", "只看全国和全北通用的服务"}},
    {StringId::kProgramsCountFormat, {"서비스 %d개", "%d programs", "%d dịch vụ", "服务 %d 项"}},
    {StringId::kProgramsUnstatedStageFormat,
     {"생애주기가 자료에 없는 서비스 %d개는 빠져 있어요.",
      "%d programs with no life stage in the data are left out.",
      "Đã bỏ ra %d dịch vụ không ghi giai đoạn cuộc đời.",
      "已去掉 %d 项资料中没有人生阶段的服务。"}},
    {StringId::kProgramsIncludeUnstated,
     {"생애주기가 자료에 없는 서비스도 보기", "Also show programs with no life stage in the data",
      "Xem cả dịch vụ không ghi giai đoạn cuộc đời", "也显示没有人生阶段的服务"}},
    {StringId::kProgramsNone,
     {"조건에 맞는 서비스가 없어요.", "No programs match.", "Không có dịch vụ phù hợp.",
      "没有符合条件的服务。"}},
    {StringId::kProgramsResetFilters,
     {"조건 모두 지우기", "Clear all choices", "Xóa mọi lựa chọn", "清除所有条件"}},
    {StringId::kProgramNoData,
     {"자료에 없음", "Not in the data", "Không có trong dữ liệu", "资料中没有"}},
    {StringId::kProgramApply,
     {"신청하기 / 자세히 보기 (복지로)", "Apply / details (Bokjiro)",
      "Đăng ký / chi tiết (Bokjiro)", "申请 / 详情（福祉路）"}},
    {StringId::kProgramNoApplyUrl,
     {"신청 주소가 자료에 없어요.", "No application link in the data.",
      "Dữ liệu không có địa chỉ đăng ký.", "资料中没有申请链接。"}},
    {StringId::kProgramLevelAndRegion,
     {"구분·지역", "Level and area", "Cấp và khu vực", "级别·地区"}},
    {StringId::kProgramOffice, {"제공기관", "Provided by", "Cơ quan cung cấp", "提供机构"}},
    {StringId::kStagePregnancy,
     {"임신·출산", "Pregnancy & birth", "Mang thai & sinh con", "怀孕·生育"}},
    {StringId::kStageInfant, {"영유아", "Infants", "Trẻ nhỏ", "婴幼儿"}},
    {StringId::kStageChild, {"아동", "Children", "Trẻ em", "儿童"}},
    {StringId::kStageTeen, {"청소년", "Teenagers", "Thanh thiếu niên", "青少年"}},
    {StringId::kStageYoungAdult, {"청년", "Young adults", "Thanh niên", "青年"}},
    {StringId::kStageMiddleAge, {"중장년", "Middle age", "Trung niên", "中壮年"}},
    {StringId::kStageSenior, {"노년", "Older people", "Người cao tuổi", "老年"}},
    {StringId::kSelfCheckButton,
     {"맞춤 찾기 (몇 가지 질문)", "Find programs for me (a few questions)",
      "Tìm dịch vụ cho tôi (vài câu hỏi)", "为我查找（几个问题）"}},
    {StringId::kSelfCheckIntro,
     {"몇 가지 질문에 답하면 맞을 만한 서비스를 골라 드려요. 답하기 어려운 질문은 건너뛰세요. "
      "답변은 이 화면에만 있고, 저장하거나 보내지 않아요.",
      "Answer a few questions and we pick programs that may fit. Skip any question. Your answers "
      "stay on this screen: nothing is stored or sent.",
      "Trả lời vài câu hỏi. Chúng tôi chọn dịch vụ có thể hợp với bạn. Câu nào khó thì bỏ qua. Câu "
      "trả lời chỉ ở trên màn hình này: không lưu, không gửi đi.",
      "回答几个问题，我们为您挑出可能适合的服务。难回答的问题可以跳过。答案只在这个页面上，不保存，"
      "也不发送。"}},
    {StringId::kSelfCheckStepFormat,
     {"질문 %d / %d", "Question %d of %d", "Câu %d / %d", "问题 %d / %d"}},
    {StringId::kSelfCheckSkip, {"건너뛰기", "Skip", "Bỏ qua", "跳过"}},
    {StringId::kSelfCheckBack, {"이전", "Back", "Trước", "上一步"}},
    {StringId::kSelfCheckNext, {"다음", "Next", "Tiếp", "下一步"}},
    {StringId::kSelfCheckYes, {"예", "Yes", "Có", "是"}},
    {StringId::kSelfCheckNo, {"아니요", "No", "Không", "否"}},
    {StringId::kQuestionAge,
     {"나이가 어떻게 되세요? (만 나이)", "How old are you?", "Bạn bao nhiêu tuổi? (tuổi tròn)",
      "您几岁？（周岁）"}},
    {StringId::kQuestionAgeExact,
     {"정확한 나이를 골라 주세요.", "Choose your exact age.", "Hãy chọn đúng tuổi của bạn.",
      "请选择您的确切年龄。"}},
    {StringId::kAgeBandFormat, {"%d~%d세", "%d–%d", "%d–%d tuổi", "%d–%d 岁"}},
    {StringId::kAgeAtLeastFormat, {"%d세 이상", "%d or older", "Từ %d tuổi", "%d 岁以上"}},
    {StringId::kAgeFormat, {"%d세", "%d", "%d tuổi", "%d 岁"}},
    {StringId::kQuestionCity,
     {"어느 시군에 사세요?", "Which city or county do you live in?",
      "Bạn sống ở thành phố hay huyện nào?", "您住在哪个市或郡？"}},
    {StringId::kQuestionHousehold,
     {"우리 집은 어떤가요? 맞는 것을 모두 골라 주세요.",
      "Choose every situation that applies to your household.",
      "Nhà bạn thế nào? Chọn tất cả ý đúng.", "您家是什么情况？请选出所有符合的。"}},
    {StringId::kHouseholdSingle, {"1인 가구", "Living alone", "Sống một mình", "一个人住"}},
    {StringId::kHouseholdSingleParent,
     {"한부모·조손 가족", "Single parent or grandparent-led family",
      "Chỉ có cha hoặc mẹ, hoặc ông bà nuôi cháu", "单亲家庭或祖父母带孙子女"}},
    {StringId::kHouseholdManyChildren,
     {"다자녀 가구", "Three or more children", "Có từ 3 con trở lên", "有三个以上子女"}},
    {StringId::kHouseholdNone, {"해당 없음", "None of these", "Không có ý nào đúng", "都不是"}},
    {StringId::kQuestionDisability,
     {"가족 중에 장애인 등록을 한 분이 있나요?",
      "Does anyone in your household have a registered disability?",
      "Trong nhà có người khuyết tật đã đăng ký không?", "家里有已登记的残疾人吗？"}},
    {StringId::kQuestionPregnant,
     {"가족 중에 임신한 분이 있나요?", "Is anyone in your household pregnant?",
      "Trong nhà có ai đang mang thai không?", "家里有人怀孕吗？"}},
    {StringId::kQuestionChildren,
     {"같이 사는 자녀는 몇 살인가요? 모두 골라 주세요. (만 나이)",
      "Choose the age of every child living with you.",
      "Con sống cùng bạn bao nhiêu tuổi? Chọn tuổi của mọi con. (tuổi tròn)",
      "同住的子女几岁？请选出每个子女的年龄。（周岁）"}},
    {StringId::kChildrenNone, {"자녀 없음", "No children", "Không có con", "没有子女"}},
    {StringId::kQuestionIncome,
     {"온 가족 소득이 기준중위소득(나라가 해마다 정하는 가운데 소득)의 몇 %쯤인가요?",
      "Household income as a share of the standard median income (the middle income the government "
      "sets each year)?",
      "Thu nhập của cả nhà bằng khoảng bao nhiêu % thu nhập trung vị chuẩn (mức thu nhập giữa do "
      "Nhà nước công bố)?",
      "全家收入大约是标准中位收入（国家公布的中间收入）的百分之几？"}},
    {StringId::kIncomeHelp,
     {"모르면 건너뛰세요. 행정복지센터(동네 주민센터)에서 알려 드려요.",
      "If you do not know, skip: your community service centre can tell you.",
      "Nếu không biết thì bỏ qua. Trung tâm hành chính phúc lợi (ủy ban phường, xã) sẽ cho bạn "
      "biết.",
      "不知道就跳过。行政福利中心（街道、乡镇的办事处）会告诉您。"}},
    {StringId::kIncomeUpTo50, {"50% 이하", "Up to 50%", "Đến 50%", "50% 以下"}},
    {StringId::kIncome51To100, {"51~100%", "51–100%", "51–100%", "51–100%"}},
    {StringId::kIncome101To150, {"101~150%", "101–150%", "101–150%", "101–150%"}},
    {StringId::kIncomeAbove150, {"151% 이상", "Over 150%", "Trên 150%", "151% 以上"}},
    {StringId::kQuestionVeteran,
     {"가족 중에 국가보훈대상자(나라를 위해 일하다 다친 분 등)가 있나요?",
      "Is anyone in your household a registered veteran (국가보훈대상자)?",
      "Trong nhà có người được Nhà nước ghi công (như cựu chiến binh) không?",
      "家里有国家功勋对象（如退伍军人）吗？"}},
    {StringId::kQuestionMulticultural,
     {"다문화가족(외국에서 온 가족이 있는 집)인가요?", "Are you a multicultural family?",
      "Nhà bạn là gia đình đa văn hóa (có người từ nước khác đến) không?",
      "您家是多文化家庭（有来自外国的家人）吗？"}},
    {StringId::kSelfCheckShowResults, {"결과 보기", "Show results", "Xem kết quả", "查看结果"}},
    {StringId::kSelfCheckResultsTitle,
     {"맞춤 찾기 결과", "Programs that may fit", "Dịch vụ có thể hợp", "可能适合的服务"}},
    {StringId::kSelfCheckMatchCountFormat,
     {"맞을 수 있는 서비스 %d개 (답한 질문 %d개)", "%d programs may fit (%d questions answered)",
      "%d dịch vụ có thể hợp (đã trả lời %d câu)", "可能适合的服务 %d 项（已回答 %d 个问题）"}},
    {StringId::kSelfCheckCheckCriteria,
     {"선정기준을 꼭 확인하세요. 여기 나왔다고 받을 수 있다는 뜻은 아니에요.",
      "Always check the selection criteria: being listed here does not mean you qualify.",
      "Hãy xem kỹ tiêu chí chọn. Có tên ở đây không có nghĩa là chắc chắn được nhận.",
      "请一定要看选定标准。出现在这里不代表一定能领取。"}},
    {StringId::kSelfCheckClear,
     {"내 답변 지우기", "Clear my answers", "Xóa câu trả lời", "清除我的回答"}},
    {StringId::kSelfCheckEdit, {"답변 고치기", "Change my answers", "Sửa câu trả lời", "修改回答"}},
    {StringId::kSelfCheckMore, {"더 보기", "Show more", "Xem thêm", "查看更多"}},
    {StringId::kReasonInYourCity,
     {"사시는 시군의 서비스예요.", "A program of the city or county you live in.",
      "Dịch vụ của thành phố/huyện nơi bạn sống.", "您所住市郡的服务。"}},
    {StringId::kReasonProvinceWide,
     {"전북 도민 누구나 대상인 도 서비스예요.", "A province program for everyone in Jeonbuk.",
      "Dịch vụ của tỉnh, cho mọi người dân Jeonbuk.", "道级服务，全北居民都可以。"}},
    {StringId::kReasonNationwide,
     {"전국 어디서나 받는 중앙정부 서비스예요.", "A national program, available everywhere.",
      "Dịch vụ của trung ương, ở đâu cũng nhận được.", "中央政府的服务，全国各地都可以。"}},
    {StringId::kReasonLifeStage,
     {"생애주기가 맞아요.", "Your life stage fits.", "Hợp với giai đoạn cuộc đời của bạn.",
      "符合您的人生阶段。"}},
    {StringId::kReasonTargetGroupFormat,
     {"%s 대상 서비스예요.", "For %s.", "Dịch vụ dành cho %s.", "面向%s的服务。"}},
    {StringId::kReasonAge,
     {"안내문의 나이 조건에 맞는 가족이 있어요.",
      "Someone in your household fits the age limit in the text.",
      "Nhà bạn có người hợp với điều kiện tuổi trong văn bản.", "您家有人符合说明中的年龄条件。"}},
    {StringId::kReasonIncome,
     {"안내문의 소득 조건에 맞아요.", "Your income fits the limit in the text.",
      "Thu nhập của bạn hợp với điều kiện trong văn bản.", "您的收入符合说明中的条件。"}},
    {StringId::kUnknownSigungu,
     {"그 시군 주민만 받을 수 있어요. (사는 곳을 답하지 않았어요)",
      "Only for residents of its city or county (you did not say where you live).",
      "Chỉ cho cư dân thành phố/huyện đó (bạn chưa nói nơi sống).",
      "只限该市郡居民（您没有回答住在哪里）。"}},
    {StringId::kUnknownAge,
     {"나이를 답하지 않았어요.", "You did not give your age.", "Bạn chưa nói tuổi.",
      "您没有回答年龄。"}},
    {StringId::kUnknownChildren,
     {"자녀 나이를 답하지 않았어요.", "You did not give your children's ages.",
      "Bạn chưa nói tuổi của con.", "您没有回答子女的年龄。"}},
    {StringId::kUnknownPregnancy,
     {"임신 여부를 답하지 않았어요.", "You did not say whether anyone is pregnant.",
      "Bạn chưa nói có ai mang thai không.", "您没有回答是否有人怀孕。"}},
    {StringId::kUnknownHousehold,
     {"가구 상황을 답하지 않았어요.", "You did not describe your household.",
      "Bạn chưa nói về gia đình.", "您没有回答家庭情况。"}},
    {StringId::kUnknownDisability,
     {"장애 여부를 답하지 않았어요.", "You did not say whether anyone has a disability.",
      "Bạn chưa nói có ai khuyết tật không.", "您没有回答是否有残疾人。"}},
    {StringId::kUnknownIncome,
     {"소득을 답하지 않았어요.", "You did not give your income.", "Bạn chưa nói thu nhập.",
      "您没有回答收入。"}},
    {StringId::kUnknownVeteran,
     {"보훈대상 여부를 답하지 않았어요.", "You did not say whether anyone is a veteran.",
      "Bạn chưa nói có người được ghi công không.", "您没有回答是否有国家功勋对象。"}},
    {StringId::kUnknownMulticultural,
     {"다문화가족 여부를 답하지 않았어요.",
      "You did not say whether you are a multicultural family.",
      "Bạn chưa nói có phải gia đình đa văn hóa không.", "您没有回答是否是多文化家庭。"}},
    {StringId::kUnknownRegionUnclear,
     {"어느 시군의 서비스인지 자료에 없어요.",
      "The data does not say which city or county runs it.",
      "Dữ liệu không ghi đây là dịch vụ của thành phố/huyện nào.",
      "资料中没有写是哪个市郡的服务。"}},
    {StringId::kUnknownAgeMayNotFit,
     {"나이 조건이 맞지 않을 수 있어요. 확인이 필요해요.",
      "The age limit may not fit: please check.", "Điều kiện tuổi có thể không hợp. Cần kiểm tra.",
      "年龄条件可能不符合，需要确认。"}},
    {StringId::kUnknownIncomeMayNotFit,
     {"소득 조건이 맞지 않을 수 있어요. 확인이 필요해요.",
      "The income limit may not fit: please check.",
      "Điều kiện thu nhập có thể không hợp. Cần kiểm tra.", "收入条件可能不符合，需要确认。"}},
    {StringId::kUnknownTargetMayNotFit,
     {"지원 대상이 맞지 않을 수 있어요. 확인이 필요해요.",
      "Who it is for may not fit: please check.", "Đối tượng có thể không hợp. Cần kiểm tra.",
      "服务对象可能不符合，需要确认。"}},
    {StringId::kUnknownCheckCriteria,
     {"선정기준을 확인하세요.", "Check the selection criteria.", "Hãy xem tiêu chí chọn.",
      "请查看选定标准。"}},
    {StringId::kMatchOpenCard, {"자세히 보기", "Details", "Chi tiết", "详情"}},
    {StringId::kBack, {"뒤로", "Back", "Quay lại", "返回"}},
    {StringId::kSearchTotalFormat, {"%s (%d)", "%s (%d)", "%s (%d)", "%s（%d）"}},
    {StringId::kMoreFormat,
     {"더 보기 (%d개 더)", "Show more (%d more)", "Xem thêm (%d nữa)", "查看更多（还有 %d 项）"}},
    {StringId::kFitNamesYou,
     {"내 답변에 맞는 조건이 있는 서비스", "Programs naming something you answered",
      "Dịch vụ có điều kiện khớp câu trả lời", "条件与您的回答相符的服务"}},
    {StringId::kFitOpen,
     {"더 확인해야 하는 서비스", "Programs to check further", "Dịch vụ cần kiểm tra thêm",
      "需要进一步确认的服务"}},
    {StringId::kFitMayNotFit,
     {"조건이 맞지 않을 수 있는 서비스", "Programs whose conditions may not fit",
      "Dịch vụ có thể không hợp điều kiện", "条件可能不符合的服务"}},
    {StringId::kGroupHeadingFormat, {"%s · %d개", "%s · %d", "%s · %d", "%s · %d 项"}},
    {StringId::kGroupBy, {"묶어 보기", "Group by", "Nhóm theo", "分组"}},
    {StringId::kGroupByFit, {"맞는 정도", "Fit", "Mức hợp", "符合程度"}},
    {StringId::kGroupByTheme, {"관심주제", "Topic", "Chủ đề", "主题"}},
    {StringId::kGroupByLevel, {"지역 단위", "Level", "Cấp", "级别"}},
    {StringId::kThemeNone, {"관심주제 없음", "No topic stated", "Không ghi chủ đề", "无主题"}},
    {StringId::kNextQuestionFormat,
     {"'%s' 질문에 답하면 서비스 %d개의 조건을 더 확인할 수 있어요.",
      "Answering '%s' would settle %d of these programs.",
      "Trả lời câu '%s' sẽ làm rõ %d dịch vụ này.", "回答“%s”问题，可以确认其中 %d 项服务。"}},
    {StringId::kNextQuestionNarrowsFormat,
     {"'%s' 질문에 답하면 목록이 평균 %d개쯤 줄어요.",
      "Answering '%s' would take about %d programs off this list.",
      "Trả lời câu '%s' sẽ bớt khoảng %d dịch vụ khỏi danh sách.",
      "回答“%s”问题，列表大约会减少 %d 项。"}},
    {StringId::kAnswerNextQuestion,
     {"이 질문에 답하기", "Answer this question", "Trả lời câu này", "回答这个问题"}},
    {StringId::kQuestionLabelAge, {"나이", "age", "tuổi", "年龄"}},
    {StringId::kQuestionLabelCity, {"사는 곳", "where you live", "nơi sống", "居住地"}},
    {StringId::kQuestionLabelHousehold, {"가구 상황", "household", "gia đình", "家庭情况"}},
    {StringId::kQuestionLabelDisability, {"장애", "disability", "khuyết tật", "残疾"}},
    {StringId::kQuestionLabelPregnant, {"임신", "pregnancy", "mang thai", "怀孕"}},
    {StringId::kQuestionLabelChildren, {"자녀", "children", "con", "子女"}},
    {StringId::kQuestionLabelIncome, {"소득", "income", "thu nhập", "收入"}},
    {StringId::kQuestionLabelVeteran, {"보훈", "veterans", "người có công", "国家功勋"}},
    {StringId::kQuestionLabelMulticultural,
     {"다문화", "multicultural family", "đa văn hóa", "多文化家庭"}},
    // Accessibility (issue 11): the accessible mirror, text size, contrast, language
    {StringId::kMirrorMapRegion, {"지도", "Map", "Bản đồ", "地图"}},
    {StringId::kMirrorMapAroundFormat,
     {"%s 주변 시설 %d곳", "Around %s: %d facilities", "Quanh %s: %d cơ sở", "%s 周边设施 %d 处"}},
    {StringId::kMirrorMapKeys,
     {"화살표 키로 지도를 옮기고 + 와 - 키로 확대, 축소합니다.",
      "Arrow keys move the map; + and - zoom in and out.",
      "Phím mũi tên di chuyển bản đồ; phím + và - để phóng to, thu nhỏ.",
      "方向键移动地图；+ 和 - 键放大、缩小。"}},
    {StringId::kMirrorSkipToResults,
     {"결과 목록으로 건너뛰기", "Skip to the results", "Chuyển đến danh sách kết quả",
      "跳到结果列表"}},
    {StringId::kMirrorMenu, {"검색과 메뉴", "Search and menu", "Tìm kiếm và menu", "搜索和菜单"}},
    {StringId::kMirrorResultsList, {"시설 목록", "Facilities", "Danh sách cơ sở", "设施列表"}},
    {StringId::kMirrorSearchResults,
     {"검색 결과", "Search results", "Kết quả tìm kiếm", "搜索结果"}},
    {StringId::kMirrorDistanceFormat, {"거리 %s", "%s away", "cách %s", "距离 %s"}},
    {StringId::kMirrorPhoneFormat, {"전화 %s", "Phone %s", "Điện thoại %s", "电话 %s"}},
    {StringId::kMirrorNoPhone,
     {"전화번호 자료에 없음", "No phone number in the data", "Dữ liệu không có số điện thoại",
      "资料中没有电话号码"}},
    {StringId::kMirrorChooseSigungu,
     {"시군구 선택", "City or county", "Thành phố hoặc huyện", "选择市郡区"}},
    {StringId::kMirrorChooseEmd,
     {"읍면동 선택", "Town or neighbourhood", "Xã hoặc phường", "选择邑面洞"}},
    {StringId::kMirrorCategoryFormat, {"%s (%d곳)", "%s (%d)", "%s (%d)", "%s（%d 处）"}},
    {StringId::kMirrorFilterTarget, {"대상 선택", "Who it serves", "Dành cho ai", "选择对象"}},
    {StringId::kDataInKorean,
     {"시설과 복지서비스 자료는 한국어로만 제공됩니다.",
      "The facility and program data are published in Korean only.",
      "Thông tin cơ sở và dịch vụ chỉ có bằng tiếng Hàn.", "设施和服务的资料只有韩文。"}},
    {StringId::kTextSize, {"글자 크기", "Text size", "Cỡ chữ", "字号"}},
    {StringId::kTextSizeFormat, {"글자 %d%%", "Text %d%%", "Chữ %d%%", "字号 %d%%"}},
    {StringId::kHighContrast, {"고대비", "High contrast", "Tương phản cao", "高对比度"}},
    {StringId::kLanguageChooser, {"언어", "Language", "Ngôn ngữ", "语言"}},
    // Help requests and correction reports
    {StringId::kHelpRequestButton, {"도움 요청", "Ask for help", "Xin giúp đỡ", "求助"}},
    {StringId::kReportWrongInfo,
     {"정보가 틀렸어요", "This information is wrong", "Thông tin này sai", "信息有误"}},
    {StringId::kHelpPickingHint,
     {"도움이 필요한 곳을 지도에서 누르세요", "Tap the map where help is needed",
      "Chạm vào nơi cần giúp trên bản đồ", "请在地图上点需要帮助的地方"}},
    // Kiosk and embed modes (issue 10).
    {StringId::kKioskStartOver, {"처음으로", "Start over", "Về đầu", "重新开始"}},
    {StringId::kKioskTextSizeFormat,
     {"글자 크게 %d%%", "Larger text %d%%", "Chữ lớn %d%%", "大字 %d%%"}},
    {StringId::kKioskHighContrastFormat,
     {"고대비 %s", "High contrast %s", "Tương phản cao %s", "高对比度 %s"}},
    {StringId::kKioskOn, {"켜짐", "on", "bật", "开"}},
    {StringId::kKioskOff, {"꺼짐", "off", "tắt", "关"}},
    {StringId::kKeyboardShift, {"Shift", "Shift", "Shift", "Shift"}},
    {StringId::kKeyboardBackspace, {"지우기", "Delete", "Xóa", "删除"}},
    {StringId::kKeyboardSpace, {"띄어쓰기", "Space", "Dấu cách", "空格"}},
    {StringId::kKeyboardDone, {"완료", "Done", "Xong", "完成"}},
    {StringId::kQrScanHint,
     {"휴대폰 카메라로 QR코드를 찍으면 휴대폰에서 이어서 볼 수 있습니다.",
      "Scan the QR code with your phone's camera to continue on your phone.",
      "Quét mã QR bằng camera điện thoại để xem tiếp trên điện thoại.",
      "用手机相机扫描二维码，就可以在手机上继续看。"}},
    {StringId::kQrFacilityCaption, {"이 시설 정보", "This facility", "Cơ sở này", "此设施信息"}},
    {StringId::kQrDirectionsCaption,
     {"길찾기 (카카오맵)", "Directions (Kakao Map)", "Chỉ đường (Kakao Map)",
      "路线（Kakao 地图）"}},
    {StringId::kQrApplyCaption, {"신청 페이지", "Application page", "Trang đăng ký", "申请页面"}},
    {StringId::kKioskPhoneHeading, {"전화 문의", "Phone", "Điện thoại", "电话咨询"}},
    {StringId::kOfflineIndicator,
     {"오프라인: 저장해 둔 자료로 보는 중", "Offline: showing the saved copy",
      "Ngoại tuyến: đang xem bản đã lưu", "离线：正在看已保存的资料"}},
    {StringId::kTilesFailedNotice,
     {"지도 이미지를 받지 못해 기본 지도로 보여 드립니다.",
      "Map images could not be loaded: showing the basic map.",
      "Không tải được ảnh bản đồ: đang hiện bản đồ cơ bản.",
      "无法载入地图图像，现在显示基本地图。"}},
    {StringId::kEmbedOpenFull, {"크게 보기", "Open full map", "Mở bản đồ lớn", "查看大地图"}},
    {StringId::kEmbedWheelHint,
     {"지도를 움직이려면 Ctrl 키를 누른 채 휠을 돌리세요.", "Hold Ctrl and scroll to move the map.",
      "Giữ phím Ctrl và lăn chuột để di chuyển bản đồ.", "按住 Ctrl 键再滚动滚轮来移动地图。"}},
    {StringId::kApproximateNotShownFormat,
     {"주소만 있고 좌표가 없는 시설 %d곳(경로당 등)은 지도에 점 대신 지역별 개수로, 목록에는 '주소 "
      "기준 위치'로 나와요.",
      "%d facilities known only by their address (경로당 and others) show as counts on their area, "
      "not as points, and in the list as 'placed by address'.",
      "%d cơ sở chỉ có địa chỉ, không có tọa độ (như 경로당) hiện trên bản đồ bằng số lượng theo "
      "khu "
      "vực, không phải bằng điểm, và trong danh sách là 'theo địa chỉ'.",
      "只有地址、没有坐标的 %d 处设施（경로당 等）在地图上按地区显示数量，不显示为点；在列表中标为"
      "“按地址定位”。"}},
    // ---- Facilities placed by address, freshness, legend groups (issue 12, the app's display)
    {StringId::kApproxBadgeFormat,
     {"%s %d곳 (주소 기준)", "%s: %d (by address)", "%s: %d (theo địa chỉ)", "%s %d 处（按地址）"}},
    {StringId::kApproxBadgeMoreFormat,
     {"%s %d곳 외 %d곳 (주소 기준)", "%s: %d and %d more (by address)",
      "%s: %d và %d nơi khác (theo địa chỉ)", "%s %d 处，另有 %d 处（按地址）"}},
    {StringId::kApproxListHeadingFormat,
     {"주소 기준 위치 · %d곳", "Placed by address · %d", "Theo địa chỉ · %d",
      "按地址定位 · %d 处"}},
    {StringId::kApproxRowTag,
     {"주소 기준 위치", "Placed by address", "Theo địa chỉ", "按地址定位"}},
    {StringId::kApproxCardNote,
     {"자료에 좌표가 없어 주소로 지역만 알 수 있는 시설이에요. 지도에 점으로 표시하지 않아요. "
      "정확한 위치는 주소로 찾아보세요.",
      "The source gives no coordinates for this facility, only its address, so the map shows its "
      "area, not its spot. Find the exact place by its address.",
      "Nguồn dữ liệu không có tọa độ của cơ sở này, chỉ có địa chỉ, nên bản đồ chỉ cho thấy khu "
      "vực, không phải vị trí chính xác. Hãy tìm nơi chính xác theo địa chỉ.",
      "资料中没有这个设施的坐标，只有地址，所以地图只显示它所在的地区，不显示确切位置。请按地址查找"
      "确切地点。"}},
    {StringId::kApproxCardAreaFormat,
     {"위치: %s (주소 기준)", "Area: %s (from the address)", "Khu vực: %s (theo địa chỉ)",
      "地区：%s（按地址）"}},
    {StringId::kCardSearchKakao,
     {"카카오맵에서 주소 찾기", "Find the address in Kakao Map", "Tìm địa chỉ trên Kakao Map",
      "在 Kakao 地图中查找地址"}},
    {StringId::kCardSearchNaver,
     {"네이버 지도에서 주소 찾기", "Find the address in Naver Map", "Tìm địa chỉ trên Naver Map",
      "在 Naver 地图中查找地址"}},
    {StringId::kCardStaleFormat,
     {"이 정보는 %s 기준으로 2년이 넘었어요. 가기 전에 전화로 확인하세요.",
      "This information dates from %s, more than two years ago: please call before you go.",
      "Thông tin này có từ %s, đã hơn hai năm: hãy gọi điện hỏi trước khi đến.",
      "这条信息是 %s 的，已超过两年：去之前请先打电话确认。"}},
    {StringId::kLegendGroupHealth, {"보건·의료", "Health", "Y tế", "保健·医疗"}},
    {StringId::kLegendGroupSenior, {"노인", "Older people", "Người cao tuổi", "老人"}},
    {StringId::kLegendGroupDisability,
     {"장애인·정신건강", "Disability, mental health", "Khuyết tật, sức khỏe tâm thần",
      "残疾人·精神健康"}},
    {StringId::kLegendGroupChildFamily,
     {"아동·가족", "Children, families", "Trẻ em, gia đình", "儿童·家庭"}},
    {StringId::kLegendGroupCommunity,
     {"지역복지·기타", "Community, other", "Cộng đồng, khác", "社区福利·其他"}},
    {StringId::kLegendGroupExpandFormat,
     {"%s 종류 보기", "Show the kinds of %s", "Xem các loại %s", "查看%s的类别"}},
    {StringId::kApproxBadgeShortFormat,
     {"주소 기준 %d곳", "%d by address", "%d theo địa chỉ", "按地址 %d 处"}},
    {StringId::kApproxBadgeCountFormat, {"%d곳", "%d", "%d nơi", "%d 处"}},
    {StringId::kListApproxSuffixFormat,
     {" · 주소 기준 %d곳", " · %d by address", " · %d theo địa chỉ", " · 按地址 %d 处"}},
    {StringId::kSearchApproximate,
     {"시설 (주소 기준 위치)", "Facilities placed by address", "Cơ sở định vị theo địa chỉ",
      "设施（按地址定位）"}},
    {StringId::kSpotHeadingFormat,
     {"이 자리의 시설 %d곳 (같은 건물 등): 하나를 고르세요",
      "%d facilities at this spot (one building): pick one",
      "%d cơ sở ở chỗ này (cùng một tòa nhà): hãy chọn một",
      "此处有 %d 处设施（同一栋楼等）：请选一个"}},
    // ---- Languages (issue 11): the phone's display menu ----
    {StringId::kDisplayMenu,
     {"글자·대비·언어", "Text, contrast, language", "Chữ, màu, ngôn ngữ", "字号·对比度·语言"}},
    // ---- A phone's compact header at 150 and 200 % text (issue 11) ----
    {StringId::kHeaderMenu, {"메뉴", "Menu", "Trình đơn", "菜单"}},
    // ---- Nothing cut off at 200 % on a phone (issue 11) ----
    {StringId::kSearchHintShort, {"검색", "Search", "Tìm kiếm", "搜索"}},
};
static_assert(std::size(kRows) == static_cast<size_t>(StringId::kCount), "one row per StringId");

constexpr bool RowsInEnumOrder() {
  for (size_t i = 0; i < std::size(kRows); ++i)
    if (static_cast<size_t>(kRows[i].id) != i) return false;
  return true;
}
static_assert(RowsInEnumOrder(), "kRows must list the StringIds in the enum's order");

// Indexed by FacilityCategory.
constexpr const char* kCategoryLabels[kFacilityCategoryCount][kLanguageCount] = {
    {"노인", "Elderly", "Người cao tuổi", "老人"},
    {"장애인", "Disability", "Người khuyết tật", "残疾人"},
    {"아동", "Children", "Trẻ em", "儿童"},
    {"청소년", "Youth", "Thanh thiếu niên", "青少年"},
    {"여성·가족", "Women & family", "Phụ nữ, gia đình", "女性·家庭"},
    {"한부모", "Single parents", "Cha mẹ đơn thân", "单亲家庭"},
    {"노숙인", "Homeless", "Người vô gia cư", "无家可归者"},
    {"정신건강", "Mental health", "Sức khỏe tâm thần", "心理健康"},
    {"종합사회복지관", "Community welfare centre", "Trung tâm phúc lợi xã hội", "综合社会福利馆"},
    {"행정복지센터", "Community service centre", "Trung tâm hành chính phúc lợi", "行政福利中心"},
    {"의료", "Medical", "Y tế", "医疗"},
    {"약국", "Pharmacy", "Nhà thuốc", "药店"},
    {"기타", "Other", "Khác", "其他"},
    {"공공보건", "Public health", "Y tế công cộng", "公共卫生"},
    {"경로당", "Senior centre", "Nhà sinh hoạt người già", "敬老堂"},
    {"노인돌봄", "Elderly care", "Chăm sóc người già", "老人照护"},
    {"치매", "Dementia", "Sa sút trí tuệ", "认知障碍"},
};

// Indexed by the bit position of a TargetGroup.
constexpr const char* kTargetLabels[kTargetGroupCount][kLanguageCount] = {
    {"노인", "Older people", "Người cao tuổi", "老人"},
    {"장애인", "People with disabilities", "Người khuyết tật", "残疾人"},
    {"아동", "Children", "Trẻ em", "儿童"},
    {"청소년", "Youth", "Thanh thiếu niên", "青少年"},
    {"여성", "Women", "Phụ nữ", "女性"},
    {"가족", "Families", "Gia đình", "家庭"},
    {"한부모·조손", "Single-parent families", "Gia đình đơn thân", "单亲·祖孙家庭"},
    {"노숙인", "Homeless people", "Người vô gia cư", "无家可归者"},
    {"다문화", "Multicultural families", "Gia đình đa văn hóa", "多文化家庭"},
    {"저소득", "Low-income households", "Hộ thu nhập thấp", "低收入家庭"},
    {"보훈대상자", "Veterans", "Người có công", "国家功勋对象"},
    {"임산부", "Pregnant women", "Phụ nữ mang thai", "孕产妇"},
    {"정신건강", "Mental health", "Sức khỏe tâm thần", "心理健康"},
    {"지역주민 누구나", "All residents", "Mọi cư dân", "所有居民"},
    {"청년", "Young adults", "Thanh niên", "青年"},
    {"다자녀", "Large families", "Gia đình đông con", "多子女家庭"},
    {"1인가구", "Single-person households", "Hộ một người", "独居家庭"},
    {"치매", "Dementia", "Sa sút trí tuệ", "认知障碍"},
};

constexpr const char* kWeekdayLabels[7][kLanguageCount] = {
    {"일", "Sun", "CN", "周日"}, {"월", "Mon", "T2", "周一"}, {"화", "Tue", "T3", "周二"},
    {"수", "Wed", "T4", "周三"}, {"목", "Thu", "T5", "周四"}, {"금", "Fri", "T6", "周五"},
    {"토", "Sat", "T7", "周六"},
};

Language g_language = Language::kKorean;

int LanguageColumn() {
  return static_cast<int>(g_language);
}

// The text of a row in the current language, or its Korean when that column is still empty.
const char* InLanguage(const char* const (&texts)[kLanguageCount]) {
  const char* text = texts[LanguageColumn()];
  return text != nullptr ? text : texts[0];
}

}  // namespace

const char* LanguageCode(Language language) {
  switch (language) {
    case Language::kKorean:
      return "ko";
    case Language::kEnglish:
      return "en";
    case Language::kVietnamese:
      return "vi";
    case Language::kChinese:
      return "zh-Hans";
  }
  return "ko";
}

const char* LanguageName(Language language) {
  switch (language) {
    case Language::kKorean:
      return "한국어";
    case Language::kEnglish:
      return "English";
    case Language::kVietnamese:
      return "Tiếng Việt";
    case Language::kChinese:
      return "中文(简体)";
  }
  return "한국어";
}

std::optional<Language> LanguageFromCode(std::string_view code) {
  if (code == "zh") return Language::kChinese;
  for (int i = 0; i < kLanguageCount; ++i) {
    const auto language = static_cast<Language>(i);
    if (code == LanguageCode(language)) return language;
  }
  return std::nullopt;
}

void SetLanguage(Language language) {
  g_language = language;
}
Language CurrentLanguage() {
  return g_language;
}

const char* Text(StringId id) {
  assert(id < StringId::kCount && "StringId::kCount is not a string");
  return InLanguage(kRows[static_cast<size_t>(id)].text);
}

const char* CategoryLabel(FacilityCategory category) {
  const auto index = static_cast<size_t>(category);
  if (index >= std::size(kCategoryLabels))
    return kCategoryLabels[std::size(kCategoryLabels) - 1][0];
  return InLanguage(kCategoryLabels[index]);
}

const char* CategoryGroupLabel(CategoryGroup group) {
  static constexpr StringId kLabels[kCategoryGroupCount] = {
      StringId::kLegendGroupHealth, StringId::kLegendGroupSenior, StringId::kLegendGroupDisability,
      StringId::kLegendGroupChildFamily, StringId::kLegendGroupCommunity};
  const auto index = static_cast<size_t>(group);
  return Text(index < std::size(kLabels) ? kLabels[index] : StringId::kLegendGroupCommunity);
}

const char* ProgramLevelLabel(ProgramLevel level) {
  switch (level) {
    case ProgramLevel::kCentral:
      return Text(StringId::kProgramLevelCentral);
    case ProgramLevel::kProvince:
      return Text(StringId::kProgramLevelProvince);
    case ProgramLevel::kCity:
      return Text(StringId::kProgramLevelCity);
    case ProgramLevel::kPrivate:
      return Text(StringId::kProgramLevelPrivate);
  }
  return Text(StringId::kNotStated);
}

const char* WeekdayLabel(int tm_wday) {
  // tm_wday is 0–6; anything else is a caller's arithmetic mistake.
  assert(tm_wday >= 0 && tm_wday < 7 && "WeekdayLabel takes struct tm's tm_wday");
  return InLanguage(kWeekdayLabels[tm_wday]);
}

const char* TargetLabel(uint32_t bit) {
  // A target label names exactly one group: callers iterate the set bit by bit.
  assert(bit != 0 && (bit & (bit - 1)) == 0 && bit < (1u << kTargetGroupCount));
  int position = 0;
  while ((bit >> position) != 1) ++position;
  return InLanguage(kTargetLabels[position]);
}

const char* StageLabel(uint32_t bit) {
  // A stage label names exactly one stage: callers iterate the set bit by bit.
  assert(bit != 0 && (bit & (bit - 1)) == 0 && bit < (1u << kLifeStageCount));
  static constexpr StringId kStages[kLifeStageCount] = {
      StringId::kStagePregnancy, StringId::kStageInfant,     StringId::kStageChild,
      StringId::kStageTeen,      StringId::kStageYoungAdult, StringId::kStageMiddleAge,
      StringId::kStageSenior,
  };
  int position = 0;
  while ((bit >> position) != 1) ++position;
  return Text(kStages[position]);
}

const char* EventAudienceLabel(EducationAudience audience) {
  switch (audience) {
    case EducationAudience::kCitizens:
      return Text(StringId::kEducationForCitizens);
    case EducationAudience::kWorkers:
      return Text(StringId::kEducationForWorkers);
    case EducationAudience::kBoth:
      return Text(StringId::kEducationForEveryone);
  }
  return Text(StringId::kNotStated);
}

const char* MatchReasonText(MatchReason reason) {
  switch (reason) {
    case MatchReason::kInYourCity:
      return Text(StringId::kReasonInYourCity);
    case MatchReason::kProvinceWide:
      return Text(StringId::kReasonProvinceWide);
    case MatchReason::kNationwide:
      return Text(StringId::kReasonNationwide);
    case MatchReason::kLifeStage:
      return Text(StringId::kReasonLifeStage);
    case MatchReason::kTargetGroup:
      return Text(StringId::kReasonTargetGroupFormat);
    case MatchReason::kAgeWithinTextLimit:
      return Text(StringId::kReasonAge);
    case MatchReason::kIncomeWithinTextLimit:
      return Text(StringId::kReasonIncome);
  }
  return Text(StringId::kNotStated);
}

const char* MatchUnknownText(MatchUnknown unknown) {
  switch (unknown) {
    case MatchUnknown::kSigunguNotAnswered:
      return Text(StringId::kUnknownSigungu);
    case MatchUnknown::kAgeNotAnswered:
      return Text(StringId::kUnknownAge);
    case MatchUnknown::kChildrenNotAnswered:
      return Text(StringId::kUnknownChildren);
    case MatchUnknown::kPregnancyNotAnswered:
      return Text(StringId::kUnknownPregnancy);
    case MatchUnknown::kHouseholdNotAnswered:
      return Text(StringId::kUnknownHousehold);
    case MatchUnknown::kDisabilityNotAnswered:
      return Text(StringId::kUnknownDisability);
    case MatchUnknown::kIncomeNotAnswered:
      return Text(StringId::kUnknownIncome);
    case MatchUnknown::kVeteranNotAnswered:
      return Text(StringId::kUnknownVeteran);
    case MatchUnknown::kMultiCulturalNotAnswered:
      return Text(StringId::kUnknownMulticultural);
    case MatchUnknown::kRegionUnclear:
      return Text(StringId::kUnknownRegionUnclear);
    case MatchUnknown::kAgeLimitMayNotFit:
      return Text(StringId::kUnknownAgeMayNotFit);
    case MatchUnknown::kIncomeLimitMayNotFit:
      return Text(StringId::kUnknownIncomeMayNotFit);
    case MatchUnknown::kTargetGroupMayNotFit:
      return Text(StringId::kUnknownTargetMayNotFit);
    case MatchUnknown::kCheckSelectionCriteria:
      return Text(StringId::kUnknownCheckCriteria);
  }
  return Text(StringId::kNotStated);
}

const char* MatchFitText(MatchFit fit) {
  switch (fit) {
    case MatchFit::kNamesYou:
      return Text(StringId::kFitNamesYou);
    case MatchFit::kOpen:
      return Text(StringId::kFitOpen);
    case MatchFit::kMayNotFit:
      return Text(StringId::kFitMayNotFit);
  }
  return Text(StringId::kNotStated);
}

const char* QuestionLabel(SelfCheckQuestion question) {
  static constexpr StringId kLabels[kSelfCheckQuestionCount] = {
      StringId::kQuestionLabelAge,           StringId::kQuestionLabelCity,
      StringId::kQuestionLabelHousehold,     StringId::kQuestionLabelDisability,
      StringId::kQuestionLabelPregnant,      StringId::kQuestionLabelChildren,
      StringId::kQuestionLabelIncome,        StringId::kQuestionLabelVeteran,
      StringId::kQuestionLabelMulticultural,
  };
  return Text(kLabels[static_cast<int>(question)]);
}

void VisitAllStrings(void (*visit)(const char* text, void* context), void* context) {
  auto visit_row = [&](const char* const(&texts)[kLanguageCount]) {
    for (const char* text : texts)
      if (text != nullptr) visit(text, context);
  };
  for (const Row& row : kRows) visit_row(row.text);
  for (const auto& labels : kCategoryLabels) visit_row(labels);
  for (const auto& labels : kTargetLabels) visit_row(labels);
  for (const auto& labels : kWeekdayLabels) visit_row(labels);
}

void VisitStrings(Language language, void (*visit)(const char* text, void* context),
                  void* context) {
  const int column = static_cast<int>(language);
  auto visit_row = [&](const char* const(&texts)[kLanguageCount]) {
    if (texts[column] != nullptr) visit(texts[column], context);
  };
  for (const Row& row : kRows) visit_row(row.text);
  for (const auto& labels : kCategoryLabels) visit_row(labels);
  for (const auto& labels : kTargetLabels) visit_row(labels);
  for (const auto& labels : kWeekdayLabels) visit_row(labels);
}

}  // namespace bokji::web
