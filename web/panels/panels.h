// Every panel of the app, in drawing order: a panel later in the list is drawn over the ones before
// it. Each is one file in web/panels/ that defines its class and ends with
// BOKJI_PANEL_MAKER(ClassName); App lists them from here.
//
// Adding a panel: write web/panels/my_panel.cc (a class deriving from Panel, web/panel.h, and the
// maker line at its end), then add X(MyPanel) below where it should be drawn. Nothing else: the
// App draws it every frame and adds its Debug to the debug state; whether it shows is its own
// decision from the state (for a card: `CardAs<MyCard>(ctx.state)`).
#pragma once

#include <memory>

#include "web/panel.h"

// clang-format off
#define BOKJI_PANELS(X)  \
  X(HeaderPanel)         /* title, search and its results, the main buttons      header.cc        */ \
  X(FindingPanel)        /* near me, legend, filters, the results list           finding.cc       */ \
  X(ZoomButtons)         /* + and − over the map                                 zoom_buttons.cc  */ \
  X(NoticesPanel)        /* network loss: tiles replaced, offline (over the map) notices.cc       */ \
  X(FacilityCardPanel)   /* a facility's card                                    facility_card.cc */ \
  X(SpotCardPanel)       /* the facilities at one spot, to choose from           spot_card.cc     */ \
  X(ApproximateCardPanel) /* a facility placed by address only                   approximate_card.cc */ \
  X(DataInfoPanel)       /* where the data comes from                            data_info.cc     */ \
  X(EducationPanel)      /* welfare education events                             education.cc     */ \
  X(ProgramsPanel)       /* the programs view: browse and search programs        programs.cc      */ \
  X(SelfCheckPanel)      /* the programs view: the self-check and its results    self_check.cc    */ \
  X(ProgramCardPanel)    /* one program's card (over the map or in the view)     program_card.cc  */ \
  X(KioskKeyboard)       /* kiosk: the on-screen 두벌식 keyboard for a text field  kiosk_keyboard.cc */ \
  X(KioskBar)            /* kiosk: 처음으로, 글자 크게, 고대비, always visible       kiosk_bar.cc     */
// clang-format on

#define BOKJI_PANEL_MAKER(Name)                       \
  std::unique_ptr<::bokji::web::Panel> Make##Name() { \
    return std::make_unique<Name>();                  \
  }

namespace bokji::web {
#define BOKJI_DECLARE_PANEL_MAKER(Name) std::unique_ptr<Panel> Make##Name();
BOKJI_PANELS(BOKJI_DECLARE_PANEL_MAKER)
#undef BOKJI_DECLARE_PANEL_MAKER
}  // namespace bokji::web
