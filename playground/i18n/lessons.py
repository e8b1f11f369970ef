"""Messages of the Lessons page, the shared link (copy, hide/lock) and Reset."""

MESSAGES: dict[str, dict] = {
    "page.lessons": {"en": "Lessons", "ko": "수업"},
    "home.step_lessons": {
        "en": "Start from one of the course's lessons: one click sets everything up.",
        "ko": "강의의 수업 하나로 시작하세요: 클릭 한 번으로 모든 설정이 준비됩니다.",
    },
    # ----------------------------------------------------------- lessons page
    "lessons.title": {"en": "📚 Lessons", "ko": "📚 수업"},
    "lessons.intro": {
        "en": "Each lesson reproduces a figure of the course. **Start** loads its experiment, opens "
        "the right page and hides what the lesson does not need; each next step changes your "
        "current experiment and opens its page.",
        "ko": "수업마다 강의의 결과 하나를 재현합니다. **시작**을 누르면 실험이 준비되고, 알맞은 "
        "페이지가 열리며, 수업에 필요 없는 설정은 숨겨집니다. 다음 단계 버튼은 지금의 실험을 바꾸고 "
        "그 페이지를 엽니다.",
    },
    "lessons.try": {"en": "**Try:** {text}", "ko": "**해 보기:** {text}"},
    "lessons.notice": {"en": "**Notice:** {text}", "ko": "**살펴보기:** {text}"},
    "lessons.start": {"en": "Start", "ko": "시작"},
    "lessons.current": {
        "en": "You are following this lesson.",
        "ko": "지금 이 수업을 따라가고 있습니다.",
    },
    "lessons.step": {"en": "Step {number}: {title}", "ko": "{number}단계: {title}"},
    "lessons.missing_files": {
        "en": "This lesson needs {files}, which this server does not have yet. It tries to download "
        "them when the lesson starts; offline, put them (the files keras.datasets downloads) into "
        "the folder named by PLAYGROUND_DATA_DIR: they are read on first use, no restart needed.",
        "ko": "이 수업에는 {files} 파일이 필요한데 아직 이 서버에 없습니다. 수업을 시작하면 내려받기를 "
        "시도합니다. 인터넷이 없으면 keras.datasets가 내려받는 그 파일들을 PLAYGROUND_DATA_DIR이 "
        "가리키는 폴더에 넣으세요. 재시작 없이 처음 쓸 때 읽습니다.",
    },
    "lessons.start_alternative": {
        "en": "Start the nearest lesson that works offline: {title}",
        "ko": "인터넷 없이 되는 가장 가까운 수업 시작: {title}",
    },
    "lessons.problem": {
        "en": "The lesson file {path} cannot be used; fix it and reload this page:",
        "ko": "수업 파일 {path}을(를) 쓸 수 없습니다. 고친 뒤 이 페이지를 다시 여세요:",
    },
    # ------------------------------------------------------ link and controls
    "link.unknown_control": {
        "en": "{name}: {value} is not a setting's name, so it is not hidden or locked.",
        "ko": "{name}: {value}은(는) 설정 이름이 아니어서 숨기거나 잠그지 않았습니다.",
    },
    "share.heading": {"en": "Share", "ko": "공유"},
    "share.copy": {"en": "Copy link", "ko": "링크 복사"},
    "share.copied": {"en": "Copied", "ko": "복사했습니다"},
    "share.link": {"en": "Show the link", "ko": "링크 보기"},
    "share.reset": {"en": "Reset to defaults", "ko": "기본값으로 되돌리기"},
    "share.reset_help": {
        "en": "Every setting back to its default, nothing hidden or locked, no lesson.",
        "ko": "모든 설정을 기본값으로, 숨기거나 잠근 설정 없이, 수업 없이 되돌립니다.",
    },
}
