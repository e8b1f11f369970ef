"""The class and the Teacher page: key -> {"en": English, "ko": Korean}."""

MESSAGES: dict[str, dict] = {
    # ------------------------------------------------------------ students' pages
    "page.teacher": {"en": "Teacher", "ko": "교사"},
    "class.student_n": {"en": "student {number}", "ko": "학생 {number}"},
    "class.nickname": {
        "en": "Your nickname for the class (optional)",
        "ko": "수업에서 쓸 닉네임 (선택)",
    },
    "class.nickname_help": {
        "en": "Only your teacher sees it, next to your runs. Leave it empty to be "
        "“student {number}”. At most 24 characters; nothing else about you is kept.",
        "ko": "선생님만 내 실행 옆에서 볼 수 있습니다. 비워 두면 “학생 {number}”(으)로 표시됩니다. "
        "최대 24자이며, 그 밖의 개인 정보는 저장하지 않습니다.",
    },
    "class.paused": {
        "en": "Your teacher has paused new runs for the moment. Runs already queued or "
        "training go on; **Train** works again as soon as your teacher allows it.",
        "ko": "선생님이 잠시 새 실행을 멈춰 두었습니다. 이미 대기 중이거나 학습 중인 실행은 계속됩니다. "
        "선생님이 다시 허용하면 **학습**을 누를 수 있습니다.",
    },
    "class.paused_help": {
        "en": "Paused by your teacher: new runs cannot start for now.",
        "ko": "선생님이 멈춰 두었습니다: 지금은 새 실행을 시작할 수 없습니다.",
    },
    "class.banner": {"en": "**From your teacher:** {text}", "ko": "**선생님 공지:** {text}"},
    "class.banner_open": {"en": "Open the lesson", "ko": "수업 열기"},
    "class.banner_text": {
        "en": "The banner's text must be 1 to {most} characters long. Received: {length} "
        "characters. Shorten it, or type a few words.",
        "ko": "배너 문구는 1자 이상 {most}자 이하여야 합니다. 입력: {length}자. "
        "줄이거나 몇 글자를 입력하세요.",
    },
    "class.banner_link": {
        "en": "The banner's link must be a page of this app, optionally with settings after "
        "`?`, such as `model?epochs=20`. Received: link={link}. Use one of these pages: {pages}.",
        "ko": "배너 링크는 이 앱의 페이지여야 하며, `model?epochs=20`처럼 `?` 뒤에 설정을 붙일 수 "
        "있습니다. 입력: link={link}. 다음 페이지 중 하나를 쓰세요: {pages}.",
    },
    # ------------------------------------------------------------ the Teacher page
    "teacher.title": {"en": "🧑‍🏫 Teacher", "ko": "🧑‍🏫 교사"},
    "teacher.not_enabled": {
        "en": "This server has no Teacher page. Whoever runs it can turn it on by setting "
        "the environment variable `PLAYGROUND_TEACHER_TOKEN` (see the README, “For teachers”).",
        "ko": "이 서버에는 교사 페이지가 없습니다. 서버를 운영하는 사람이 환경 변수 "
        "`PLAYGROUND_TEACHER_TOKEN`을 설정하면 켤 수 있습니다 (README의 “For teachers” 참고).",
    },
    "teacher.token_intro": {
        "en": "Enter the teacher token to see the class. It is remembered in this tab only.",
        "ko": "수업 현황을 보려면 교사 토큰을 입력하세요. 이 탭에서만 기억됩니다.",
    },
    "teacher.token": {"en": "Teacher token", "ko": "교사 토큰"},
    "teacher.open": {"en": "Open", "ko": "열기"},
    "teacher.token_wrong": {
        "en": "That is not the teacher token. Check it with whoever started the server, and "
        "type it again.",
        "ko": "교사 토큰이 아닙니다. 서버를 시작한 사람에게 확인한 뒤 다시 입력하세요.",
    },
    "teacher.pause": {"en": "Pause new runs for everyone", "ko": "모두의 새 실행 멈추기"},
    "teacher.pause_help": {
        "en": "Students' Train buttons are disabled and say why; queued and running runs go on.",
        "ko": "학생들의 학습 버튼이 꺼지고 이유가 표시됩니다. 대기 중이거나 학습 중인 실행은 계속됩니다.",
    },
    "teacher.banner_heading": {
        "en": "Push a lesson link to every student's page",
        "ko": "모든 학생의 페이지에 수업 링크 보내기",
    },
    "teacher.banner_text": {"en": "Text", "ko": "문구"},
    "teacher.banner_link": {
        "en": "Link (a page of this app)",
        "ko": "링크 (이 앱의 페이지)",
    },
    "teacher.banner_link_help": {
        "en": "A page ({pages}) followed by the settings a shared link carries, e.g. copy "
        "everything after the address's last “/” from your own Model page.",
        "ko": "페이지 이름({pages}) 뒤에 공유 링크의 설정을 붙입니다. 예: 내 모델 페이지 주소에서 "
        "마지막 “/” 뒤를 모두 복사하세요.",
    },
    "teacher.banner_push": {"en": "Show to every student", "ko": "모든 학생에게 보이기"},
    "teacher.banner_shown": {
        "en": "Every page shows now: “{text}” → {link}",
        "ko": "지금 모든 페이지에 표시 중: “{text}” → {link}",
    },
    "teacher.banner_clear": {"en": "Clear the banner", "ko": "배너 지우기"},
    "teacher.students": {"en": "Students", "ko": "학생"},
    "teacher.training": {"en": "Training", "ko": "학습 중"},
    "teacher.queued": {"en": "Queued", "ko": "대기 중"},
    "teacher.trainers_busy": {"en": "Trainers busy", "ko": "사용 중인 학습기"},
    "teacher.memory": {"en": "Trainers' memory", "ko": "학습기 메모리"},
    "teacher.stop_which": {"en": "A run to stop", "ko": "멈출 실행"},
    "teacher.stop": {"en": "Stop this run", "ko": "이 실행 멈추기"},
    "teacher.runs": {"en": "Every student's runs", "ko": "모든 학생의 실행"},
    "teacher.no_runs": {"en": "No student has trained yet.", "ko": "아직 학습한 학생이 없습니다."},
    "teacher.table_cut": {
        "en": "The newest {shown} of {total} runs; the chart and the leaderboard count them all.",
        "ko": "전체 {total}개 실행 중 최근 {shown}개입니다. 차트와 순위표는 모두 반영합니다.",
    },
    "teacher.queue": {"en": "The queue", "ko": "대기열"},
    "teacher.queue_empty": {"en": "Nobody is waiting.", "ko": "기다리는 사람이 없습니다."},
    "teacher.chart": {"en": "Which settings worked", "ko": "어떤 설정이 잘 됐나"},
    "teacher.axis": {"en": "Accuracy against", "ko": "정확도와 비교할 설정"},
    "teacher.axis.learning_rate": {"en": "Learning rate", "ko": "학습률"},
    "teacher.axis.layers": {"en": "Hidden layers", "ko": "은닉층 수"},
    "teacher.axis.units": {"en": "Units (widest layer)", "ko": "유닛 수 (가장 넓은 층)"},
    "teacher.axis.optimizer": {"en": "Optimizer", "ko": "옵티마이저"},
    "teacher.axis.accuracy": {
        "en": "Accuracy (test, else best validation)",
        "ko": "정확도 (테스트, 없으면 최고 검증)",
    },
    "teacher.leaderboard": {"en": "Leaderboard by lesson", "ko": "수업별 순위표"},
    "teacher.lesson": {"en": "**Lesson:** {lesson}", "ko": "**수업:** {lesson}"},
    "teacher.no_lesson": {"en": "**Outside any lesson**", "ko": "**수업 밖에서 한 실행**"},
    "teacher.no_scores": {
        "en": "No run has a test accuracy yet.",
        "ko": "아직 테스트 정확도가 있는 실행이 없습니다.",
    },
    "teacher.refreshed": {
        "en": "Refreshed every few seconds (this view took {ms} ms); the chart and the "
        "leaderboard below, every quarter minute.",
        "ko": "몇 초마다 새로 고칩니다 (이번에 {ms} ms 걸림). 아래 차트와 순위표는 15초마다 "
        "새로 고칩니다.",
    },
    "teacher.col.student": {"en": "Student", "ko": "학생"},
    "teacher.col.status": {"en": "Status", "ko": "상태"},
    "teacher.col.dataset": {"en": "Dataset", "ko": "데이터셋"},
    "teacher.col.config": {"en": "Model", "ko": "모델"},
    "teacher.col.epoch": {"en": "Epoch", "ko": "에포크"},
    "teacher.col.best_val": {"en": "Best val. accuracy", "ko": "최고 검증 정확도"},
    "teacher.col.test": {"en": "Test accuracy", "ko": "테스트 정확도"},
    "teacher.col.lesson": {"en": "Lesson", "ko": "수업"},
    "teacher.col.runs": {"en": "Runs", "ko": "실행 수"},
    "teacher.col.waited": {"en": "Waited", "ko": "기다린 시간"},
    "teacher.col.wait_left": {"en": "Still to wait", "ko": "남은 대기"},
    "teacher.status.queued": {"en": "queued", "ko": "대기 중"},
    "teacher.status.starting": {"en": "starting", "ko": "시작 중"},
    "teacher.status.running": {"en": "training", "ko": "학습 중"},
    "teacher.status.finished": {"en": "finished", "ko": "완료"},
    "teacher.status.stopped": {"en": "stopped", "ko": "멈춤"},
    "teacher.status.failed": {"en": "failed", "ko": "실패"},
    "teacher.status.cancelled": {"en": "cancelled", "ko": "취소됨"},
}
