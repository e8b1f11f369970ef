"""Messages of the Compare page and of the downloads (the model, the code)."""

MESSAGES = {
    "page.compare": {"en": "Compare", "ko": "비교"},
    "home.step_compare": {
        "en": "5. Put your runs side by side: curves, settings, scores and boundaries.",
        "ko": "5. 내 학습들을 나란히 봅니다: 곡선, 설정, 점수, 결정 경계.",
    },
    "compare.title": {"en": "⚖️ Compare runs", "ko": "⚖️ 학습 비교"},
    "compare.intro": {
        "en": "Pick two or more of your finished runs. Each run has one colour: "
        "training is the solid line, validation the dashed one.",
        "ko": "끝난 학습을 두 개 이상 고르세요. 학습마다 색이 하나씩이고, "
        "실선은 훈련, 점선은 검증입니다.",
    },
    "compare.no_runs": {
        "en": "Compare needs at least two finished runs: train a model, change a setting, "
        "train again.",
        "ko": "비교하려면 끝난 학습이 두 개 이상 필요합니다. 모델을 학습하고, 설정을 하나 바꿔 "
        "다시 학습하세요.",
    },
    "compare.pick": {"en": "Runs to compare", "ko": "비교할 학습"},
    "compare.pick_more": {
        "en": "Pick at least two runs.",
        "ko": "학습을 두 개 이상 고르세요.",
    },
    "compare.rename": {"en": "Rename runs", "ko": "학습 이름 바꾸기"},
    "compare.rename_help": {
        "en": "Up to 60 characters. Leave it empty to get the automatic name back.",
        "ko": "60자까지 쓸 수 있습니다. 비우면 자동 이름으로 돌아갑니다.",
    },
    "compare.curves": {"en": "Learning curves", "ko": "학습 곡선"},
    "compare.settings": {"en": "Settings", "ko": "설정"},
    "compare.settings_help": {
        "en": "Highlighted rows are the settings in which the runs differ.",
        "ko": "색칠된 줄이 학습끼리 다른 설정입니다.",
    },
    "compare.scores": {"en": "Test scores", "ko": "테스트 점수"},
    "compare.boundaries": {"en": "Decision boundaries", "ko": "결정 경계"},
    "compare.no_boundary": {
        "en": "Decision boundaries are drawn for the 2-D sets (moons, circles, XOR, spiral, "
        "Gaussians) only.",
        "ko": "결정 경계는 2차원 데이터(moons, circles, XOR, spiral, Gaussians)에서만 그립니다.",
    },
    "compare.setting.dataset": {"en": "Dataset", "ko": "데이터셋"},
    "compare.setting.layers": {"en": "Hidden layers", "ko": "은닉층"},
    "compare.setting.head": {"en": "Output layer, loss", "ko": "출력층, 손실"},
    "compare.setting.optimizer": {"en": "Optimizer", "ko": "옵티마이저"},
    "compare.setting.learning_rate": {"en": "Learning rate", "ko": "학습률"},
    "compare.setting.momentum": {"en": "Momentum", "ko": "모멘텀"},
    "compare.setting.epochs": {"en": "Epochs (run / asked)", "ko": "에포크 (실행 / 설정)"},
    "compare.setting.batch_size": {"en": "Batch size", "ko": "배치 크기"},
    "compare.setting.validation_split": {"en": "Validation split", "ko": "검증 비율"},
    "compare.setting.early_stopping": {"en": "EarlyStopping", "ko": "EarlyStopping (조기 종료)"},
    "compare.setting.scaling": {"en": "Input scaling", "ko": "입력 스케일링"},
    "compare.setting.labels": {"en": "Labels", "ko": "레이블"},
    "compare.setting.data": {
        "en": "Data (samples, noise, test)",
        "ko": "데이터 (개수, 노이즈, 테스트)",
    },
    "compare.setting.seed": {"en": "Seed", "ko": "시드"},
    "compare.off": {"en": "off", "ko": "끔"},
    "compare.early_on": {
        "en": "patience {patience}, restore best {restore}",
        "ko": "patience {patience}, 최적 가중치 복원 {restore}",
    },
    "compare.no_hidden": {"en": "none", "ko": "없음"},
    # ------------------------------------------------------------- downloads
    "export.title": {"en": "Take it home", "ko": "집에 가져가기"},
    "export.help": {
        "en": "The trained model for `keras.models.load_model`, and the same run as plain Keras "
        "code: the same data, split, scaling, model, seed and fit, so it reaches the same "
        "test accuracy.",
        "ko": "`keras.models.load_model`로 여는 학습된 모델, 그리고 같은 학습을 그대로 옮긴 Keras "
        "코드입니다. 데이터, 분할, 스케일링, 모델, 시드, fit이 같아서 같은 테스트 정확도가 "
        "나옵니다.",
    },
    "export.model": {"en": "Model (.keras)", "ko": "모델 (.keras)"},
    "export.script": {"en": "Python script (.py)", "ko": "파이썬 스크립트 (.py)"},
    "export.notebook": {"en": "Jupyter notebook (.ipynb)", "ko": "주피터 노트북 (.ipynb)"},
    "export.no_model": {
        "en": "This run's model file is missing (the server may have cleaned up old runs).",
        "ko": "이 학습의 모델 파일이 없습니다 (서버가 오래된 학습을 정리했을 수 있습니다).",
    },
    "export.preview": {"en": "Show the code", "ko": "코드 보기"},
    "export.csv": {"en": "Your CSV file (.csv)", "ko": "올린 CSV 파일 (.csv)"},
    "export.csv_gone": {
        "en": "No script for this run: its CSV file is no longer on the server (old uploads "
        "are cleaned up). The model can still be downloaded.",
        "ko": "이 학습의 스크립트는 만들 수 없습니다: CSV 파일이 서버에 더 이상 없습니다(오래된 "
        "업로드는 정리됩니다). 모델은 그대로 내려받을 수 있습니다.",
    },
    "export.no_code_csv_rows": {
        "en": "No script for this run: the app skipped or sampled rows of your CSV file, so "
        "code reading the whole file would not train on the same rows. Fix the rows the Data "
        "page names (or upload fewer rows) to get the code.",
        "ko": "이 학습은 코드를 만들 수 없습니다. 앱이 CSV 파일의 일부 행을 건너뛰거나 표본으로 "
        "골랐기 때문에, 파일 전체를 읽는 코드는 같은 행으로 학습하지 않습니다. 데이터 페이지가 "
        "알려 주는 행을 고치거나 행 수를 줄여서 올리면 코드를 받을 수 있습니다.",
    },
    "export.no_code_csv_reading": {
        "en": "No script for this run: plain `pd.read_csv` does not read your CSV file exactly "
        "as the app did (for example infinite or too large numbers, or columns without a name), "
        "so the code would not reach the same accuracy. The model file above is the trained "
        "model.",
        "ko": "이 학습은 코드를 만들 수 없습니다. 일반 `pd.read_csv`가 이 CSV 파일을 앱과 똑같이 "
        "읽지 못해서 (예: 무한대나 너무 큰 숫자, 이름 없는 열) 코드가 같은 정확도에 닿지 "
        "않습니다. 위의 모델 파일이 학습된 모델입니다.",
    },
}
