// The string table: every piece of text the app shows a person, in Korean first and English second.
//
// Code never writes user-facing text inline; it asks for a StringId in the frame's language. The
// language is part of the app's state (AppState::language); the App sets it here at the top of
// every frame, so Text() needs no argument. Texts with a `%` are printf formats (their arguments
// are noted beside them).
//
// clang-format off
//   SetLanguage(state.language);                                             // once per frame
//   ImGui::TextUnformatted(Text(StringId::kDataInfoTitle));                  // "데이터 정보"
//   ImGui::Text(Text(StringId::kFacilityCountFormat), 45);                   // "복지시설 45곳"
//   ImGui::TextUnformatted(CategoryLabel(bokji::FacilityCategory::kChild));  // "아동"
// clang-format on
//
// Four columns: Korean, English, Vietnamese, Chinese (simplified). A row whose column is still
// empty (nullptr: a string another feature added at the end, waiting for its translation) shows
// the Korean text, so a translation can land row by row. The font build (scripts/build-font.py)
// reads strings.cc: the Korean and English columns go into the Hangul font every visit loads; the
// Vietnamese and Chinese columns into small per-language fonts fetched when that language is
// chosen (web/font.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/model.h"
#include "core/programs.h"

namespace bokji::web {

enum class Language : uint8_t { kKorean = 0, kEnglish = 1, kVietnamese = 2, kChinese = 3 };
inline constexpr int kLanguageCount = 4;

// The languages the header's chooser offers: those whose column is written and whose glyphs the
// fonts hold (tests/web/strings_test.cc checks every row has all four).
inline constexpr Language kOfferedLanguages[] = {Language::kKorean, Language::kEnglish,
                                                 Language::kVietnamese, Language::kChinese};

// "ko", "en", "vi", "zh-Hans": the page's ?lang= values (BCP 47, also the page's lang attribute).
const char* LanguageCode(Language language);
// The language of a code ("zh" too); nullopt for a code the table has no column for.
std::optional<Language> LanguageFromCode(std::string_view code);
// The language's name in itself ("한국어", "English", "Tiếng Việt", "中文(简体)"): the chooser's
// labels.
const char* LanguageName(Language language);

enum class StringId : uint16_t {
  // App
  kAppTitle,
  // Errors (shown by the page's error screen; the page itself says what failed while loading)
  kErrorTitle,
  kErrorWebGl,
  kErrorGraphics,
  kErrorFont,
  kErrorBundle,
  // Data summary
  kDataInfoButton,
  kDataInfoTitle,
  kDataBuiltFormat,      // %s: a date
  kFacilityCountFormat,  // %d
  kProgramCountFormat,   // %d
  kRegionCountFormat,    // %d 시도, %d 시군구, %d 읍면동
  kSourcesHeading,
  kSourceDateFormat,       // %s: a date
  kSourcePublisherFormat,  // %s
  kSourceLicenceFormat,    // %s
  kDataCaveat,
  // Map
  kZoomIn,
  kZoomOut,
  kFitProvince,
  kLegendTitle,
  kBoundaryAttribution,
  // Facility card
  kCardAddress,
  kCardLotAddress,
  kCardPhone,
  kCardCall,
  kCardHours,
  kCardTargets,
  kCardOperator,
  kCardSource,
  kCardSourceDateFormat,  // %s: the source's data date
  kCardVerifiedFormat,    // %s: a date
  kCardDirectionsKakao,
  kCardDirectionsNaver,
  kCardClose,
  kNotStated,
  // Search
  kSearchHint,
  kSearchClear,
  kSearchFacilities,
  kSearchRegions,
  kSearchPrograms,
  kSearchNoResults,
  // Near me
  kNearMeButton,
  kNearMeTitle,
  kLocating,
  kLocationDenied,
  kLocationUnavailable,
  kNearMeNone,
  // Near me: other ways to choose a place; filters; the results list; card extras
  kNearFallbackHint,
  kPickOnMap,
  kPickOnMapHint,
  kPickRegion,
  kNearClear,
  kPlaceMyLocation,
  kPlacePicked,
  kFiltersTitle,
  kFilterTarget,
  kFilterAny,
  kFilterRegion,
  kFilterAllSigungu,
  kFilterAllEmd,
  kFilterOpenNow,
  kFilterOpenNowNoData,
  kFilterOpenNowNoteFormat,  // %d
  kFilterReset,
  kListInViewFormat,  // %d
  kListNearFormat,    // %s: kPlaceMyLocation, kPlacePicked or a region
  kListShownFormat,   // %d
  kListEmpty,
  kListShow,
  kListHide,
  kOpenNowBadge,
  kClosedNowBadge,
  kCardCopyLink,
  kCardLinkCopied,
  kTilesToggle,
  kTilesCreditOsm,
  kTilesCreditFormat,  // %s: the tile server's host
  // Welfare education
  kEducationButton,
  kEducationTitle,
  kEducationForCitizens,
  kEducationForWorkers,
  kEducationForEveryone,
  kEducationShowPast,
  kEducationPast,
  kEducationNoneInData,
  kEducationNoneMatching,
  kEducationStatutoryNote,
  kEducationStatutoryLink,
  kEducationStatutoryUrl,     // not translated: the page it opens
  kEducationOrganiserFormat,  // %s
  kEducationFeeFormat,        // %s
  kEducationContactFormat,    // %s
  kEducationOpenLink,
  kEducationShowOnMap,
  // Program card
  kProgramLevelCentral,
  kProgramLevelProvince,
  kProgramLevelCity,
  kProgramLevelPrivate,
  kProgramProvider,
  kProgramSummary,
  kProgramBenefits,
  kProgramEligibility,
  kProgramSelection,
  kProgramHowToApply,
  kProgramContact,
  kProgramProvision,
  kProgramCycle,
  kProgramOpenLink,
  kProgramUpdatedFormat,  // %s: a date
  // ---- Programs view, facility card link and self-check (web/programs_panel.cc) ----
  kProgramsButton,
  kFacilityCityPrograms,
  kProgramsTitle,
  kProgramsBackToMap,
  kProgramsBackToList,
  kProgramsSearchHint,
  kProgramsLifeStage,
  kProgramsTheme,
  kProgramsTarget,
  kProgramsRegion,
  kProgramsAll,
  kProgramsRegionCommon,
  kProgramsCountFormat,          // %d
  kProgramsUnstatedStageFormat,  // %d
  kProgramsIncludeUnstated,
  kProgramsNone,
  kProgramsResetFilters,
  kProgramNoData,
  kProgramApply,
  kProgramNoApplyUrl,
  kProgramLevelAndRegion,
  kProgramOffice,
  kStagePregnancy,
  kStageInfant,
  kStageChild,
  kStageTeen,
  kStageYoungAdult,
  kStageMiddleAge,
  kStageSenior,
  kSelfCheckButton,
  kSelfCheckIntro,
  kSelfCheckStepFormat,  // %d step, %d steps
  kSelfCheckSkip,
  kSelfCheckBack,
  kSelfCheckNext,
  kSelfCheckYes,
  kSelfCheckNo,
  kQuestionAge,
  kQuestionAgeExact,
  kAgeBandFormat,     // %d, %d years
  kAgeAtLeastFormat,  // %d years
  kAgeFormat,         // %d years
  kQuestionCity,
  kQuestionHousehold,
  kHouseholdSingle,
  kHouseholdSingleParent,
  kHouseholdManyChildren,
  kHouseholdNone,
  kQuestionDisability,
  kQuestionPregnant,
  kQuestionChildren,
  kChildrenNone,
  kQuestionIncome,
  kIncomeHelp,
  kIncomeUpTo50,
  kIncome51To100,
  kIncome101To150,
  kIncomeAbove150,
  kQuestionVeteran,
  kQuestionMulticultural,
  kSelfCheckShowResults,
  kSelfCheckResultsTitle,
  kSelfCheckMatchCountFormat,  // %d matches, %d answers
  kSelfCheckCheckCriteria,
  kSelfCheckClear,
  kSelfCheckEdit,
  kSelfCheckMore,
  kReasonInYourCity,
  kReasonProvinceWide,
  kReasonNationwide,
  kReasonLifeStage,
  kReasonTargetGroupFormat,  // %s: target groups
  kReasonAge,
  kReasonIncome,
  kUnknownSigungu,
  kUnknownAge,
  kUnknownChildren,
  kUnknownPregnancy,
  kUnknownHousehold,
  kUnknownDisability,
  kUnknownIncome,
  kUnknownVeteran,
  kUnknownMulticultural,
  kUnknownRegionUnclear,
  kUnknownAgeMayNotFit,
  kUnknownIncomeMayNotFit,
  kUnknownTargetMayNotFit,
  kUnknownCheckCriteria,
  kMatchOpenCard,
  // ---- Sheets, search groups, self-check results (issue 8) ----
  kBack,
  kSearchTotalFormat,
  kMoreFormat,
  kFitNamesYou,
  kFitOpen,
  kFitMayNotFit,
  kGroupHeadingFormat,
  kGroupBy,
  kGroupByFit,
  kGroupByTheme,
  kGroupByLevel,
  kThemeNone,
  kNextQuestionFormat,         // %s: a question (QuestionLabel), %d: programs
  kNextQuestionNarrowsFormat,  // %s: a question (QuestionLabel), %d: programs
  kAnswerNextQuestion,
  kQuestionLabelAge,
  kQuestionLabelCity,
  kQuestionLabelHousehold,
  kQuestionLabelDisability,
  kQuestionLabelPregnant,
  kQuestionLabelChildren,
  kQuestionLabelIncome,
  kQuestionLabelVeteran,
  kQuestionLabelMulticultural,
  // Accessibility (issue 11): the accessible mirror, text size, contrast, language
  kMirrorMapRegion,
  kMirrorMapAroundFormat,  // %s: an area, %d: facilities
  kMirrorMapKeys,
  kMirrorSkipToResults,
  kMirrorMenu,
  kMirrorResultsList,
  kMirrorSearchResults,
  kMirrorDistanceFormat,  // %s: a distance
  kMirrorPhoneFormat,     // %s: a phone number
  kMirrorNoPhone,
  kMirrorChooseSigungu,
  kMirrorChooseEmd,
  kMirrorCategoryFormat,  // %s: a category, %d: facilities
  kMirrorFilterTarget,
  kDataInKorean,
  kTextSize,
  kTextSizeFormat,  // %d: percent
  kHighContrast,
  kLanguageChooser,
  // Help requests and correction reports (the DOM forms in web/help_form.js; these are the app's
  // buttons)
  kHelpRequestButton,
  kReportWrongInfo,
  kHelpPickingHint,
  // Kiosk and embed modes (issue 10): the kiosk's bar, on-screen keyboard, QR handoff, offline
  // notices, the embed's link and wheel hint.
  kKioskStartOver,
  kKioskTextSizeFormat,
  kKioskHighContrastFormat,
  kKioskOn,
  kKioskOff,
  kKeyboardShift,
  kKeyboardBackspace,
  kKeyboardSpace,
  kKeyboardDone,
  kQrScanHint,
  kQrFacilityCaption,
  kQrDirectionsCaption,
  kQrApplyCaption,
  kKioskPhoneHeading,
  kOfflineIndicator,
  kTilesFailedNotice,
  kEmbedOpenFull,
  kEmbedWheelHint,
  // ---- Facilities placed by address only (issue 12), until the map shows them per area ----
  kApproximateNotShownFormat,  // %d: facilities whose source gives only an address
  // ---- Facilities placed by address on the map, in the list and their card; freshness; the
  // legend's groups (issue 12, the app's display) ----
  kApproxBadgeFormat,        // %s: a category, %d: how many ("경로당 42곳 (주소 기준)")
  kApproxBadgeMoreFormat,    // %s: the most common category, %d: its count, %d: the others
  kApproxListHeadingFormat,  // %d: how many in the list's part for them
  kApproxRowTag,             // "주소 기준 위치", in place of a distance
  kApproxCardNote,
  kApproxCardAreaFormat,  // %s: the area ("전주시 완산구 중앙동")
  kCardSearchKakao,
  kCardSearchNaver,
  kCardStaleFormat,  // %s: the date the facts are from
  kLegendGroupHealth,
  kLegendGroupSenior,
  kLegendGroupDisability,
  kLegendGroupChildFamily,
  kLegendGroupCommunity,
  kLegendGroupExpandFormat,
  kApproxBadgeShortFormat,  // %d: an area's count, where the full badge finds no room
  kApproxBadgeCountFormat,  // %d: the same, shortest
  kListApproxSuffixFormat,
  kSearchApproximate,  // the search's group of facilities placed by address
  kSpotHeadingFormat,  // %d: facilities at one spot (one building), the list to pick one
  // ---- Languages (issue 11): the phone's display menu ----
  kDisplayMenu,
  // ---- A phone's compact header at 150 and 200 % text (issue 11) ----
  kHeaderMenu,  // the button that holds the header's other buttons and the display settings
  // ---- Nothing cut off at 200 % on a phone (issue 11) ----
  kSearchHintShort,  // a search box's hint when the long one does not fit the box
  kCount,
};

// DEFAULT: Language::kKorean.
void SetLanguage(Language language);
Language CurrentLanguage();

// The text for `id` in the current language (Korean where that column is still empty). Never null;
// static storage.
const char* Text(StringId id);

// Labels of the data model's enums, in the current language.
const char* CategoryLabel(FacilityCategory category);
// The legend's name of a group of categories ("노인").
const char* CategoryGroupLabel(CategoryGroup group);
const char* ProgramLevelLabel(ProgramLevel level);
// The short name of a weekday: 0 = Sunday … 6 = Saturday (struct tm's tm_wday). "일" … "토".
const char* WeekdayLabel(int tm_wday);
// The label of one TargetGroup bit. REQUIRES: `bit` has exactly one bit set, below 1 <<
// kTargetGroupCount.
const char* TargetLabel(uint32_t bit);
inline constexpr int kTargetGroupCount = 18;
// The label of one LifeStage bit ("청년"). REQUIRES: one bit, below 1 << kLifeStageCount.
const char* StageLabel(uint32_t bit);
inline constexpr int kLifeStageCount = 7;
// Whom an education event is for.
const char* EventAudienceLabel(EducationAudience audience);
// The self-check's words for its results (core/programs.h).
const char* MatchReasonText(MatchReason reason);  // kTargetGroup: a format with %s (the groups)
const char* MatchUnknownText(MatchUnknown unknown);
const char* MatchFitText(MatchFit fit);
const char* QuestionLabel(SelfCheckQuestion question);  // "자녀": short, inside a sentence

// Every string of every language, for the font's glyph ranges: calls `visit` once per string.
void VisitAllStrings(void (*visit)(const char* text, void* context), void* context);
// Every string of one language's column (rows still without it are skipped): the glyphs that
// language needs (web/font.h loads Vietnamese and Chinese glyphs only when they are chosen).
void VisitStrings(Language language, void (*visit)(const char* text, void* context), void* context);

}  // namespace bokji::web
