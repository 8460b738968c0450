// The page's DOM forms beside the map: 위기가구 도움 요청 (a help request for oneself or, anonymously if
// wished, for a neighbour), its receipt and the status look-up ("확인"), and "정보가 틀렸어요" (a short
// correction report about a facility or program). Real labelled inputs, so screen readers, IMEs, mobile
// keyboards and password managers work; large text, one column, at phone, desktop and kiosk sizes.
// The API is docs/help-requests.md (bokji-server, same origin).
//
//   <script src="help_form.js"></script>         after the page's own script (window.bokjiPage)
//   window.bokjiHelp.openHelp();                 the app's "도움 요청" button (web/bridge.js)
//   window.bokjiHelp.openCorrection('facility', '장애인복지관:179', '○○복지관');   a card's "정보가 틀렸어요"
//   window.bokjiHelp.pointPicked(35.79, 127.18); a tap on the map while the form asked for one
//   window.bokjiPage.reset();                    also empties and closes every form (resetHooks)
//
// Personal data stays in this page's memory and the DOM while a form is open: never in the URL, web
// storage, cookies, the console or a log; the tapped point never enters the app's state (which the URL
// mirrors). After a request is sent the form is emptied; the receipt code is shown once and forgotten
// when the form closes or the page resets.
//
// Sending: every submission carries an Idempotency-Key (a fresh UUID per form content, the same one on a
// retry of the same content), so a retry after a lost answer gets the first answer, never a second
// request. On any failure the form stays filled, the page says what went wrong (the server's field and
// reason for a 4xx) and offers 129.
//
// Index
//   - Strings (Korean first, English)
//   - Building the DOM
//   - Opening, closing, reset
//   - The help request: place, validation, the request body, sending
//   - Receipt and status look-up
//   - The correction report
'use strict';

(function () {
  const page = window.bokjiPage;
  if (!page) return;  // REQUIRES: index.html's script ran first (it defines window.bokjiPage)

  // -------------------------------------------------------------------------------------------------------
  // Strings (Korean first, English, Vietnamese, Chinese). Texts the server sends (the consent text,
  // status messages) come in Korean and English: Vietnamese and Chinese readers get the English.
  // -------------------------------------------------------------------------------------------------------
  const STRINGS = {
    ko: {
      helpTitle: '도움 요청',
      close: '닫기',
      emergencyTitle: '급하면 바로 전화하세요',
      call112: '112 경찰', call112Note: '지금 위험할 때',
      call119: '119 구급·소방', call119Note: '다치거나 아플 때',
      call129: '129 복지상담', call129Note: '24시간 상담',
      call109: '109 자살예방', call109Note: '죽고 싶은 마음이 들 때',
      intro: '나나 이웃의 어려움을 행정복지센터(동네 주민센터)에 알립니다. 담당 공무원이 14일 안에 연락드립니다.',
      forWhom: '누구를 위한 요청인가요?',
      forSelf: '나를 위해',
      forOther: '다른 사람(이웃)을 위해',
      situations: '어떤 어려움인가요? (여러 개 고를 수 있어요)',
      situationNames: {
        livelihood: '생계가 어려움 · 실직 · 폐업',
        health: '질병 · 장애',
        isolation: '혼자 지냄 · 외로움 (고립·고독)',
        housing: '살 집 문제',
        arrears: '전기·수도 요금이나 월세가 밀림',
        care: '돌봐 줄 사람이 없음',
        other: '기타',
      },
      description: '하고 싶은 말 (선택)',
      descriptionHint: '상황을 짧게 적어 주세요. 몇 줄이면 됩니다.',
      where: '어디인가요?',
      whereDevice: '지금 내가 있는 곳',
      whereMap: '지도에서 고르기',
      whereRegion: '시군구 · 읍면동 고르기',
      locate: '내 위치 찾기',
      locating: '위치를 찾는 중입니다…',
      located: '내 위치를 받았습니다.',
      locateFailed: '위치를 알 수 없습니다. 지도에서 고르거나 시군구·읍면동을 골라 주세요.',
      pickOnMap: '지도에서 누르기',
      pickAgain: '지도에서 다시 누르기',
      picked: '지도에서 고른 곳을 받았습니다. 그곳의 행정복지센터로 보냅니다.',
      pickBanner: '도움이 필요한 곳을 지도에서 누르세요',
      pickCancel: '취소',
      sigungu: '시군구',
      emd: '읍면동',
      chooseSigungu: '시군구를 고르세요',
      wholeSigungu: '읍면동 모름 (시군구 전체)',
      addressString: '자세한 곳 (선택)',
      addressHint: '예: ○○아파트 앞, 시장 옆 골목',
      contactTitleSelf: '연락받을 곳',
      contactTitleOther: '도움이 필요한 분의 연락처 (알면 적어 주세요)',
      name: '이름',
      phone: '전화번호',
      phoneRequired: '전화번호 (꼭 적어 주세요)',
      phoneHint: '예: 010-1234-5678',
      bestTime: '연락하기 좋은 때',
      bestTimeHint: '예: 평일 오후',
      reporterTitle: '알리는 분 (선택: 비워 두면 이름 없이 보냅니다)',
      reporterName: '알리는 분 이름',
      reporterPhone: '알리는 분 전화번호',
      optional: '(선택)',
      consentTitle: '개인정보 수집·이용 동의: 내 정보를 받아서 쓰는 것에 대한 동의 (꼭 필요)',
      consentLoading: '동의 내용을 불러오는 중입니다…',
      consentAgree: '위 내용을 읽었고 동의합니다.',
      consentUnavailable: '동의 내용을 서버에서 받지 못해 지금은 보낼 수 없습니다.',
      call129Hint: '급하면 129로 전화해 주세요.',
      send: '보내기',
      sending: '보내는 중입니다…',
      checkStatusLink: '이미 요청하셨나요? 처리 상황 확인',
      offline: '인터넷에 연결되어 있지 않아 지금은 보낼 수 없습니다. 적은 내용은 그대로 있습니다. 급하면 129로 전화해 주세요.',
      networkFailed: '네트워크 문제로 보내지 못했습니다. 적은 내용은 그대로 있습니다. 다시 보내거나 129로 전화해 주세요.',
      serverFailed: '서버에 문제가 있어 보내지 못했습니다. 적은 내용은 그대로 있습니다. 잠시 뒤 다시 보내거나 129로 전화해 주세요.',
      fixFields: '고칠 곳이 있습니다. 적은 내용은 그대로 있습니다. 고친 뒤 다시 보내 주세요. 어려우면 129로 전화해 주세요.',
      needForWhom: '누구를 위한 요청인지 골라 주세요.',
      needSituation: '어려움을 하나 이상 골라 주세요.',
      needPlace: '어디인지 골라 주세요.',
      needPhone: '나를 위한 요청은 연락받을 전화번호가 꼭 필요합니다.',
      needConsent: '동의해야 보낼 수 있습니다. 동의하지 않으시면 129로 전화해 주세요.',
      receiptTitle: '접수되었습니다',
      receiptNext: '담당 공무원이 14일 이내 연락드립니다.',
      receiptRouted: (name) => '보낸 곳: ' + name + ' 행정복지센터',
      receiptId: '접수 번호',
      receiptCode: '확인 코드',
      receiptKeep: '처리 상황을 보려면 접수 번호와 확인 코드가 필요합니다. 적어 두거나 사진을 찍어 두세요. 이 화면을 닫으면 다시 볼 수 없습니다.',
      checkStatus: '처리 상황 확인',
      statusTitle: '처리 상황 확인',
      statusIntro: '접수 번호와 확인 코드를 넣으세요.',
      codeHint: '예: 7K3M-QX9P-2RTA (대소문자, 띄어쓰기는 상관없어요)',
      statusCheck: '확인',
      statusNow: '지금 상태',
      statusUpdated: '바뀐 때',
      statusNotFound: '번호나 코드가 맞지 않습니다. 다시 확인해 주세요.',
      statusNeed: '접수 번호와 확인 코드를 모두 넣어 주세요.',
      correctionTitle: '정보가 틀렸어요',
      correctionAbout: (name) => '대상: ' + name,
      correctionWhat: '무엇이 틀렸나요? (꼭 적어 주세요)',
      correctionWhatHint: '예: 전화번호가 바뀌었어요, 문을 닫았어요',
      correctionContact: '연락처 (선택: 물어볼 것이 있을 때만 연락드립니다)',
      correctionNeedWhat: '무엇이 틀렸는지 적어 주세요.',
      correctionConsentTitle: '연락처를 적으셨다면: 개인정보 수집·이용 동의',
      correctionThanks: '보내 주셔서 고맙습니다.',
      correctionRouted: (name) => name + '에서 확인합니다.',
      another: '처음으로',
    },
    en: {
      helpTitle: 'Ask for help',
      close: 'Close',
      emergencyTitle: 'In an emergency, call now',
      call112: '112 Police', call112Note: 'in danger now',
      call119: '119 Ambulance · fire', call119Note: 'hurt or ill',
      call129: '129 Welfare line', call129Note: '24 hours',
      call109: '109 Suicide prevention', call109Note: 'if you think of ending your life',
      intro: 'Tell the community centre about a household in crisis (yours or a neighbour\'s). A welfare officer will contact you within 14 days.',
      forWhom: 'Who is this for?',
      forSelf: 'For me',
      forOther: 'For someone else (a neighbour)',
      situations: 'What is the difficulty? (choose one or more)',
      situationNames: {
        livelihood: 'No income · lost job · closed business',
        health: 'Illness · disability',
        isolation: 'Alone · lonely (isolation)',
        housing: 'Housing crisis',
        arrears: 'Unpaid bills or rent',
        care: 'No one to give care',
        other: 'Other',
      },
      description: 'Anything to add (optional)',
      descriptionHint: 'A few lines about the situation.',
      where: 'Where?',
      whereDevice: 'Where I am now',
      whereMap: 'Choose on the map',
      whereRegion: 'Choose a district',
      locate: 'Find my location',
      locating: 'Finding your location…',
      located: 'Got your location.',
      locateFailed: 'Your location is not available. Choose on the map or a district.',
      pickOnMap: 'Tap on the map',
      pickAgain: 'Tap on the map again',
      picked: 'Got the place you tapped. It goes to that area\'s community centre.',
      pickBanner: 'Tap the map where help is needed',
      pickCancel: 'Cancel',
      sigungu: 'City or county',
      emd: 'Neighbourhood (eup, myeon, dong)',
      chooseSigungu: 'Choose a city or county',
      wholeSigungu: 'Not sure (the whole city or county)',
      addressString: 'More about the place (optional)',
      addressHint: 'e.g. in front of the apartment block',
      contactTitleSelf: 'How to reach you',
      contactTitleOther: 'Contact of the person in need (if you know it)',
      name: 'Name',
      phone: 'Phone',
      phoneRequired: 'Phone (required)',
      phoneHint: 'e.g. 010-1234-5678',
      bestTime: 'Best time to call',
      bestTimeHint: 'e.g. weekday afternoons',
      reporterTitle: 'You, the reporter (optional: leave empty to stay anonymous)',
      reporterName: 'Your name',
      reporterPhone: 'Your phone',
      optional: '(optional)',
      consentTitle: 'Consent to collect and use personal data (required)',
      consentLoading: 'Loading the consent text…',
      consentAgree: 'I have read this and agree.',
      consentUnavailable: 'The consent text could not be loaded from the server, so the form cannot be sent now.',
      call129Hint: 'If it is urgent, call 129.',
      send: 'Send',
      sending: 'Sending…',
      checkStatusLink: 'Already asked? Check the status',
      offline: 'You are offline, so this cannot be sent now. What you wrote is kept. If it is urgent, call 129.',
      networkFailed: 'A network problem stopped the sending. What you wrote is kept. Send again, or call 129.',
      serverFailed: 'The server had a problem. What you wrote is kept. Try again later, or call 129.',
      fixFields: 'Something needs fixing. What you wrote is kept. Fix it and send again, or call 129.',
      needForWhom: 'Choose who this is for.',
      needSituation: 'Choose at least one difficulty.',
      needPlace: 'Choose where.',
      needPhone: 'A request for yourself needs a phone number to call back.',
      needConsent: 'You need to agree to send this. If you do not agree, call 129.',
      receiptTitle: 'Received',
      receiptNext: 'A welfare officer will contact within 14 days.',
      receiptRouted: (name) => 'Sent to: the community centre of ' + name,
      receiptId: 'Request number',
      receiptCode: 'Receipt code',
      receiptKeep: 'You need the request number and the receipt code to check the status. Write them down or take a photo. Once closed, this screen cannot be shown again.',
      checkStatus: 'Check the status',
      statusTitle: 'Check the status',
      statusIntro: 'Enter the request number and the receipt code.',
      codeHint: 'e.g. 7K3M-QX9P-2RTA (case and spaces do not matter)',
      statusCheck: 'Check',
      statusNow: 'Status',
      statusUpdated: 'Updated',
      statusNotFound: 'The number or the code does not match. Please check them.',
      statusNeed: 'Enter both the request number and the receipt code.',
      correctionTitle: 'This information is wrong',
      correctionAbout: (name) => 'About: ' + name,
      correctionWhat: 'What is wrong? (required)',
      correctionWhatHint: 'e.g. the phone number changed, it has closed',
      correctionContact: 'Your contact (optional: only used to ask about the report)',
      correctionNeedWhat: 'Write what is wrong.',
      correctionConsentTitle: 'If you gave a contact: consent to collect and use it',
      correctionThanks: 'Thank you for telling us.',
      correctionRouted: (name) => name + ' will check it.',
      another: 'Start again',
    },
    vi: {
      helpTitle: 'Xin giúp đỡ',
      close: 'Đóng',
      emergencyTitle: 'Nếu gấp, hãy gọi ngay',
      call112: '112 Cảnh sát', call112Note: 'khi đang gặp nguy hiểm',
      call119: '119 Cấp cứu · cứu hỏa', call119Note: 'khi bị thương hoặc bị ốm',
      call129: '129 Tư vấn phúc lợi', call129Note: 'tư vấn 24 giờ',
      call109: '109 Phòng chống tự tử', call109Note: 'khi bạn muốn chết',
      intro: 'Báo cho trung tâm hành chính phúc lợi (ủy ban phường, xã) về khó khăn của bạn hoặc của hàng xóm. Cán bộ phụ trách sẽ liên lạc trong 14 ngày.',
      forWhom: 'Bạn xin giúp cho ai?',
      forSelf: 'Cho tôi',
      forOther: 'Cho người khác (hàng xóm)',
      situations: 'Khó khăn là gì? (chọn được nhiều ý)',
      situationNames: {
        livelihood: 'Không đủ tiền sống · mất việc · đóng cửa hàng',
        health: 'Bệnh · khuyết tật',
        isolation: 'Sống một mình · cô đơn',
        housing: 'Vấn đề nhà ở',
        arrears: 'Nợ tiền điện, nước, tiền nhà',
        care: 'Không có ai chăm sóc',
        other: 'Khác',
      },
      description: 'Điều muốn nói thêm (không bắt buộc)',
      descriptionHint: 'Viết ngắn về tình hình. Vài dòng là đủ.',
      where: 'Ở đâu?',
      whereDevice: 'Nơi tôi đang ở',
      whereMap: 'Chọn trên bản đồ',
      whereRegion: 'Chọn thành phố/huyện · xã/phường',
      locate: 'Tìm vị trí của tôi',
      locating: 'Đang tìm vị trí…',
      located: 'Đã có vị trí của bạn.',
      locateFailed: 'Không tìm được vị trí. Hãy chọn trên bản đồ hoặc chọn thành phố/huyện · xã/phường.',
      pickOnMap: 'Chạm vào bản đồ',
      pickAgain: 'Chạm lại vào bản đồ',
      picked: 'Đã có nơi bạn chọn trên bản đồ. Yêu cầu sẽ gửi đến trung tâm của nơi đó.',
      pickBanner: 'Chạm vào nơi cần giúp trên bản đồ',
      pickCancel: 'Hủy',
      sigungu: 'Thành phố/huyện',
      emd: 'Xã/phường (eup, myeon, dong)',
      chooseSigungu: 'Chọn thành phố hoặc huyện',
      wholeSigungu: 'Không biết (cả thành phố/huyện)',
      addressString: 'Nói rõ hơn về nơi đó (không bắt buộc)',
      addressHint: 'Ví dụ: trước chung cư, ngõ cạnh chợ',
      contactTitleSelf: 'Cách liên lạc với bạn',
      contactTitleOther: 'Liên lạc của người cần giúp (nếu biết)',
      name: 'Tên',
      phone: 'Số điện thoại',
      phoneRequired: 'Số điện thoại (bắt buộc)',
      phoneHint: 'Ví dụ: 010-1234-5678',
      bestTime: 'Lúc nào dễ liên lạc',
      bestTimeHint: 'Ví dụ: chiều ngày thường',
      reporterTitle: 'Người báo (không bắt buộc: để trống thì gửi không tên)',
      reporterName: 'Tên người báo',
      reporterPhone: 'Số điện thoại người báo',
      optional: '(không bắt buộc)',
      consentTitle: 'Đồng ý cho thu thập và dùng thông tin cá nhân (bắt buộc)',
      consentLoading: 'Đang tải nội dung đồng ý…',
      consentAgree: 'Tôi đã đọc và đồng ý.',
      consentUnavailable: 'Không tải được nội dung đồng ý từ máy chủ, nên bây giờ chưa gửi được.',
      call129Hint: 'Nếu gấp, hãy gọi 129.',
      send: 'Gửi',
      sending: 'Đang gửi…',
      checkStatusLink: 'Đã gửi rồi? Xem tình trạng xử lý',
      offline: 'Không có Internet nên chưa gửi được. Nội dung bạn viết vẫn còn. Nếu gấp, hãy gọi 129.',
      networkFailed: 'Lỗi mạng nên chưa gửi được. Nội dung bạn viết vẫn còn. Hãy gửi lại hoặc gọi 129.',
      serverFailed: 'Máy chủ bị lỗi nên chưa gửi được. Nội dung bạn viết vẫn còn. Hãy gửi lại sau hoặc gọi 129.',
      fixFields: 'Có chỗ cần sửa. Nội dung bạn viết vẫn còn. Sửa rồi gửi lại. Nếu khó, hãy gọi 129.',
      needForWhom: 'Hãy chọn bạn xin giúp cho ai.',
      needSituation: 'Hãy chọn ít nhất một khó khăn.',
      needPlace: 'Hãy chọn nơi.',
      needPhone: 'Xin giúp cho bạn thì cần số điện thoại để gọi lại.',
      needConsent: 'Cần đồng ý thì mới gửi được. Nếu không đồng ý, hãy gọi 129.',
      receiptTitle: 'Đã nhận yêu cầu',
      receiptNext: 'Cán bộ phụ trách sẽ liên lạc trong 14 ngày.',
      receiptRouted: (name) => 'Đã gửi đến: trung tâm hành chính phúc lợi ' + name,
      receiptId: 'Số yêu cầu',
      receiptCode: 'Mã xác nhận',
      receiptKeep: 'Để xem tình trạng xử lý, bạn cần số yêu cầu và mã xác nhận. Hãy ghi lại hoặc chụp ảnh. Đóng màn hình này thì không xem lại được.',
      checkStatus: 'Xem tình trạng xử lý',
      statusTitle: 'Xem tình trạng xử lý',
      statusIntro: 'Nhập số yêu cầu và mã xác nhận.',
      codeHint: 'Ví dụ: 7K3M-QX9P-2RTA (chữ hoa, chữ thường, dấu cách đều được)',
      statusCheck: 'Xem',
      statusNow: 'Tình trạng bây giờ',
      statusUpdated: 'Lúc thay đổi',
      statusNotFound: 'Số hoặc mã không đúng. Hãy kiểm tra lại.',
      statusNeed: 'Hãy nhập cả số yêu cầu và mã xác nhận.',
      correctionTitle: 'Thông tin này sai',
      correctionAbout: (name) => 'Về: ' + name,
      correctionWhat: 'Sai ở đâu? (bắt buộc)',
      correctionWhatHint: 'Ví dụ: số điện thoại đã đổi, nơi này đã đóng cửa',
      correctionContact: 'Liên lạc của bạn (không bắt buộc: chỉ dùng khi cần hỏi lại)',
      correctionNeedWhat: 'Hãy viết điều gì bị sai.',
      correctionConsentTitle: 'Nếu bạn ghi liên lạc: đồng ý cho thu thập và dùng thông tin đó',
      correctionThanks: 'Cảm ơn bạn đã báo.',
      correctionRouted: (name) => name + ' sẽ kiểm tra.',
      another: 'Về đầu',
    },
    'zh-Hans': {
      helpTitle: '求助',
      close: '关闭',
      emergencyTitle: '情况紧急请马上打电话',
      call112: '112 报警', call112Note: '现在有危险时',
      call119: '119 急救·消防', call119Note: '受伤或生病时',
      call129: '129 福利咨询', call129Note: '24 小时咨询',
      call109: '109 自杀预防', call109Note: '想死的时候',
      intro: '把您或邻居的困难告诉行政福利中心（街道、乡镇的办事处）。负责的公务员会在 14 天内联系您。',
      forWhom: '为谁求助？',
      forSelf: '为我自己',
      forOther: '为别人（邻居）',
      situations: '有什么困难？（可以选多个）',
      situationNames: {
        livelihood: '生活困难·失业·关店',
        health: '疾病·残疾',
        isolation: '一个人住·孤独',
        housing: '住房问题',
        arrears: '欠水电费、房租',
        care: '没有人照顾',
        other: '其他',
      },
      description: '想说的话（可不填）',
      descriptionHint: '简单写一下情况，几行就可以。',
      where: '在哪里？',
      whereDevice: '我现在所在的地方',
      whereMap: '在地图上选',
      whereRegion: '选市郡区·邑面洞',
      locate: '查找我的位置',
      locating: '正在查找位置…',
      located: '已得到您的位置。',
      locateFailed: '无法确定位置。请在地图上选，或选择市郡区·邑面洞。',
      pickOnMap: '在地图上点',
      pickAgain: '在地图上重新点',
      picked: '已得到您在地图上选的地方。会发给那里的行政福利中心。',
      pickBanner: '请在地图上点需要帮助的地方',
      pickCancel: '取消',
      sigungu: '市郡区',
      emd: '邑面洞（乡镇、街道）',
      chooseSigungu: '请选择市郡区',
      wholeSigungu: '不知道（整个市郡区）',
      addressString: '具体地点（可不填）',
      addressHint: '例：某某公寓前、市场旁边的小巷',
      contactTitleSelf: '联系方式',
      contactTitleOther: '需要帮助的人的联系方式（知道的话请填写）',
      name: '姓名',
      phone: '电话号码',
      phoneRequired: '电话号码（必填）',
      phoneHint: '例：010-1234-5678',
      bestTime: '方便联系的时间',
      bestTimeHint: '例：工作日下午',
      reporterTitle: '报告人（可不填：不填就匿名发送）',
      reporterName: '报告人姓名',
      reporterPhone: '报告人电话',
      optional: '（可不填）',
      consentTitle: '同意收集和使用个人信息（必须）',
      consentLoading: '正在载入同意内容…',
      consentAgree: '我已阅读并同意。',
      consentUnavailable: '无法从服务器取得同意内容，所以现在不能发送。',
      call129Hint: '情况紧急请打 129。',
      send: '发送',
      sending: '正在发送…',
      checkStatusLink: '已经求助过？查看处理情况',
      offline: '没有连接网络，现在不能发送。您写的内容还在。情况紧急请打 129。',
      networkFailed: '网络有问题，没有发送成功。您写的内容还在。请重新发送或打 129。',
      serverFailed: '服务器有问题，没有发送成功。您写的内容还在。请稍后再发送或打 129。',
      fixFields: '有需要修改的地方。您写的内容还在。改好后请再发送。有困难请打 129。',
      needForWhom: '请选择为谁求助。',
      needSituation: '请至少选择一个困难。',
      needPlace: '请选择地点。',
      needPhone: '为自己求助时，必须留下回电的电话号码。',
      needConsent: '同意后才能发送。不同意的话请打 129。',
      receiptTitle: '已受理',
      receiptNext: '负责的公务员会在 14 天内联系您。',
      receiptRouted: (name) => '发送到：' + name + ' 行政福利中心',
      receiptId: '受理编号',
      receiptCode: '确认码',
      receiptKeep: '查看处理情况需要受理编号和确认码。请记下来或拍照。关闭这个页面后就不能再看了。',
      checkStatus: '查看处理情况',
      statusTitle: '查看处理情况',
      statusIntro: '请输入受理编号和确认码。',
      codeHint: '例：7K3M-QX9P-2RTA（大小写、空格都没关系）',
      statusCheck: '查看',
      statusNow: '现在状态',
      statusUpdated: '更新时间',
      statusNotFound: '编号或确认码不对。请再确认一下。',
      statusNeed: '请输入受理编号和确认码。',
      correctionTitle: '信息有误',
      correctionAbout: (name) => '对象：' + name,
      correctionWhat: '哪里错了？（必填）',
      correctionWhatHint: '例：电话号码换了、已经关门了',
      correctionContact: '联系方式（可不填：只在需要询问时联系您）',
      correctionNeedWhat: '请写出哪里错了。',
      correctionConsentTitle: '如果留下了联系方式：同意收集和使用',
      correctionThanks: '谢谢您告诉我们。',
      correctionRouted: (name) => '由 ' + name + ' 确认。',
      another: '回到开头',
    },
  };
  const kSituations = ['livelihood', 'health', 'isolation', 'housing', 'arrears', 'care', 'other'];
  const kEmergency = [['112', 'call112', 'call112Note'], ['119', 'call119', 'call119Note'],
                      ['129', 'call129', 'call129Note'], ['109', 'call109', 'call109Note']];
  const API = {
    helpService: 'open311/v2/services/crisis_help.json',
    correctionService: 'open311/v2/services/info_correction.json',
    requests: 'open311/v2/requests.json',
    request: (id) => 'open311/v2/requests/' + encodeURIComponent(id) + '.json',
    corrections: 'api/v1/corrections.json',
  };

  // The app's language when it runs (it may change it), else the page's.
  function language() {
    let code = document.documentElement.lang;
    try {
      const state = page.debug();
      if (state && state.language) code = state.language;
    } catch (e) {
      // The app is not running yet: the page's language.
    }
    if (code === 'zh') code = 'zh-Hans';
    return STRINGS[code] ? code : 'ko';
  }
  // The server's texts are in Korean and English: anything but Korean reads the English.
  const serverEnglish = () => language() !== 'ko';
  let S = STRINGS[language()];

  // -------------------------------------------------------------------------------------------------------
  // Building the DOM
  // -------------------------------------------------------------------------------------------------------
  const css = document.createElement('link');
  css.rel = 'stylesheet';
  css.href = 'help_form.css';
  document.head.appendChild(css);

  // el('p', {class: 'x', text: '…'}, child, …): an element; `text` sets textContent (never HTML).
  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'text') node.textContent = value;
      else if (key === 'class') node.className = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : value);
    }
    for (const child of children) if (child) node.appendChild(child);
    return node;
  }
  let uid = 0;
  const newId = (stem) => 'bh-' + stem + '-' + (++uid);

  // A labelled text field: {wrap, input, error}. `multiline` makes a <textarea>.
  function field(label, {type = 'text', multiline = false, hint = '', maxlength, autocomplete = 'off',
                         inputmode} = {}) {
    const id = newId('f');
    const hintId = hint ? id + '-hint' : null;
    const errorId = id + '-error';
    const input = multiline
        ? el('textarea', {id, rows: 4, maxlength, autocomplete, 'aria-describedby': [hintId, errorId].filter(Boolean).join(' ')})
        : el('input', {id, type, maxlength, autocomplete, inputmode, 'aria-describedby': [hintId, errorId].filter(Boolean).join(' ')});
    const labelNode = el('label', {for: id, text: label});
    const error = el('p', {class: 'bh-error', id: errorId, hidden: true});
    const wrap = el('div', {class: 'bh-field'}, labelNode,
                    hint ? el('p', {class: 'bh-hint', id: hintId, text: hint}) : null, input, error);
    return {wrap, input, label: labelNode, error};
  }

  // A group of radio buttons or checkboxes in a fieldset: {set, inputs: {value: input}, error, legend}.
  function choices(legend, name, type, options) {
    const errorId = newId('e');
    const set = el('fieldset', {class: 'bh-choices', 'aria-describedby': errorId});
    const legendNode = el('legend', {text: legend});
    set.appendChild(legendNode);
    const inputs = {};
    for (const [value, text] of options) {
      const id = newId('c');
      const input = el('input', {type, id, name, value});
      inputs[value] = input;
      set.appendChild(el('div', {class: 'bh-choice'}, input, el('label', {for: id, text})));
    }
    const error = el('p', {class: 'bh-error', id: errorId, hidden: true});
    set.appendChild(error);
    return {set, inputs, error, legend: legendNode};
  }

  // A kiosk (?mode=kiosk): no link leaves the app (a tel: link does nothing on a lobby's screen), so the
  // numbers are shown large, not as links; the form stops above the kiosk's bar, whose "처음으로" stays
  // visible (web/kiosk.js keeps --bokji-kiosk-bar at the bar's height).
  const kiosk = new URLSearchParams(location.search).get('mode') === 'kiosk';
  const callLink = (number, className, ...children) =>
    el(kiosk ? 'div' : 'a', {class: className, href: kiosk ? undefined : 'tel:' + number}, ...children);

  function emergencyBox() {
    const list = el('ul', {class: 'bh-calls'});
    for (const [number, name, note] of kEmergency) {
      list.appendChild(el('li', {}, callLink(number, 'bh-call bh-call-' + number,
                                             el('span', {class: 'bh-call-name', text: S[name]}),
                                             el('span', {class: 'bh-call-note', text: S[note]}))));
    }
    return el('section', {class: 'bh-emergency', 'aria-labelledby': 'bh-emergency-title'},
              el('h3', {id: 'bh-emergency-title', text: S.emergencyTitle}), list);
  }

  // Everything the forms show lives under `root`; it is rebuilt (empty) on every open in the
  // current language, so nothing typed survives a close.
  const root = el('div', {id: 'bokji-help', class: kiosk ? 'bh-overlay bh-kiosk' : 'bh-overlay', hidden: true, role: 'dialog',
                          'aria-modal': 'true', 'aria-labelledby': 'bh-title'});
  const banner = el('div', {id: 'bokji-help-pick', class: 'bh-pick-banner', hidden: true, role: 'status'});
  document.body.appendChild(root);
  document.body.appendChild(banner);
  // Keys typed in the forms are not the map's shortcuts; Escape closes.
  for (const node of [root, banner]) {
    node.addEventListener('keydown', (e) => {
      e.stopPropagation();
      if (e.key === 'Escape' && !e.isComposing) {
        if (node === banner) cancelPicking(); else close();
      }
    });
    node.addEventListener('keyup', (e) => e.stopPropagation());
  }
  root.addEventListener('click', (e) => {
    if (e.target === root) close();  // the dimmed backdrop
  });

  // What the open form holds in memory (besides its inputs). Reset to this on every open and close.
  const blank = () => ({
    view: null,            // 'help' | 'receipt' | 'status' | 'correction'
    generation: 0,         // answers for an older generation (closed, reset) are dropped
    point: null,           // {lat, lng}: from the device or a tap; never stored elsewhere
    pointFrom: null,       // 'device' | 'map'
    consent: null,         // {version, text}
    attempt: null,         // {key, body}: the last body sent and its Idempotency-Key
    receipt: null,         // {id, code, routed}: shown once, forgotten on close
    correction: null,      // {kind, key, name}
  });
  let form = blank();
  let generation = 0;
  let parts = null;  // the current view's inputs

  function sheet(title, ...children) {
    const closeButton = el('button', {type: 'button', class: 'bh-close', text: S.close, onclick: close});
    return el('div', {class: 'bh-sheet'},
              el('div', {class: 'bh-top'}, el('h2', {id: 'bh-title', tabindex: '-1', text: title}), closeButton),
              emergencyBox(), ...children);
  }

  // -------------------------------------------------------------------------------------------------------
  // Opening, closing, reset
  // -------------------------------------------------------------------------------------------------------
  function show(content) {
    root.replaceChildren(content);
    root.hidden = false;
    banner.hidden = true;
    document.getElementById('canvas')?.setAttribute('aria-hidden', 'true');
    const title = document.getElementById('bh-title');
    if (title) title.focus();
  }

  // Forgets everything: the DOM under root (with every typed value), the point, the receipt.
  function close() {
    generation += 1;
    if (form.view === 'picking') stopPicking();
    form = blank();
    parts = null;
    root.replaceChildren();
    root.hidden = true;
    banner.replaceChildren();
    banner.hidden = true;
    document.getElementById('canvas')?.removeAttribute('aria-hidden');
    document.getElementById('canvas')?.focus({preventScroll: true});
  }

  function stopPicking() {
    try {
      if (page.helpPick) page.helpPick(false);
    } catch (e) {
      // The app is gone (error screen): nothing to stop.
    }
  }

  function begin(view) {
    close();
    S = STRINGS[language()];
    form.view = view;
    form.generation = generation;
  }

  page.resetHooks.push(close);

  // -------------------------------------------------------------------------------------------------------
  // The help request: place, validation, the request body, sending
  // -------------------------------------------------------------------------------------------------------
  function openHelp() {
    begin('help');
    const p = {};
    p.status = el('div', {class: 'bh-alert', role: 'alert', hidden: true});
    p.forWhom = choices(S.forWhom, 'bh-for-whom', 'radio', [['self', S.forSelf], ['other', S.forOther]]);
    p.situations = choices(S.situations, 'bh-situations', 'checkbox',
                           kSituations.map((key) => [key, S.situationNames[key]]));
    p.description = field(S.description, {multiline: true, hint: S.descriptionHint, maxlength: 1000});

    // Where: the device, a tap on the map, or a chosen 시군구/읍면동.
    p.where = choices(S.where, 'bh-where', 'radio',
                      [['device', S.whereDevice], ['map', S.whereMap], ['region', S.whereRegion]]);
    p.placeNote = el('p', {class: 'bh-note', role: 'status'});
    p.locate = el('button', {type: 'button', class: 'bh-secondary', text: S.locate, hidden: true, onclick: locate});
    p.pick = el('button', {type: 'button', class: 'bh-secondary', text: S.pickOnMap, hidden: true, onclick: startPicking});
    const sigunguId = newId('s'), emdId = newId('s');
    p.sigungu = el('select', {id: sigunguId});
    p.emd = el('select', {id: emdId});
    p.regionBox = el('div', {class: 'bh-region', hidden: true},
                     el('div', {class: 'bh-field'}, el('label', {for: sigunguId, text: S.sigungu}), p.sigungu),
                     el('div', {class: 'bh-field'}, el('label', {for: emdId, text: S.emd}), p.emd));
    fillRegions(p);
    p.where.set.insertBefore(el('div', {class: 'bh-where-tools'}, p.locate, p.pick, p.regionBox, p.placeNote),
                             p.where.error);
    p.address = field(S.addressString, {hint: S.addressHint, maxlength: 200});
    p.where.set.insertBefore(p.address.wrap, p.where.error);
    for (const input of Object.values(p.where.inputs)) input.addEventListener('change', () => whereChanged(p));

    // Contact of the person in need; the reporter's own (a neighbour report only).
    p.contactLegend = el('legend', {text: S.contactTitleSelf});
    p.name = field(S.name, {maxlength: 40});
    p.phone = field(S.phone, {type: 'tel', hint: S.phoneHint, inputmode: 'tel'});
    p.bestTime = field(S.bestTime, {hint: S.bestTimeHint, maxlength: 40});
    p.contact = el('fieldset', {class: 'bh-group'}, p.contactLegend, p.name.wrap, p.phone.wrap, p.bestTime.wrap);
    p.reporterName = field(S.reporterName, {maxlength: 40, autocomplete: 'name'});
    p.reporterPhone = field(S.reporterPhone, {type: 'tel', hint: S.phoneHint, inputmode: 'tel', autocomplete: 'tel'});
    p.reporter = el('fieldset', {class: 'bh-group', hidden: true}, el('legend', {text: S.reporterTitle}),
                    p.reporterName.wrap, p.reporterPhone.wrap);
    for (const input of Object.values(p.forWhom.inputs)) input.addEventListener('change', () => forWhomChanged(p));

    // Consent: the server's text (its version is echoed back), required.
    p.consentText = el('div', {class: 'bh-consent-text', tabindex: '0', text: S.consentLoading});
    p.consent = choices(S.consentTitle, 'bh-consent', 'checkbox', [['agreed', S.consentAgree]]);
    p.consent.set.insertBefore(p.consentText, p.consent.set.children[1]);

    p.send = el('button', {type: 'submit', class: 'bh-primary', text: S.send});
    p.offline = el('p', {class: 'bh-alert bh-offline', role: 'status', hidden: true, text: S.offline});
    const statusLink = el('button', {type: 'button', class: 'bh-link', text: S.checkStatusLink,
                                     onclick: () => openStatus()});
    p.form = el('form', {class: 'bh-form', method: 'post', novalidate: true, 'aria-labelledby': 'bh-title'},
                el('p', {class: 'bh-intro', text: S.intro}), p.offline, p.status, p.forWhom.set,
                p.situations.set, p.description.wrap, p.where.set, p.contact, p.reporter, p.consent.set, p.send,
                statusLink);
    p.form.addEventListener('submit', (e) => {
      e.preventDefault();  // never the browser's own submission (it would leave the page)
      sendHelp(p);
    });
    parts = p;
    forWhomChanged(p);
    whereChanged(p);
    showOnline(p);
    show(sheet(S.helpTitle, p.form));
    loadConsent(API.helpService, p);
  }

  function showOnline(p) {
    p.offline.hidden = navigator.onLine !== false;
  }
  window.addEventListener('online', () => parts && parts.offline && showOnline(parts));
  window.addEventListener('offline', () => parts && parts.offline && showOnline(parts));

  async function loadConsent(url, p) {
    const mine = generation;
    try {
      const response = await fetch(url, {cache: 'no-store', credentials: 'omit'});
      if (!response.ok) throw new Error('HTTP ' + response.status);
      const definition = await response.json();
      if (mine !== generation) return;
      const text = serverEnglish() ? definition.consent.text_en : definition.consent.text_ko;
      form.consent = {version: definition.consent.version};
      p.consentText.textContent = text;
    } catch (e) {
      if (mine !== generation) return;
      p.consentText.textContent = S.consentUnavailable;
      p.consentText.classList.add('bh-unavailable');
      // The help form cannot be sent at all without it: say so at once, with 129.
      if (p.forWhom) markErrors(p, [], navigator.onLine === false ? S.offline : S.consentUnavailable + ' ' + S.call129Hint);
    }
  }

  function forWhomChanged(p) {
    const other = p.forWhom.inputs.other.checked;
    p.contactLegend.textContent = other ? S.contactTitleOther : S.contactTitleSelf;
    p.phone.label.textContent = other ? S.phone + ' ' + S.optional : S.phoneRequired;
    p.name.label.textContent = S.name + ' ' + S.optional;
    p.bestTime.label.textContent = S.bestTime + ' ' + S.optional;
    // Password managers fill the person's own details only for a request for oneself.
    p.name.input.setAttribute('autocomplete', other ? 'off' : 'name');
    p.phone.input.setAttribute('autocomplete', other ? 'off' : 'tel');
    p.reporter.hidden = !other;
  }

  function whereChanged(p) {
    const where = checkedValue(p.where.inputs);
    p.locate.hidden = where !== 'device';
    p.pick.hidden = where !== 'map';
    p.regionBox.hidden = where !== 'region';
    if (where !== form.pointFrom) {
      form.point = null;
      form.pointFrom = null;
      p.placeNote.textContent = '';
    }
    p.pick.textContent = form.pointFrom === 'map' ? S.pickAgain : S.pickOnMap;
  }

  function checkedValue(inputs) {
    for (const [value, input] of Object.entries(inputs)) if (input.checked) return value;
    return null;
  }

  function fillRegions(p) {
    let regions = [];
    try {
      regions = page.regions ? page.regions() : [];
    } catch (e) {
      regions = [];
    }
    p.sigungu.appendChild(el('option', {value: '', text: S.chooseSigungu}));
    for (const r of regions) if (r.level === 'sigungu') p.sigungu.appendChild(el('option', {value: r.code, text: r.name}));
    const fillEmd = () => {
      p.emd.replaceChildren();
      const parent = Number(p.sigungu.value);
      p.emd.disabled = !parent;
      p.emd.appendChild(el('option', {value: '', text: S.wholeSigungu}));
      for (const r of regions) if (r.level === 'emd' && r.parent === parent) p.emd.appendChild(el('option', {value: r.code, text: r.name}));
    };
    p.sigungu.addEventListener('change', fillEmd);
    fillEmd();
  }

  function locate() {
    const p = parts;
    const mine = generation;
    if (!navigator.geolocation) {
      p.placeNote.textContent = S.locateFailed;
      return;
    }
    p.placeNote.textContent = S.locating;
    navigator.geolocation.getCurrentPosition((position) => {
      if (mine !== generation) return;
      form.point = {lat: position.coords.latitude, lng: position.coords.longitude};
      form.pointFrom = 'device';
      p.placeNote.textContent = S.located;
    }, () => {
      if (mine !== generation) return;
      p.placeNote.textContent = S.locateFailed;
    }, {enableHighAccuracy: true, timeout: 15000, maximumAge: 60000});
  }

  // "지도에서 누르기": the form steps aside (its inputs kept), a banner asks for a tap, and the app
  // hands the next tap on the map to pointPicked (never to its state or the URL).
  function startPicking() {
    if (!page.helpPick) return;
    form.view = 'picking';
    root.hidden = true;
    document.getElementById('canvas')?.removeAttribute('aria-hidden');
    banner.replaceChildren(el('span', {text: S.pickBanner}),
                           el('button', {type: 'button', text: S.pickCancel, onclick: cancelPicking}));
    banner.hidden = false;
    page.helpPick(true);
    document.getElementById('canvas')?.focus({preventScroll: true});
  }

  function cancelPicking() {
    stopPicking();
    backFromPicking();
  }

  function backFromPicking() {
    form.view = 'help';
    banner.hidden = true;
    banner.replaceChildren();
    root.hidden = false;
    document.getElementById('canvas')?.setAttribute('aria-hidden', 'true');
    if (parts) parts.pick.focus();
  }

  function pointPicked(lat, lng) {
    if (form.view !== 'picking' || !parts) return;
    form.point = {lat, lng};
    form.pointFrom = 'map';
    backFromPicking();
    parts.placeNote.textContent = S.picked;
    parts.pick.textContent = S.pickAgain;
  }

  // Marks what needs fixing: [{target: part, message}] (a field or a choices group), or clears all.
  function markErrors(p, problems, general) {
    for (const node of p.form.querySelectorAll('.bh-error')) {
      node.hidden = true;
      node.textContent = '';
    }
    for (const node of p.form.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
    for (const {target, message} of problems) {
      const error = target.error;
      error.textContent = error.textContent ? error.textContent + ' ' + message : message;
      error.hidden = false;
      if (target.input) target.input.setAttribute('aria-invalid', 'true');
      if (target.set) target.set.setAttribute('aria-invalid', 'true');
    }
    p.status.replaceChildren();
    p.status.hidden = !general;
    if (general) {
      p.status.appendChild(el('p', {text: general}));
      p.status.appendChild(callLink('129', 'bh-call bh-call-129 bh-inline-call',
                                    el('span', {class: 'bh-call-name', text: S.call129}),
                                    el('span', {class: 'bh-call-note', text: S.call129Note})));
      p.status.scrollIntoView({block: 'nearest'});
    }
  }

  // The form's checks before sending (the server checks again): [{target, message}].
  function checkHelp(p) {
    const problems = [];
    const forWhom = checkedValue(p.forWhom.inputs);
    if (!forWhom) problems.push({target: p.forWhom, message: S.needForWhom});
    if (!kSituations.some((key) => p.situations.inputs[key].checked)) problems.push({target: p.situations, message: S.needSituation});
    const where = checkedValue(p.where.inputs);
    const region = Number(p.emd.value) || Number(p.sigungu.value);
    if (!where || (where === 'region' ? !region : !form.point)) problems.push({target: p.where, message: S.needPlace});
    if (forWhom === 'self' && !p.phone.input.value.trim()) problems.push({target: p.phone, message: S.needPhone});
    if (!p.consent.inputs.agreed.checked) problems.push({target: p.consent, message: S.needConsent});
    if (!form.consent) problems.push({target: p.consent, message: S.consentUnavailable});
    return problems;
  }

  // The request body, with only what the API accepts and what was given (docs/help-requests.md).
  function helpBody(p) {
    const forWhom = checkedValue(p.forWhom.inputs);
    const body = {service_code: 'crisis_help', for_whom: forWhom,
                  situations: kSituations.filter((key) => p.situations.inputs[key].checked)};
    const description = p.description.input.value.trim();
    if (description) body.description = description;
    if (checkedValue(p.where.inputs) === 'region') {
      body.region_code = Number(p.emd.value) || Number(p.sigungu.value);
    } else {
      body.lat = Math.round(form.point.lat * 1e6) / 1e6;
      body.long = Math.round(form.point.lng * 1e6) / 1e6;
    }
    const address = p.address.input.value.trim();
    if (address) body.address_string = address;
    const contact = {};
    for (const [key, part] of [['name', p.name], ['phone', p.phone], ['best_time', p.bestTime]]) {
      const value = part.input.value.trim();
      if (value) contact[key] = value;
    }
    if (Object.keys(contact).length) body.contact = contact;
    if (forWhom === 'other') {
      const reporter = {};
      for (const [key, part] of [['name', p.reporterName], ['phone', p.reporterPhone]]) {
        const value = part.input.value.trim();
        if (value) reporter[key] = value;
      }
      if (Object.keys(reporter).length) body.reporter = reporter;
    }
    body.consent = {agreed: true, version: form.consent.version};
    return JSON.stringify(body);
  }

  // The same body again (a retry) keeps its key, so the server answers the first answer; a changed
  // body is a new submission with a new key.
  function idempotencyKey(body) {
    if (!form.attempt || form.attempt.body !== body) {
      const key = crypto.randomUUID ? crypto.randomUUID()
                                    : Array.from(crypto.getRandomValues(new Uint8Array(16)),
                                                 (b) => b.toString(16).padStart(2, '0')).join('');
      form.attempt = {key, body};
    }
    return form.attempt.key;
  }

  // POSTs `body` (a JSON string): {ok, status, json} or {ok: false, network: true}.
  async function post(url, body, key) {
    let response;
    try {
      response = await fetch(url, {
        method: 'POST', body, cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer',
        headers: {'Content-Type': 'application/json', 'Idempotency-Key': key},
      });
    } catch (e) {
      return {ok: false, network: true};
    }
    let json = null;
    try {
      json = await response.json();
    } catch (e) {
      json = null;
    }
    return {ok: response.ok, status: response.status, json};
  }

  // The server's 4xx entries [{field, message_ko, message_en}] onto the form's parts.
  function serverProblems(p, entries) {
    const target = (fieldName) => {
      const path = String(fieldName || '');
      if (path.startsWith('for_whom')) return p.forWhom;
      if (path.startsWith('situations')) return p.situations;
      if (path.startsWith('description')) return p.description;
      if (path === 'lat' || path === 'long' || path.startsWith('region_code')) return p.where;
      if (path.startsWith('address_string')) return p.address;
      if (path === 'contact.name') return p.name;
      if (path === 'contact.phone') return p.phone;
      if (path === 'contact.best_time') return p.bestTime;
      if (path === 'reporter.name') return p.reporterName;
      if (path === 'reporter.phone') return p.reporterPhone;
      if (path.startsWith('consent')) return p.consent;
      return null;
    };
    const problems = [];
    const general = [];
    for (const entry of Array.isArray(entries) ? entries : []) {
      const message = (serverEnglish() ? entry.message_en : entry.message_ko) || entry.description || '';
      const part = target(entry.field);
      if (part) problems.push({target: part, message}); else general.push(message);
    }
    return {problems, general};
  }

  async function sendHelp(p) {
    const problems = checkHelp(p);
    if (problems.length) {
      markErrors(p, problems, S.fixFields);
      return;
    }
    if (navigator.onLine === false) {
      markErrors(p, [], S.offline);
      showOnline(p);
      return;
    }
    const body = helpBody(p);
    const key = idempotencyKey(body);
    const mine = generation;
    p.send.disabled = true;
    p.send.textContent = S.sending;
    const answer = await post(API.requests, body, key);
    if (mine !== generation) return;  // closed or reset meanwhile: nothing to show to the next person
    p.send.disabled = false;
    p.send.textContent = S.send;
    if (answer.network) {
      markErrors(p, [], navigator.onLine === false ? S.offline : S.networkFailed);
      return;
    }
    if (answer.ok && Array.isArray(answer.json) && answer.json[0] && answer.json[0].receipt_code) {
      const first = answer.json[0];
      showReceipt({id: first.service_request_id, code: first.receipt_code,
                   routed: first.routed_to && first.routed_to.name});
      return;
    }
    if (answer.status >= 400 && answer.status < 500) {
      const {problems: fromServer, general} = serverProblems(p, answer.json);
      markErrors(p, fromServer, [S.fixFields, ...general].join(' '));
      return;
    }
    markErrors(p, [], S.serverFailed);
  }

  // -------------------------------------------------------------------------------------------------------
  // Receipt and status look-up
  // -------------------------------------------------------------------------------------------------------
  // The form is emptied (its DOM replaced) before the receipt shows; the receipt lives until close.
  function showReceipt(receipt) {
    begin('receipt');
    form.receipt = receipt;
    const list = el('dl', {class: 'bh-receipt'},
                    el('dt', {text: S.receiptId}), el('dd', {class: 'bh-receipt-id', text: receipt.id}),
                    el('dt', {text: S.receiptCode}), el('dd', {class: 'bh-receipt-code', text: receipt.code}));
    show(sheet(S.receiptTitle,
               el('p', {class: 'bh-lead', text: S.receiptNext}),
               receipt.routed ? el('p', {class: 'bh-routed', text: S.receiptRouted(receipt.routed)}) : null,
               list,
               el('p', {class: 'bh-note', text: S.receiptKeep}),
               el('button', {type: 'button', class: 'bh-primary', text: S.checkStatus,
                             onclick: () => openStatus(receipt)}),
               el('button', {type: 'button', class: 'bh-secondary', text: S.close, onclick: close})));
  }

  function openStatus(receipt) {
    begin('status');
    const p = {};
    p.id = field(S.receiptId, {inputmode: 'numeric'});
    p.code = field(S.receiptCode, {hint: S.codeHint});
    p.code.input.setAttribute('autocapitalize', 'characters');
    p.code.input.setAttribute('spellcheck', 'false');
    if (receipt) {
      p.id.input.value = receipt.id;
      p.code.input.value = receipt.code;
    }
    p.status = el('div', {class: 'bh-alert', role: 'alert', hidden: true});
    p.result = el('div', {class: 'bh-result', role: 'status'});
    p.check = el('button', {type: 'submit', class: 'bh-primary', text: S.statusCheck});
    p.form = el('form', {class: 'bh-form', method: 'post', novalidate: true},
                el('p', {class: 'bh-intro', text: S.statusIntro}), p.status, p.id.wrap, p.code.wrap, p.check,
                p.result);
    p.form.addEventListener('submit', (e) => {
      e.preventDefault();
      checkStatus(p);
    });
    parts = p;
    show(sheet(S.statusTitle, p.form));
    if (receipt) checkStatus(p);
  }

  async function checkStatus(p) {
    const id = p.id.input.value.trim();
    const code = p.code.input.value.trim();
    p.result.replaceChildren();
    if (!id || !code) {
      markErrors(p, [], S.statusNeed);
      return;
    }
    const mine = generation;
    let response, json = null;
    try {
      // The code travels in a header, never in the URL (docs/help-requests.md).
      response = await fetch(API.request(id), {cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer',
                                               headers: {'X-Receipt-Code': code}});
      json = await response.json().catch(() => null);
    } catch (e) {
      if (mine === generation) markErrors(p, [], navigator.onLine === false ? S.offline : S.networkFailed);
      return;
    }
    if (mine !== generation) return;
    if (response.status === 404 || response.status === 401) {
      markErrors(p, [], S.statusNotFound);
      return;
    }
    if (!response.ok || !Array.isArray(json) || !json[0]) {
      markErrors(p, [], response.status === 429 && json && json[0] ? json[0].message_ko : S.serverFailed);
      return;
    }
    markErrors(p, [], '');
    const view = json[0];
    const statusName = serverEnglish() ? view.bokji_status : view.bokji_status_ko;
    p.result.appendChild(el('dl', {class: 'bh-receipt'},
                            el('dt', {text: S.statusNow}), el('dd', {class: 'bh-status-value', 'data-status': view.bokji_status, text: statusName}),
                            el('dt', {text: S.statusUpdated}), el('dd', {text: (view.updated_datetime || '').replace('T', ' ').slice(0, 16)})));
    if (view.status_notes) p.result.appendChild(el('p', {class: 'bh-note', text: view.status_notes}));
  }

  // -------------------------------------------------------------------------------------------------------
  // The correction report
  // -------------------------------------------------------------------------------------------------------
  function openCorrection(kind, key, name) {
    begin('correction');
    form.correction = {kind, key, name};
    const p = {};
    p.status = el('div', {class: 'bh-alert', role: 'alert', hidden: true});
    p.what = field(S.correctionWhat, {multiline: true, hint: S.correctionWhatHint, maxlength: 1000});
    p.name = field(S.name + ' ' + S.optional, {maxlength: 40, autocomplete: 'name'});
    p.phone = field(S.phone + ' ' + S.optional, {type: 'tel', hint: S.phoneHint, inputmode: 'tel', autocomplete: 'tel'});
    p.consentText = el('div', {class: 'bh-consent-text', tabindex: '0', text: S.consentLoading});
    p.consent = choices(S.correctionConsentTitle, 'bh-correction-consent', 'checkbox', [['agreed', S.consentAgree]]);
    p.consent.set.insertBefore(p.consentText, p.consent.set.children[1]);
    p.consent.set.hidden = true;
    const contactChanged = () => {
      p.consent.set.hidden = !(p.name.input.value.trim() || p.phone.input.value.trim());
    };
    p.name.input.addEventListener('input', contactChanged);
    p.phone.input.addEventListener('input', contactChanged);
    p.send = el('button', {type: 'submit', class: 'bh-primary', text: S.send});
    p.offline = el('p', {class: 'bh-alert bh-offline', role: 'status', hidden: true, text: S.offline});
    p.form = el('form', {class: 'bh-form', method: 'post', novalidate: true},
                el('p', {class: 'bh-intro', text: S.correctionAbout(name)}), p.offline, p.status, p.what.wrap,
                el('fieldset', {class: 'bh-group'}, el('legend', {text: S.correctionContact}), p.name.wrap, p.phone.wrap),
                p.consent.set, p.send);
    p.form.addEventListener('submit', (e) => {
      e.preventDefault();
      sendCorrection(p);
    });
    parts = p;
    showOnline(p);
    show(sheet(S.correctionTitle, p.form));
    loadConsent(API.correctionService, p);
  }

  async function sendCorrection(p) {
    const what = p.what.input.value.trim();
    const contact = {};
    if (p.name.input.value.trim()) contact.name = p.name.input.value.trim();
    if (p.phone.input.value.trim()) contact.phone = p.phone.input.value.trim();
    const withContact = Object.keys(contact).length > 0;
    const problems = [];
    if (!what) problems.push({target: p.what, message: S.correctionNeedWhat});
    if (withContact && !p.consent.inputs.agreed.checked) problems.push({target: p.consent, message: S.needConsent});
    if (withContact && !form.consent) problems.push({target: p.consent, message: S.consentUnavailable});
    if (problems.length) {
      markErrors(p, problems, S.fixFields);
      return;
    }
    if (navigator.onLine === false) {
      markErrors(p, [], S.offline);
      return;
    }
    const body = {target: {kind: form.correction.kind, key: form.correction.key}, what_is_wrong: what};
    if (withContact) {
      body.contact = contact;
      body.consent = {agreed: true, version: form.consent.version};
    }
    const text = JSON.stringify(body);
    const key = idempotencyKey(text);
    const mine = generation;
    p.send.disabled = true;
    p.send.textContent = S.sending;
    const answer = await post(API.corrections, text, key);
    if (mine !== generation) return;
    p.send.disabled = false;
    p.send.textContent = S.send;
    if (answer.network) {
      markErrors(p, [], navigator.onLine === false ? S.offline : S.networkFailed);
      return;
    }
    if (answer.ok && answer.json && answer.json.id) {
      const routed = answer.json.routed_to && answer.json.routed_to.name;
      begin('correction-sent');
      show(sheet(S.correctionTitle,
                 el('p', {class: 'bh-lead bh-thanks', text: S.correctionThanks}),
                 routed ? el('p', {class: 'bh-routed', text: S.correctionRouted(routed)}) : null,
                 el('button', {type: 'button', class: 'bh-primary', text: S.close, onclick: close})));
      return;
    }
    if (answer.status >= 400 && answer.status < 500) {
      const general = [];
      const problems = [];
      for (const entry of Array.isArray(answer.json) ? answer.json : []) {
        const message = (serverEnglish() ? entry.message_en : entry.message_ko) || '';
        const path = String(entry.field || '');
        if (path === 'what_is_wrong') problems.push({target: p.what, message});
        else if (path === 'contact.name') problems.push({target: p.name, message});
        else if (path === 'contact.phone') problems.push({target: p.phone, message});
        else if (path.startsWith('consent')) problems.push({target: p.consent, message});
        else general.push(message);
      }
      markErrors(p, problems, [S.fixFields, ...general].join(' '));
      return;
    }
    markErrors(p, [], S.serverFailed);
  }

  window.bokjiHelp = {
    openHelp,
    openStatus: () => openStatus(null),
    openCorrection,
    pointPicked,
    close,
    get view() { return form.view; },  // for tests: which form shows (null when closed)
  };
})();
