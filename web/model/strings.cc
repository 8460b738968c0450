// The string table's contents. One row per StringId, in the enum's order (checked at compile time);
// columns: Korean, English.
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
    {StringId::kAppTitle, {"복지지도", "Welfare Map"}},
    {StringId::kErrorTitle, {"복지지도를 열 수 없습니다", "The welfare map could not open"}},
    {StringId::kErrorWebGl,
     {"이 브라우저에서는 지도를 그릴 수 없습니다 (WebGL2를 사용할 수 없음).",
      "This browser cannot draw the map (WebGL2 is not available)."}},
    {StringId::kErrorGraphics,
     {"지도를 그리는 그래픽 기능에서 오류가 났습니다.",
      "The browser's graphics failed while drawing the map."}},
    {StringId::kErrorFont, {"글꼴 파일을 읽을 수 없습니다.", "The font file could not be read."}},
    {StringId::kErrorBundle,
     {"데이터 파일이 손상되었거나 형식이 맞지 않습니다.",
      "The data file is damaged or in the wrong format."}},
    {StringId::kDataInfoButton, {"데이터 정보", "About the data"}},
    {StringId::kDataInfoTitle, {"데이터 정보", "About the data"}},
    {StringId::kDataBuiltFormat, {"데이터 생성일: %s", "Data built: %s"}},
    {StringId::kFacilityCountFormat, {"복지시설 %d곳", "%d welfare facilities"}},
    {StringId::kProgramCountFormat, {"복지서비스 %d개", "%d welfare programs"}},
    {StringId::kRegionCountFormat,
     {"행정구역: 시도 %d, 시군구 %d, 읍면동 %d",
      "Regions: %d provinces, %d cities/counties, %d towns"}},
    {StringId::kSourcesHeading, {"출처", "Sources"}},
    {StringId::kSourceDateFormat, {"기준일 %s", "as of %s"}},
    {StringId::kSourcePublisherFormat, {"제공: %s", "Publisher: %s"}},
    {StringId::kSourceLicenceFormat, {"이용조건: %s", "Licence: %s"}},
    {StringId::kDataCaveat,
     {"시설 위치와 정보는 공공데이터 원문 그대로이며, 기준일 이후 바뀌었을 수 있습니다.",
      "Facility locations and details are as published in public data and may have changed "
      "since."}},
    {StringId::kZoomIn, {"확대", "Zoom in"}},
    {StringId::kZoomOut, {"축소", "Zoom out"}},
    {StringId::kFitProvince, {"전체 보기", "Show all"}},
    {StringId::kLegendTitle, {"시설 종류", "Facility types"}},
    {StringId::kBoundaryAttribution,
     {"행정경계: 통계청 통계지리정보서비스(2018)", "Boundaries: Statistics Korea SGIS (2018)"}},
    {StringId::kCardAddress, {"주소", "Address"}},
    {StringId::kCardLotAddress, {"지번", "Lot address"}},
    {StringId::kCardPhone, {"전화", "Phone"}},
    {StringId::kCardCall, {"전화 걸기", "Call"}},
    {StringId::kCardHours, {"운영시간", "Hours"}},
    {StringId::kCardTargets, {"이용 대상", "For"}},
    {StringId::kCardOperator, {"운영", "Operator"}},
    {StringId::kCardSource, {"출처", "Source"}},
    {StringId::kCardSourceDateFormat, {"자료 기준일 %s", "data as of %s"}},
    {StringId::kCardVerifiedFormat, {"확인일 %s", "verified %s"}},
    {StringId::kCardDirectionsKakao, {"카카오맵 길찾기", "Directions (Kakao Map)"}},
    {StringId::kCardDirectionsNaver, {"네이버지도 길찾기", "Directions (Naver Map)"}},
    {StringId::kCardClose, {"닫기", "Close"}},
    {StringId::kNotStated, {"정보 없음", "Not stated"}},
    {StringId::kSearchHint, {"시설·복지서비스·지역 검색", "Search facilities, programs, places"}},
    {StringId::kSearchClear, {"검색어 지우기", "Clear search"}},
    {StringId::kSearchFacilities, {"복지시설", "Facilities"}},
    {StringId::kSearchRegions, {"지역", "Places"}},
    {StringId::kSearchPrograms, {"복지서비스", "Welfare programs"}},
    {StringId::kSearchNoResults, {"검색 결과가 없습니다.", "Nothing found."}},
    {StringId::kNearMeButton, {"내 주변", "Near me"}},
    {StringId::kNearMeTitle, {"가까운 복지시설", "Nearest facilities"}},
    {StringId::kLocating, {"내 위치를 확인하는 중…", "Finding your location…"}},
    {StringId::kLocationDenied,
     {"위치 사용이 허용되지 않아 내 위치를 찾을 수 없습니다.", "Location access was not allowed."}},
    {StringId::kLocationUnavailable,
     {"지금은 내 위치를 확인할 수 없습니다.", "Your location is not available right now."}},
    {StringId::kNearMeNone, {"표시할 시설이 없습니다.", "No facilities to show."}},
    {StringId::kNearFallbackHint, {"위치를 고르는 다른 방법:", "Choose a place another way:"}},
    {StringId::kPickOnMap, {"지도에서 위치 누르기", "Tap the map"}},
    {StringId::kPickOnMapHint,
     {"지도에서 찾을 곳을 누르세요.", "Tap the map where you want to search from."}},
    {StringId::kPickRegion, {"지역 고르기", "Choose an area"}},
    {StringId::kNearClear, {"기준 위치 지우기", "Clear the place"}},
    {StringId::kPlaceMyLocation, {"내 위치", "your location"}},
    {StringId::kPlacePicked, {"고른 곳", "the chosen place"}},
    {StringId::kFiltersTitle, {"조건", "Filters"}},
    {StringId::kFilterTarget, {"대상", "For"}},
    {StringId::kFilterAny, {"전체", "Anyone"}},
    {StringId::kFilterRegion, {"지역", "Area"}},
    {StringId::kFilterAllSigungu, {"모든 시군", "All cities and counties"}},
    {StringId::kFilterAllEmd, {"모든 읍면동", "All towns"}},
    {StringId::kFilterOpenNow, {"지금 운영 중인 곳만", "Open now only"}},
    {StringId::kFilterOpenNowNoData,
     {"이 자료에는 운영시간이 있는 시설이 없어 쓸 수 없습니다.",
      "No facility in this data has opening hours, so this cannot be used."}},
    {StringId::kFilterOpenNowNoteFormat,
     {"운영시간을 아는 %d곳 중에서만 찾습니다.",
      "Only among the %d facilities whose hours are known."}},
    {StringId::kFilterReset, {"조건 지우기", "Clear filters"}},
    {StringId::kListInViewFormat, {"지도 안의 시설 %d곳", "%d facilities on the map"}},
    {StringId::kListNearFormat, {"%s에서 가까운 시설", "Nearest to %s"}},
    {StringId::kListShownFormat, {"가까운 %d곳을 보여 줍니다.", "Showing the nearest %d."}},
    {StringId::kListEmpty,
     {"조건에 맞는 시설이 없습니다. 지도를 옮기거나 조건을 바꿔 보세요.",
      "No facility matches. Move the map or change the filters."}},
    {StringId::kListShow, {"목록 보기", "Show list"}},
    {StringId::kListHide, {"목록 닫기", "Hide list"}},
    {StringId::kOpenNowBadge, {"지금 운영 중", "Open now"}},
    {StringId::kClosedNowBadge, {"지금은 운영 시간이 아님", "Closed now"}},
    {StringId::kCardCopyLink, {"링크 복사", "Copy link"}},
    {StringId::kCardLinkCopied, {"링크를 복사했습니다", "Link copied"}},
    {StringId::kTilesToggle, {"배경 지도 타일 (OpenStreetMap)", "Map tiles (OpenStreetMap)"}},
    {StringId::kTilesCreditOsm, {"© OpenStreetMap 기여자", "© OpenStreetMap contributors"}},
    {StringId::kTilesCreditFormat, {"지도 타일: %s", "Map tiles: %s"}},
    {StringId::kEducationButton, {"복지 교육", "Welfare education"}},
    {StringId::kEducationTitle, {"복지 교육", "Welfare education"}},
    {StringId::kEducationForCitizens, {"주민 대상", "For residents"}},
    {StringId::kEducationForWorkers, {"종사자 대상", "For welfare workers"}},
    {StringId::kEducationForEveryone, {"누구나", "For everyone"}},
    {StringId::kEducationShowPast, {"지난 교육도 보기", "Include past events"}},
    {StringId::kEducationPast, {"· 지난 교육", "· past"}},
    {StringId::kEducationNoneInData,
     {"아직 이 자료에는 복지 교육 일정이 없습니다. 시군과 기관이 교육 일정을 등록하면 여기에 "
      "나옵니다.",
      "This data has no welfare education events yet. They appear here once cities and "
      "organisations register them."}},
    {StringId::kEducationNoneMatching,
     {"조건에 맞는 교육이 없습니다. '지난 교육도 보기'를 켜거나 대상을 바꿔 보세요.",
      "No event matches. Include past events or choose another audience."}},
    {StringId::kEducationStatutoryNote,
     {"사회복지 종사자의 법정 보수교육은 한국사회복지사협회가 안내합니다.",
      "Statutory training for social workers is announced by the Korea Association of Social "
      "Workers."}},
    {StringId::kEducationStatutoryLink,
     {"사회복지사 보수교육 안내 열기", "Open the statutory training page"}},
    {StringId::kEducationStatutoryUrl, {"https://www.welfare.net", "https://www.welfare.net"}},
    {StringId::kEducationOrganiserFormat, {"주최: %s", "Organiser: %s"}},
    {StringId::kEducationFeeFormat, {"수강료: %s", "Fee: %s"}},
    {StringId::kEducationContactFormat, {"문의: %s", "Contact: %s"}},
    {StringId::kEducationOpenLink, {"안내·신청 페이지", "Details and sign-up"}},
    {StringId::kEducationShowOnMap, {"지도에서 보기", "Show on the map"}},
    {StringId::kProgramLevelCentral, {"중앙부처", "National"}},
    {StringId::kProgramLevelProvince, {"도", "Province"}},
    {StringId::kProgramLevelCity, {"시군", "City/county"}},
    {StringId::kProgramLevelPrivate, {"민간", "Private"}},
    {StringId::kProgramProvider, {"담당", "Run by"}},
    {StringId::kProgramSummary, {"내용", "What it is"}},
    {StringId::kProgramBenefits, {"지원 내용", "What you receive"}},
    {StringId::kProgramEligibility, {"지원 대상", "Who can get it"}},
    {StringId::kProgramSelection, {"선정 기준", "Selection criteria"}},
    {StringId::kProgramHowToApply, {"신청 방법", "How to apply"}},
    {StringId::kProgramContact, {"문의", "Contact"}},
    {StringId::kProgramProvision, {"지원 형태", "Form of support"}},
    {StringId::kProgramCycle, {"지원 주기", "How often"}},
    {StringId::kProgramOpenLink, {"복지로에서 자세히 보기", "Details on Bokjiro"}},
    {StringId::kProgramUpdatedFormat, {"최종 수정 %s", "updated %s"}},
    // ---- Programs view, facility card link and self-check (web/programs_panel.cc) ----
    {StringId::kProgramsButton, {"복지서비스 찾기", "Find welfare programs"}},
    {StringId::kFacilityCityPrograms, {"이 지역 복지서비스", "Welfare programs in this area"}},
    {StringId::kProgramsTitle, {"복지서비스", "Welfare programs"}},
    {StringId::kProgramsBackToMap, {"← 지도로", "← Back to the map"}},
    {StringId::kProgramsBackToList, {"← 목록으로", "← Back to the list"}},
    {StringId::kProgramsSearchHint,
     {"서비스 이름 검색 (초성도 돼요: ㅊㄴ)", "Search program names"}},
    {StringId::kProgramsLifeStage, {"생애주기", "Life stage"}},
    {StringId::kProgramsTheme, {"관심주제", "Topic"}},
    {StringId::kProgramsTarget, {"대상", "For"}},
    {StringId::kProgramsRegion, {"지역", "Area"}},
    {StringId::kProgramsAll, {"전체", "All"}},
    {StringId::kProgramsRegionCommon,
     {"전국·전북 공통 서비스만", "Nationwide and province-wide only"}},
    {StringId::kProgramsCountFormat, {"서비스 %d개", "%d programs"}},
    {StringId::kProgramsUnstatedStageFormat,
     {"생애주기가 자료에 없는 서비스 %d개는 빠져 있어요.",
      "%d programs with no life stage in the data are left out."}},
    {StringId::kProgramsIncludeUnstated,
     {"생애주기가 자료에 없는 서비스도 보기", "Also show programs with no life stage in the data"}},
    {StringId::kProgramsNone, {"조건에 맞는 서비스가 없어요.", "No programs match."}},
    {StringId::kProgramsResetFilters, {"조건 모두 지우기", "Clear all choices"}},
    {StringId::kProgramNoData, {"자료에 없음", "Not in the data"}},
    {StringId::kProgramApply, {"신청하기 / 자세히 보기 (복지로)", "Apply / details (Bokjiro)"}},
    {StringId::kProgramNoApplyUrl,
     {"신청 주소가 자료에 없어요.", "No application link in the data."}},
    {StringId::kProgramLevelAndRegion, {"구분·지역", "Level and area"}},
    {StringId::kProgramOffice, {"제공기관", "Provided by"}},
    {StringId::kStagePregnancy, {"임신·출산", "Pregnancy & birth"}},
    {StringId::kStageInfant, {"영유아", "Infants"}},
    {StringId::kStageChild, {"아동", "Children"}},
    {StringId::kStageTeen, {"청소년", "Teenagers"}},
    {StringId::kStageYoungAdult, {"청년", "Young adults"}},
    {StringId::kStageMiddleAge, {"중장년", "Middle age"}},
    {StringId::kStageSenior, {"노년", "Older people"}},
    {StringId::kSelfCheckButton,
     {"맞춤 찾기 (몇 가지 질문)", "Find programs for me (a few questions)"}},
    {StringId::kSelfCheckIntro,
     {"몇 가지 질문에 답하면 맞을 만한 서비스를 골라 드려요. 답하기 어려운 질문은 건너뛰세요. "
      "답변은 이 화면에만 있고, 저장하거나 보내지 않아요.",
      "Answer a few questions and we pick programs that may fit. Skip any question. Your answers "
      "stay on this screen: nothing is stored or sent."}},
    {StringId::kSelfCheckStepFormat, {"질문 %d / %d", "Question %d of %d"}},
    {StringId::kSelfCheckSkip, {"건너뛰기", "Skip"}},
    {StringId::kSelfCheckBack, {"이전", "Back"}},
    {StringId::kSelfCheckNext, {"다음", "Next"}},
    {StringId::kSelfCheckYes, {"예", "Yes"}},
    {StringId::kSelfCheckNo, {"아니요", "No"}},
    {StringId::kQuestionAge, {"나이가 어떻게 되세요? (만 나이)", "How old are you?"}},
    {StringId::kQuestionAgeExact, {"정확한 나이를 골라 주세요.", "Choose your exact age."}},
    {StringId::kAgeBandFormat, {"%d~%d세", "%d–%d"}},
    {StringId::kAgeAtLeastFormat, {"%d세 이상", "%d or older"}},
    {StringId::kAgeFormat, {"%d세", "%d"}},
    {StringId::kQuestionCity, {"어느 시군에 사세요?", "Which city or county do you live in?"}},
    {StringId::kQuestionHousehold,
     {"해당하는 가구 상황을 모두 골라 주세요.",
      "Choose every situation that applies to your household."}},
    {StringId::kHouseholdSingle, {"1인 가구", "Living alone"}},
    {StringId::kHouseholdSingleParent,
     {"한부모·조손 가족", "Single parent or grandparent-led family"}},
    {StringId::kHouseholdManyChildren, {"다자녀 가구", "Three or more children"}},
    {StringId::kHouseholdNone, {"해당 없음", "None of these"}},
    {StringId::kQuestionDisability,
     {"가구에 등록 장애인이 있나요?",
      "Does anyone in your household have a registered disability?"}},
    {StringId::kQuestionPregnant,
     {"가구에 임신 중인 분이 있나요?", "Is anyone in your household pregnant?"}},
    {StringId::kQuestionChildren,
     {"함께 사는 자녀의 나이를 모두 골라 주세요. (만 나이)",
      "Choose the age of every child living with you."}},
    {StringId::kChildrenNone, {"자녀 없음", "No children"}},
    {StringId::kQuestionIncome,
     {"가구 소득이 기준중위소득의 몇 %쯤인가요?",
      "Household income as a share of the standard median income?"}},
    {StringId::kIncomeHelp,
     {"모르시면 건너뛰세요. 행정복지센터에서 알려 드려요.",
      "If you do not know, skip: your community service centre can tell you."}},
    {StringId::kIncomeUpTo50, {"50% 이하", "Up to 50%"}},
    {StringId::kIncome51To100, {"51~100%", "51–100%"}},
    {StringId::kIncome101To150, {"101~150%", "101–150%"}},
    {StringId::kIncomeAbove150, {"151% 이상", "Over 150%"}},
    {StringId::kQuestionVeteran,
     {"가구에 국가보훈대상자가 있나요?",
      "Is anyone in your household a registered veteran (국가보훈대상자)?"}},
    {StringId::kQuestionMulticultural, {"다문화가족인가요?", "Are you a multicultural family?"}},
    {StringId::kSelfCheckShowResults, {"결과 보기", "Show results"}},
    {StringId::kSelfCheckResultsTitle, {"맞춤 찾기 결과", "Programs that may fit"}},
    {StringId::kSelfCheckMatchCountFormat,
     {"맞을 수 있는 서비스 %d개 (답한 질문 %d개)", "%d programs may fit (%d questions answered)"}},
    {StringId::kSelfCheckCheckCriteria,
     {"선정기준을 꼭 확인하세요. 여기 나왔다고 받을 수 있다는 뜻은 아니에요.",
      "Always check the selection criteria: being listed here does not mean you qualify."}},
    {StringId::kSelfCheckClear, {"내 답변 지우기", "Clear my answers"}},
    {StringId::kSelfCheckEdit, {"답변 고치기", "Change my answers"}},
    {StringId::kSelfCheckMore, {"더 보기", "Show more"}},
    {StringId::kReasonInYourCity,
     {"사시는 시군의 서비스예요.", "A program of the city or county you live in."}},
    {StringId::kReasonProvinceWide,
     {"전북 도민 누구나 대상인 도 서비스예요.", "A province program for everyone in Jeonbuk."}},
    {StringId::kReasonNationwide,
     {"전국 어디서나 받는 중앙정부 서비스예요.", "A national program, available everywhere."}},
    {StringId::kReasonLifeStage, {"생애주기가 맞아요.", "Your life stage fits."}},
    {StringId::kReasonTargetGroupFormat, {"%s 대상 서비스예요.", "For %s."}},
    {StringId::kReasonAge,
     {"안내문의 나이 조건에 맞는 가족이 있어요.",
      "Someone in your household fits the age limit in the text."}},
    {StringId::kReasonIncome,
     {"안내문의 소득 조건에 맞아요.", "Your income fits the limit in the text."}},
    {StringId::kUnknownSigungu,
     {"그 시군 주민만 받을 수 있어요. (사는 곳을 답하지 않았어요)",
      "Only for residents of its city or county (you did not say where you live)."}},
    {StringId::kUnknownAge, {"나이를 답하지 않았어요.", "You did not give your age."}},
    {StringId::kUnknownChildren,
     {"자녀 나이를 답하지 않았어요.", "You did not give your children's ages."}},
    {StringId::kUnknownPregnancy,
     {"임신 여부를 답하지 않았어요.", "You did not say whether anyone is pregnant."}},
    {StringId::kUnknownHousehold,
     {"가구 상황을 답하지 않았어요.", "You did not describe your household."}},
    {StringId::kUnknownDisability,
     {"장애 여부를 답하지 않았어요.", "You did not say whether anyone has a disability."}},
    {StringId::kUnknownIncome, {"소득을 답하지 않았어요.", "You did not give your income."}},
    {StringId::kUnknownVeteran,
     {"보훈대상 여부를 답하지 않았어요.", "You did not say whether anyone is a veteran."}},
    {StringId::kUnknownMulticultural,
     {"다문화가족 여부를 답하지 않았어요.",
      "You did not say whether you are a multicultural family."}},
    {StringId::kUnknownRegionUnclear,
     {"어느 시군의 서비스인지 자료에 없어요.",
      "The data does not say which city or county runs it."}},
    {StringId::kUnknownAgeMayNotFit,
     {"나이 조건이 맞지 않을 수 있어요. 확인이 필요해요.",
      "The age limit may not fit: please check."}},
    {StringId::kUnknownIncomeMayNotFit,
     {"소득 조건이 맞지 않을 수 있어요. 확인이 필요해요.",
      "The income limit may not fit: please check."}},
    {StringId::kUnknownTargetMayNotFit,
     {"지원 대상이 맞지 않을 수 있어요. 확인이 필요해요.",
      "Who it is for may not fit: please check."}},
    {StringId::kUnknownCheckCriteria, {"선정기준을 확인하세요.", "Check the selection criteria."}},
    {StringId::kMatchOpenCard, {"자세히 보기", "Details"}},
    {StringId::kBack, {"뒤로", "Back"}},
    {StringId::kSearchTotalFormat, {"%s (%d)", "%s (%d)"}},
    {StringId::kMoreFormat, {"더 보기 (%d개 더)", "Show more (%d more)"}},
    {StringId::kFitNamesYou,
     {"내 답변에 맞는 조건이 있는 서비스", "Programs naming something you answered"}},
    {StringId::kFitOpen, {"더 확인해야 하는 서비스", "Programs to check further"}},
    {StringId::kFitMayNotFit,
     {"조건이 맞지 않을 수 있는 서비스", "Programs whose conditions may not fit"}},
    {StringId::kGroupHeadingFormat, {"%s · %d개", "%s · %d"}},
    {StringId::kGroupBy, {"묶어 보기", "Group by"}},
    {StringId::kGroupByFit, {"맞는 정도", "Fit"}},
    {StringId::kGroupByTheme, {"관심주제", "Topic"}},
    {StringId::kGroupByLevel, {"지역 단위", "Level"}},
    {StringId::kThemeNone, {"관심주제 없음", "No topic stated"}},
    {StringId::kNextQuestionFormat,
     {"'%s' 질문에 답하면 서비스 %d개의 조건을 더 확인할 수 있어요.",
      "Answering '%s' would settle %d of these programs."}},
    {StringId::kNextQuestionNarrowsFormat,
     {"'%s' 질문에 답하면 목록이 평균 %d개쯤 줄어요.",
      "Answering '%s' would take about %d programs off this list."}},
    {StringId::kAnswerNextQuestion, {"이 질문에 답하기", "Answer this question"}},
    {StringId::kQuestionLabelAge, {"나이", "age"}},
    {StringId::kQuestionLabelCity, {"사는 곳", "where you live"}},
    {StringId::kQuestionLabelHousehold, {"가구 상황", "household"}},
    {StringId::kQuestionLabelDisability, {"장애", "disability"}},
    {StringId::kQuestionLabelPregnant, {"임신", "pregnancy"}},
    {StringId::kQuestionLabelChildren, {"자녀", "children"}},
    {StringId::kQuestionLabelIncome, {"소득", "income"}},
    {StringId::kQuestionLabelVeteran, {"보훈", "veterans"}},
    {StringId::kQuestionLabelMulticultural, {"다문화", "multicultural family"}},
    // Accessibility (issue 11): the accessible mirror, text size, contrast, language
    {StringId::kMirrorMapRegion, {"지도", "Map"}},
    {StringId::kMirrorMapAroundFormat, {"%s 주변 시설 %d곳", "Around %s: %d facilities"}},
    {StringId::kMirrorMapKeys,
     {"화살표 키로 지도를 옮기고 + 와 - 키로 확대, 축소합니다.",
      "Arrow keys move the map; + and - zoom in and out."}},
    {StringId::kMirrorSkipToResults, {"결과 목록으로 건너뛰기", "Skip to the results"}},
    {StringId::kMirrorMenu, {"검색과 메뉴", "Search and menu"}},
    {StringId::kMirrorResultsList, {"시설 목록", "Facilities"}},
    {StringId::kMirrorSearchResults, {"검색 결과", "Search results"}},
    {StringId::kMirrorDistanceFormat, {"거리 %s", "%s away"}},
    {StringId::kMirrorPhoneFormat, {"전화 %s", "Phone %s"}},
    {StringId::kMirrorNoPhone, {"전화번호 자료에 없음", "No phone number in the data"}},
    {StringId::kMirrorChooseSigungu, {"시군구 선택", "City or county"}},
    {StringId::kMirrorChooseEmd, {"읍면동 선택", "Town or neighbourhood"}},
    {StringId::kMirrorCategoryFormat, {"%s (%d곳)", "%s (%d)"}},
    {StringId::kMirrorFilterTarget, {"대상 선택", "Who it serves"}},
    {StringId::kDataInKorean,
     {"시설과 복지서비스 자료는 한국어로만 제공됩니다.",
      "The facility and program data are published in Korean only."}},
    {StringId::kTextSize, {"글자 크기", "Text size"}},
    {StringId::kTextSizeFormat, {"글자 %d%%", "Text %d%%"}},
    {StringId::kHighContrast, {"고대비", "High contrast"}},
    {StringId::kLanguageChooser, {"언어", "Language"}},
    // Help requests and correction reports
    {StringId::kHelpRequestButton, {"도움 요청", "Ask for help"}},
    {StringId::kReportWrongInfo, {"정보가 틀렸어요", "This information is wrong"}},
    {StringId::kHelpPickingHint,
     {"도움이 필요한 곳을 지도에서 누르세요", "Tap the map where help is needed"}},
    // Kiosk and embed modes (issue 10).
    {StringId::kKioskStartOver, {"처음으로", "Start over"}},
    {StringId::kKioskTextSizeFormat, {"글자 크게 %d%%", "Larger text %d%%"}},
    {StringId::kKioskHighContrastFormat, {"고대비 %s", "High contrast %s"}},
    {StringId::kKioskOn, {"켜짐", "on"}},
    {StringId::kKioskOff, {"꺼짐", "off"}},
    {StringId::kKeyboardShift, {"Shift", "Shift"}},
    {StringId::kKeyboardBackspace, {"지우기", "Delete"}},
    {StringId::kKeyboardSpace, {"띄어쓰기", "Space"}},
    {StringId::kKeyboardDone, {"완료", "Done"}},
    {StringId::kQrScanHint,
     {"휴대폰 카메라로 QR코드를 찍으면 휴대폰에서 이어서 볼 수 있습니다.",
      "Scan the QR code with your phone's camera to continue on your phone."}},
    {StringId::kQrFacilityCaption, {"이 시설 정보", "This facility"}},
    {StringId::kQrDirectionsCaption, {"길찾기 (카카오맵)", "Directions (Kakao Map)"}},
    {StringId::kQrApplyCaption, {"신청 페이지", "Application page"}},
    {StringId::kKioskPhoneHeading, {"전화 문의", "Phone"}},
    {StringId::kOfflineIndicator,
     {"오프라인: 저장해 둔 자료로 보는 중", "Offline: showing the saved copy"}},
    {StringId::kTilesFailedNotice,
     {"지도 이미지를 받지 못해 기본 지도로 보여 드립니다.",
      "Map images could not be loaded: showing the basic map."}},
    {StringId::kEmbedOpenFull, {"크게 보기", "Open full map"}},
    {StringId::kEmbedWheelHint,
     {"지도를 움직이려면 Ctrl 키를 누른 채 휠을 돌리세요.",
      "Hold Ctrl and scroll to move the map."}},
    {StringId::kApproximateNotShownFormat,
     {"주소만 있고 좌표가 없는 시설 %d곳(경로당 등)은 지도에 점 대신 지역별 개수로, 목록에는 '주소 "
      "기준 위치'로 나와요.",
      "%d facilities known only by their address (경로당 and others) show as counts on their area, "
      "not as points, and in the list as 'placed by address'."}},
    // ---- Facilities placed by address, freshness, legend groups (issue 12, the app's display)
    {StringId::kApproxBadgeFormat, {"%s %d곳 (주소 기준)", "%s: %d (by address)"}},
    {StringId::kApproxBadgeMoreFormat,
     {"%s %d곳 외 %d곳 (주소 기준)", "%s: %d and %d more (by address)"}},
    {StringId::kApproxListHeadingFormat, {"주소 기준 위치 · %d곳", "Placed by address · %d"}},
    {StringId::kApproxRowTag, {"주소 기준 위치", "Placed by address"}},
    {StringId::kApproxCardNote,
     {"자료에 좌표가 없어 주소로 지역만 알 수 있는 시설이에요. 지도에 점으로 표시하지 않아요. "
      "정확한 위치는 주소로 찾아보세요.",
      "The source gives no coordinates for this facility, only its address, so the map shows its "
      "area, not its spot. Find the exact place by its address."}},
    {StringId::kApproxCardAreaFormat, {"위치: %s (주소 기준)", "Area: %s (from the address)"}},
    {StringId::kCardSearchKakao, {"카카오맵에서 주소 찾기", "Find the address in Kakao Map"}},
    {StringId::kCardSearchNaver, {"네이버 지도에서 주소 찾기", "Find the address in Naver Map"}},
    {StringId::kCardStaleFormat,
     {"이 정보는 %s 기준으로 2년이 넘었어요. 가기 전에 전화로 확인하세요.",
      "This information dates from %s, more than two years ago: please call before you go."}},
    {StringId::kLegendGroupHealth, {"보건·의료", "Health"}},
    {StringId::kLegendGroupSenior, {"노인", "Older people"}},
    {StringId::kLegendGroupDisability, {"장애인·정신건강", "Disability, mental health"}},
    {StringId::kLegendGroupChildFamily, {"아동·가족", "Children, families"}},
    {StringId::kLegendGroupCommunity, {"지역복지·기타", "Community, other"}},
    {StringId::kLegendGroupExpandFormat, {"%s 종류 보기", "Show the kinds of %s"}},
    {StringId::kApproxBadgeShortFormat, {"주소 기준 %d곳", "%d by address"}},
    {StringId::kApproxBadgeCountFormat, {"%d곳", "%d"}},
    {StringId::kListApproxSuffixFormat, {" · 주소 기준 %d곳", " · %d by address"}},
    {StringId::kSearchApproximate, {"시설 (주소 기준 위치)", "Facilities placed by address"}},
    {StringId::kSpotHeadingFormat,
     {"이 자리의 시설 %d곳 (같은 건물 등): 하나를 고르세요",
      "%d facilities at this spot (one building): pick one"}},
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
    {"노인", "Elderly"},
    {"장애인", "Disability"},
    {"아동", "Children"},
    {"청소년", "Youth"},
    {"여성·가족", "Women & family"},
    {"한부모", "Single parents"},
    {"노숙인", "Homeless"},
    {"정신건강", "Mental health"},
    {"종합사회복지관", "Community welfare centre"},
    {"행정복지센터", "Community service centre"},
    {"의료", "Medical"},
    {"약국", "Pharmacy"},
    {"기타", "Other"},
    {"공공보건", "Public health"},
    {"경로당", "Senior centre"},
    {"노인돌봄", "Elderly care"},
    {"치매", "Dementia"},
};

// Indexed by the bit position of a TargetGroup.
constexpr const char* kTargetLabels[kTargetGroupCount][kLanguageCount] = {
    {"노인", "Older people"},
    {"장애인", "People with disabilities"},
    {"아동", "Children"},
    {"청소년", "Youth"},
    {"여성", "Women"},
    {"가족", "Families"},
    {"한부모·조손", "Single-parent families"},
    {"노숙인", "Homeless people"},
    {"다문화", "Multicultural families"},
    {"저소득", "Low-income households"},
    {"보훈대상자", "Veterans"},
    {"임산부", "Pregnant women"},
    {"정신건강", "Mental health"},
    {"지역주민 누구나", "All residents"},
    {"청년", "Young adults"},
    {"다자녀", "Large families"},
    {"1인가구", "Single-person households"},
    {"치매", "Dementia"},
};

constexpr const char* kWeekdayLabels[7][kLanguageCount] = {
    {"일", "Sun"}, {"월", "Mon"}, {"화", "Tue"}, {"수", "Wed"},
    {"목", "Thu"}, {"금", "Fri"}, {"토", "Sat"},
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

}  // namespace bokji::web
