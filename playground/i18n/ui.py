"""Page texts and option names: key -> {"en": English, "ko": Korean}."""

MESSAGES: dict[str, dict] = {
    # ------------------------------------------------------------ navigation
    "page.home": {"en": "Home", "ko": "홈"},
    "page.data": {"en": "Data", "ko": "데이터"},
    "page.model": {"en": "Model", "ko": "모델"},
    "page.train": {"en": "Train", "ko": "학습"},
    "page.evaluate": {"en": "Evaluate", "ko": "평가"},
    "page.draw": {"en": "Draw", "ko": "그리기"},
    "ui.unexpected_error": {
        "en": "Something went wrong: {detail}",
        "ko": "문제가 발생했습니다: {detail}",
    },
    # ------------------------------------------------------------ home
    "home.title": {"en": "🧠 Deep Learning Playground", "ko": "🧠 딥러닝 놀이터"},
    "home.intro": {
        "en": "Build a real Keras neural network, train it on real data while the charts fill in epoch "
        "by epoch, and then look at what it learned.",
        "ko": "진짜 Keras 신경망을 만들고, 에포크마다 차트가 채워지는 것을 보며 실제 데이터로 학습시킨 뒤, "
        "모델이 무엇을 배웠는지 살펴보세요.",
    },
    "home.step_data": {
        "en": "1. Pick a dataset, split it and scale it.",
        "ko": "1. 데이터셋을 고르고, 나누고, 스케일링합니다.",
    },
    "home.step_model": {
        "en": "2. Stack Dense layers; choose the output, loss and optimizer.",
        "ko": "2. Dense 층을 쌓고 출력층, 손실 함수, 옵티마이저를 고릅니다.",
    },
    "home.step_train": {
        "en": "3. Train in the background and watch loss and accuracy live.",
        "ko": "3. 백그라운드에서 학습하며 손실과 정확도를 실시간으로 봅니다.",
    },
    "home.step_evaluate": {
        "en": "4. Confusion matrix, threshold, report and what each neuron learned.",
        "ko": "4. 혼동 행렬, 임계값, 분류 리포트, 각 뉴런이 배운 것을 봅니다.",
    },
    "home.step_draw": {
        "en": "6. Draw a digit and watch the model guess it live.",
        "ko": "6. 숫자를 그리고 모델이 실시간으로 맞히는 것을 봅니다.",
    },
    "home.quick_start": {
        "en": "Everything starts with sensible defaults: open **Train** and press the button to see a "
        "network learn the two moons in a few seconds.",
        "ko": "모든 설정에 기본값이 있습니다. **학습** 페이지에서 버튼을 누르면 몇 초 만에 신경망이 "
        "두 개의 반달 데이터를 학습하는 것을 볼 수 있습니다.",
    },
    "home.credits": {
        "en": "Real TensorFlow/Keras under the hood. MNIST: Y. LeCun, C. Cortes, C. J. C. Burges "
        "(CC BY-SA 3.0). IMDB: A. Maas et al.",
        "ko": "내부에서 실제 TensorFlow/Keras가 동작합니다. MNIST: Y. LeCun, C. Cortes, C. J. C. Burges "
        "(CC BY-SA 3.0). IMDB: A. Maas 외.",
    },
    # ------------------------------------------------------------ option names
    "task.auto": {"en": "Automatic", "ko": "자동"},
    "task.regression": {"en": "Regression", "ko": "회귀"},
    "task.binary": {"en": "Binary classification", "ko": "이진 분류"},
    "task.multiclass": {"en": "Multiclass classification", "ko": "다중 분류"},
    "act.auto": {"en": "auto", "ko": "자동"},
    "act.relu": {"en": "relu", "ko": "relu"},
    "act.sigmoid": {"en": "sigmoid", "ko": "sigmoid"},
    "act.tanh": {"en": "tanh", "ko": "tanh"},
    "act.elu": {"en": "elu", "ko": "elu"},
    "act.leaky_relu": {"en": "leaky relu", "ko": "leaky relu"},
    "act.linear": {"en": "linear", "ko": "linear (선형)"},
    "act.softmax": {"en": "softmax", "ko": "softmax"},
    "loss.auto": {"en": "auto", "ko": "자동"},
    "loss.sparse_categorical_crossentropy": {
        "en": "sparse_categorical_crossentropy",
        "ko": "sparse_categorical_crossentropy",
    },
    "loss.categorical_crossentropy": {
        "en": "categorical_crossentropy",
        "ko": "categorical_crossentropy",
    },
    "loss.binary_crossentropy": {"en": "binary_crossentropy", "ko": "binary_crossentropy"},
    "loss.mse": {"en": "mse (mean squared error)", "ko": "mse (평균 제곱 오차)"},
    "loss.mae": {"en": "mae (mean absolute error)", "ko": "mae (평균 절대 오차)"},
    "labels.integer": {"en": "integers (0, 1, 2…)", "ko": "정수 (0, 1, 2…)"},
    "labels.onehot": {"en": "one-hot (to_categorical)", "ko": "원-핫 (to_categorical)"},
    "opt.adam": {"en": "Adam", "ko": "Adam"},
    "opt.sgd": {"en": "SGD with momentum", "ko": "SGD (모멘텀)"},
    "opt.rmsprop": {"en": "RMSprop", "ko": "RMSprop"},
    "opt.adagrad": {"en": "Adagrad", "ko": "Adagrad"},
    # ------------------------------------------------------------ data page
    "data.title": {"en": "📊 Data", "ko": "📊 데이터"},
    "data.dataset": {"en": "Dataset", "ko": "데이터셋"},
    "data.about.moons": {
        "en": "Two interleaving half circles: a curved boundary a straight line cannot draw.",
        "ko": "서로 맞물린 두 반원: 직선으로는 나눌 수 없는 곡선 경계입니다.",
    },
    "data.about.circles": {
        "en": "A ring around a disc: the network must learn a closed boundary.",
        "ko": "원판을 둘러싼 고리: 신경망이 닫힌 경계를 배워야 합니다.",
    },
    "data.about.xor": {
        "en": "Four quadrants, opposite corners share a class: the classic problem a single neuron cannot solve.",
        "ko": "네 사분면 중 마주 보는 구석이 같은 클래스: 뉴런 하나로는 풀 수 없는 고전 문제입니다.",
    },
    "data.about.spiral": {
        "en": "Two intertwined spirals: hard, needs several layers.",
        "ko": "서로 감긴 두 나선: 어려운 문제라 여러 층이 필요합니다.",
    },
    "data.about.gaussians": {
        "en": "Two Gaussian blobs: almost linearly separable, the easy warm-up.",
        "ko": "두 개의 가우시안 덩어리: 거의 직선으로 나뉘는 쉬운 준비 문제입니다.",
    },
    "data.about.iris": {
        "en": "150 iris flowers, 4 measurements, 3 species (scikit-learn).",
        "ko": "붓꽃 150송이, 측정값 4개, 품종 3개 (scikit-learn).",
    },
    "data.about.wine": {
        "en": "178 wines, 13 chemical measurements, 3 cultivars (scikit-learn).",
        "ko": "와인 178개, 화학 측정값 13개, 품종 3개 (scikit-learn).",
    },
    "data.about.breast_cancer": {
        "en": "569 tumours, 30 features, malignant or benign (scikit-learn).",
        "ko": "종양 569개, 특성 30개, 악성 또는 양성 (scikit-learn).",
    },
    "data.about.diabetes": {
        "en": "442 patients, 10 features, predict disease progression: a regression (scikit-learn).",
        "ko": "환자 442명, 특성 10개, 질병 진행도 예측: 회귀 문제 (scikit-learn).",
    },
    "data.about.mnist": {
        "en": "70,000 handwritten digits, 28×28 grey pixels, 10 classes.",
        "ko": "손글씨 숫자 70,000개, 28×28 흑백 픽셀, 10개 클래스.",
    },
    "data.about.imdb": {
        "en": "Movie reviews as 10,000-word multi-hot vectors: positive or negative.",
        "ko": "10,000개 단어의 멀티-핫 벡터로 바꾼 영화 리뷰: 긍정 또는 부정.",
    },
    "data.about.csv": {
        "en": "Your own table: upload a CSV and choose the column to predict.",
        "ko": "나만의 표: CSV를 올리고 예측할 열을 고르세요.",
    },
    "data.n_samples": {"en": "Number of points", "ko": "점의 개수"},
    "data.n_samples_help": {
        "en": {
            "count": "maximum",
            "one": "At most {maximum:,} point on this server (PLAYGROUND_MAX_SAMPLES).",
            "other": "At most {maximum:,} points on this server (PLAYGROUND_MAX_SAMPLES).",
        },
        "ko": "이 서버에서는 최대 {maximum:,}개까지 만들 수 있습니다(PLAYGROUND_MAX_SAMPLES).",
    },
    "data.noise": {"en": "Noise", "ko": "노이즈"},
    "data.train_limit": {
        "en": "Training examples to use (0 = all)",
        "ko": "사용할 학습 샘플 수 (0 = 전부)",
    },
    "data.train_limit_help": {
        "en": "keras.datasets gives all {total:,} training examples; the app keeps {default:,} by default so "
        "that a first run is quick. 0 = all {total:,}. Fewer examples train faster; all of them "
        "generalise better.",
        "ko": "keras.datasets는 학습 샘플 {total:,}개를 모두 주지만, 이 앱은 첫 학습이 빠르도록 기본으로 "
        "{default:,}개만 씁니다. 0 = 전부({total:,}개). 샘플이 적으면 빨리 학습하고, 전부 쓰면 "
        "일반화가 더 잘 됩니다.",
    },
    "data.test_fraction": {"en": "Test set share", "ko": "테스트 세트 비율"},
    "data.official_split": {
        "en": "This dataset comes with its official test set, which is kept.",
        "ko": "이 데이터셋은 공식 테스트 세트를 그대로 사용합니다.",
    },
    "data.scaling": {"en": "Input scaling", "ko": "입력 스케일링"},
    "data.scaling.standard": {
        "en": "Standardize (mean 0, std 1)",
        "ko": "표준화 (평균 0, 표준편차 1)",
    },
    "data.scaling.minmax": {"en": "Scale to 0–1", "ko": "0–1로 조정"},
    "data.scaling.none": {"en": "None (raw values)", "ko": "없음 (원래 값)"},
    "data.scaling_help": {
        "en": "Keras does no scaling: model.fit uses the numbers as they are. The app standardizes by "
        "default, because networks learn best from small inputs. Try 'None' on MNIST to see raw "
        "0–255 pixels train badly.",
        "ko": "Keras는 스케일링을 하지 않고 model.fit이 숫자를 그대로 씁니다. 신경망은 작은 입력값에서 가장 "
        "잘 배우기 때문에 이 앱은 기본으로 표준화합니다. MNIST에서 '없음'을 골라 0–255 원래 픽셀로는 "
        "학습이 잘 안 되는 것을 확인해 보세요.",
    },
    "data.seed": {"en": "Random seed", "ko": "랜덤 시드"},
    "data.csv_upload": {
        "en": "Upload a CSV file (at most {limit} MB)",
        "ko": "CSV 파일 올리기 (최대 {limit} MB)",
    },
    "data.csv_needed": {
        "en": "Upload a CSV file to continue. The first row must hold the column names.",
        "ko": "계속하려면 CSV 파일을 올리세요. 첫 줄에는 열 이름이 있어야 합니다.",
    },
    "data.target": {"en": "Target column (what to predict)", "ko": "타깃 열 (예측할 값)"},
    "data.task": {"en": "Task", "ko": "문제 유형"},
    "data.loading": {"en": "Loading the data…", "ko": "데이터를 불러오는 중…"},
    "data.task_label": {"en": "Task", "ko": "문제 유형"},
    "data.train_rows": {"en": "Training rows", "ko": "학습 샘플"},
    "data.test_rows": {"en": "Test rows", "ko": "테스트 샘플"},
    "data.input_shape": {"en": "Input shape", "ko": "입력 형태"},
    "data.input_range": {
        "en": "Inputs the network receives range from {low} to {high}.",
        "ko": "신경망이 받는 입력값의 범위: {low} ~ {high}",
    },
    "data.mnist_credit": {
        "en": "MNIST by Y. LeCun, C. Cortes and C. J. C. Burges, CC BY-SA 3.0.",
        "ko": "MNIST: Y. LeCun, C. Cortes, C. J. C. Burges, CC BY-SA 3.0.",
    },
    "data.balance": {"en": "Class balance", "ko": "클래스 분포"},
    "data.table": {
        "en": "First rows, as the network sees them",
        "ko": "신경망이 보는 그대로의 처음 몇 행",
    },
    "data.target_column": {"en": "target", "ko": "타깃"},
    "data.table_truncated": {
        "en": "Showing {shown} of {total} input columns.",
        "ko": "입력 열 {total}개 중 {shown}개를 보여 줍니다.",
    },
    "data.next": {"en": "Next: build the model", "ko": "다음: 모델 만들기"},
    # ------------------------------------------------------------ model page
    "model.title": {"en": "🧱 Model", "ko": "🧱 모델"},
    "model.fix_data": {"en": "Go to the Data page", "ko": "데이터 페이지로 가기"},
    "model.dataset_line": {
        "en": {
            "count": "inputs",
            "one": "Dataset: {dataset} · {task} · {inputs} input · {classes} classes",
            "other": "Dataset: {dataset} · {task} · {inputs} inputs · {classes} classes",
        },
        "ko": "데이터셋: {dataset} · {task} · 입력 {inputs}개 · 클래스 {classes}개",
    },
    "model.hidden_layers": {"en": "Hidden layers", "ko": "은닉층"},
    "model.hidden_help": {
        "en": "Each hidden Dense layer builds new features out of the previous layer's outputs: "
        "feature engineering done by the network.",
        "ko": "각 은닉 Dense 층은 이전 층의 출력으로 새로운 특성을 만듭니다. 신경망이 스스로 하는 특성 공학입니다.",
    },
    "model.units": {"en": "Layer {n}: units", "ko": "{n}층: 유닛 수"},
    "model.activation": {"en": "Activation", "ko": "활성화 함수"},
    "model.move_up": {"en": "Move up", "ko": "위로"},
    "model.move_down": {"en": "Move down", "ko": "아래로"},
    "model.remove": {"en": "Remove this layer", "ko": "이 층 삭제"},
    "model.add_layer": {"en": "Add a layer", "ko": "층 추가"},
    "model.output": {"en": "Output layer and loss", "ko": "출력층과 손실 함수"},
    "model.auto_head": {
        "en": "Chosen for this task: Dense({units}, activation='{activation}') with loss='{loss}'.",
        "ko": "이 문제에 맞게 선택됨: Dense({units}, activation='{activation}'), loss='{loss}'",
    },
    "model.output_activation": {"en": "Output activation", "ko": "출력 활성화 함수"},
    "model.output_units": {"en": "Output units (0 = auto)", "ko": "출력 유닛 수 (0 = 자동)"},
    "model.output_units_help": {
        "en": "Classes need one unit each with softmax; yes/no needs 1 sigmoid unit; a number needs 1 linear unit.",
        "ko": "softmax는 클래스마다 유닛 하나, 예/아니오는 sigmoid 유닛 1개, 숫자 예측은 linear 유닛 1개가 필요합니다.",
    },
    "model.loss": {"en": "Loss", "ko": "손실 함수"},
    "model.labels": {"en": "Labels", "ko": "레이블"},
    "model.labels_help": {
        "en": "Integer labels go with sparse_categorical_crossentropy; one-hot labels with categorical_crossentropy.",
        "ko": "정수 레이블은 sparse_categorical_crossentropy와, 원-핫 레이블은 categorical_crossentropy와 함께 씁니다.",
    },
    "model.training": {"en": "Compile and fit", "ko": "compile과 fit"},
    "model.optimizer": {"en": "Optimizer", "ko": "옵티마이저"},
    "model.learning_rate": {"en": "Learning rate", "ko": "학습률"},
    "model.momentum": {"en": "Momentum", "ko": "모멘텀"},
    "model.epochs": {"en": "Epochs", "ko": "에포크"},
    "model.batch_size": {"en": "Batch size", "ko": "배치 크기"},
    "model.validation_split": {"en": "Validation split", "ko": "검증 데이터 비율"},
    "model.seed": {"en": "Seed", "ko": "시드"},
    "model.early_stopping": {"en": "EarlyStopping", "ko": "EarlyStopping (조기 종료)"},
    "model.early_stopping_help": {
        "en": "Stops when val_loss has not improved for 'patience' epochs.",
        "ko": "val_loss가 'patience' 에포크 동안 좋아지지 않으면 멈춥니다.",
    },
    "model.patience": {"en": "Patience", "ko": "patience (인내 에포크)"},
    "model.restore_best": {"en": "Restore best weights", "ko": "가장 좋은 가중치로 복원"},
    "model.keras_defaults": {
        "en": "Every setting starts at Keras's own default, except the epochs and the validation split; "
        "the ? next to each control says why.",
        "ko": "모든 설정은 Keras 기본값에서 시작합니다. 에포크와 검증 데이터 비율만 다르며, 각 입력란 옆의 ?에 "
        "이유가 있습니다.",
    },
    "model.learning_rate_help": {
        "en": "Each optimizer starts at its Keras default: Adam 0.001, SGD 0.01, RMSprop 0.001, "
        "Adagrad 0.001. A rate you have not changed follows when you switch the optimizer.",
        "ko": "옵티마이저마다 Keras 기본값에서 시작합니다: Adam 0.001, SGD 0.01, RMSprop 0.001, "
        "Adagrad 0.001. 학습률을 바꾸지 않았다면 옵티마이저를 바꿀 때 새 기본값으로 따라갑니다.",
    },
    "model.momentum_help": {
        "en": "Keras's default is 0 (plain SGD); 0.9 is a common choice that speeds up learning.",
        "ko": "Keras 기본값은 0(모멘텀 없는 SGD)입니다. 학습을 빠르게 하려고 흔히 0.9를 씁니다.",
    },
    "model.epochs_help": {
        "en": "Keras's default is 1 epoch. The app starts at {default} so that the loss curve has a shape "
        "to look at.",
        "ko": "Keras 기본값은 1 에포크입니다. 손실 곡선의 모양을 볼 수 있도록 이 앱은 {default}에서 시작합니다.",
    },
    "model.batch_size_help": {
        "en": "Rows per gradient step. Keras's default: 32.",
        "ko": "경사 하강 한 번에 쓰는 행 수입니다. Keras 기본값: 32.",
    },
    "model.validation_split_help": {
        "en": "Keras's default is 0.0 (no validation data). The app holds out {default:.0%} of the training "
        "rows so that validation loss can be compared with training loss, and overfitting seen.",
        "ko": "Keras 기본값은 0.0(검증 데이터 없음)입니다. 학습 손실과 검증 손실을 비교해 과대적합을 볼 수 "
        "있도록 이 앱은 학습 데이터의 {default:.0%}를 떼어 둡니다.",
    },
    "model.seed_help": {
        "en": "Any whole number from 0 to 4,294,967,295; the same seed repeats the same run.",
        "ko": "0부터 4,294,967,295 사이의 아무 정수나 됩니다. 같은 시드면 같은 결과가 다시 나옵니다.",
    },
    "model.patience_help": {
        "en": "Epochs without a better val_loss before training stops. Keras's default: 0 "
        "(stop at the first one).",
        "ko": "val_loss가 나아지지 않아도 기다리는 에포크 수입니다. Keras 기본값: 0(처음 나빠질 때 바로 멈춤).",
    },
    "model.restore_best_help": {
        "en": "Keras's default is off: the model keeps the last epoch's weights. On, it goes back to the "
        "epoch with the best val_loss.",
        "ko": "Keras 기본값은 꺼짐입니다. 끄면 마지막 에포크의 가중치를 쓰고, 켜면 val_loss가 가장 좋았던 "
        "에포크로 되돌립니다.",
    },
    "model.summary": {"en": "model.summary()", "ko": "model.summary()"},
    "model.col_layer": {"en": "Layer (type)", "ko": "층 (종류)"},
    "model.col_shape": {"en": "Output shape", "ko": "출력 형태"},
    "model.col_params": {"en": "Param #", "ko": "파라미터 수"},
    "model.total_params": {"en": "Total params", "ko": "전체 파라미터 수"},
    "model.next": {"en": "Next: train it", "ko": "다음: 학습하기"},
    "checks.all_good": {
        "en": "No problems found: this model is ready to train.",
        "ko": "문제가 없습니다. 이 모델은 바로 학습할 수 있습니다.",
    },
    "checks.fix_prefix": {"en": "Fix:", "ko": "해결 방법:"},
    # ------------------------------------------------------------ train page
    "train.title": {"en": "🏋️ Train", "ko": "🏋️ 학습"},
    "train.experiment_line": {
        "en": {
            "count": "epochs",
            "one": "{dataset} · hidden {layers} · {optimizer} lr={lr} · {epochs} epoch · batch "
            "{batch}",
            "other": "{dataset} · hidden {layers} · {optimizer} lr={lr} · {epochs} epochs · "
            "batch {batch}",
        },
        "ko": "{dataset} · 은닉층 {layers} · {optimizer} 학습률={lr} · {epochs} 에포크 · 배치 {batch}",
    },
    "train.checks": {"en": "Checks before training", "ko": "학습 전 점검"},
    "train.blocked": {
        "en": "This model cannot train yet: open 'Checks before training' above to see why.",
        "ko": "이 모델은 아직 학습할 수 없습니다. 위의 '학습 전 점검'을 열어 이유를 확인하세요.",
    },
    "train.go_fix": {"en": "Fix it on the Model page", "ko": "모델 페이지에서 고치기"},
    "train.start": {"en": "Train", "ko": "학습 시작"},
    "train.stop": {"en": "Stop", "ko": "멈추기"},
    "train.ready": {
        "en": "Press Train to start. The charts below fill in as each epoch ends.",
        "ko": "학습 시작을 누르세요. 에포크가 끝날 때마다 아래 차트가 채워집니다.",
    },
    "train.queued": {
        "en": "Waiting for a free trainer: you are number {position} in the queue, "
        "about {wait} to go.",
        "ko": "빈 학습기를 기다리는 중입니다. 대기 순서: {position}번째, 약 {wait} 남았습니다.",
    },
    "train.queued_behind_own": {
        "en": "This run starts when your current run ends (queue number {position}, "
        "about {wait} to go).",
        "ko": "지금 학습 중인 실행이 끝나면 이 실행이 시작됩니다 "
        "(대기 순서 {position}번째, 약 {wait} 남음).",
    },
    "train.sidebar_queued": {
        "en": "⏳ Your run: number {position} in the queue, about {wait} to go.",
        "ko": "⏳ 내 실행: 대기 순서 {position}번째, 약 {wait} 남음.",
    },
    "train.sidebar_running": {"en": "🏋️ Your run: {progress}", "ko": "🏋️ 내 실행: {progress}"},
    "train.sidebar_starting": {"en": "⏳ Your run is starting…", "ko": "⏳ 내 실행을 시작하는 중…"},
    "train.wait_seconds": {"en": "{seconds} s", "ko": "{seconds}초"},
    "train.wait_minutes": {"en": "{minutes} min", "ko": "{minutes}분"},
    "train.already_active": {
        "en": "A run of yours is still training. Stop it and start the new one, "
        "or queue the new one to start when it ends?",
        "ko": "아직 학습 중인 실행이 있습니다. 그것을 멈추고 새로 시작할까요, "
        "아니면 끝난 뒤에 시작하도록 새 실행을 대기열에 넣을까요?",
    },
    "train.stop_and_start": {"en": "Stop it and train the new one", "ko": "멈추고 새로 학습하기"},
    "train.queue_after": {
        "en": "Queue the new one after it",
        "ko": "끝난 뒤에 학습하도록 대기열에 넣기",
    },
    "train.cancel": {"en": "Cancel", "ko": "취소"},
    "train.previous_running": {
        "en": "Your earlier run is training too: {progress}.",
        "ko": "이전 실행도 학습 중입니다: {progress}.",
    },
    "train.starting": {
        "en": "Starting the trainer: TensorFlow is loading, this takes a few seconds…",
        "ko": "학습기를 준비하는 중입니다. TensorFlow를 불러오는 데 몇 초 걸립니다…",
    },
    "train.starting_run": {"en": "Starting your run…", "ko": "실행을 시작하는 중…"},
    "train.preparing": {
        "en": "Loading the data and building the model…",
        "ko": "데이터를 불러오고 모델을 만드는 중…",
    },
    "train.progress_epoch": {"en": "Epoch {epoch}/{epochs}", "ko": "에포크 {epoch}/{epochs}"},
    "train.progress_batch": {
        "en": "Epoch {epoch}/{epochs} · batch {step}/{steps}",
        "ko": "에포크 {epoch}/{epochs} · 배치 {step}/{steps}",
    },
    "train.finished": {
        "en": {
            "count": "epochs",
            "one": "Finished after {epochs} epoch.",
            "other": "Finished after {epochs} epochs.",
        },
        "ko": "{epochs} 에포크 후 학습이 끝났습니다.",
    },
    "train.early_restored": {
        "en": {
            "count": "patience",
            "one": "EarlyStopping stopped it early at epoch {stopped}: val_loss had not "
            "improved for {patience} epoch. The weights were restored to epoch {best}, "
            "the best val_loss.",
            "other": "EarlyStopping stopped it early at epoch {stopped}: val_loss had not "
            "improved for {patience} epochs. The weights were restored to epoch "
            "{best}, the best val_loss.",
        },
        "ko": "val_loss가 {patience} 에포크 동안 좋아지지 않아 EarlyStopping이 에포크 {stopped}에서 학습을 일찍 멈췄습니다. "
        "가중치는 val_loss가 가장 좋았던 에포크 {best}의 것으로 되돌렸습니다.",
    },
    "train.early_kept": {
        "en": {
            "count": "patience",
            "one": "EarlyStopping stopped it early at epoch {stopped}: val_loss had not "
            "improved for {patience} epoch. The model keeps epoch {stopped}'s weights "
            "(restore_best_weights is off; the best val_loss was at epoch {best}).",
            "other": "EarlyStopping stopped it early at epoch {stopped}: val_loss had not "
            "improved for {patience} epochs. The model keeps epoch {stopped}'s weights "
            "(restore_best_weights is off; the best val_loss was at epoch {best}).",
        },
        "ko": "val_loss가 {patience} 에포크 동안 좋아지지 않아 EarlyStopping이 에포크 {stopped}에서 학습을 일찍 멈췄습니다. "
        "restore_best_weights가 꺼져 있어 모델은 에포크 {stopped}의 가중치를 그대로 씁니다(val_loss가 가장 좋았던 때는 에포크 "
        "{best}).",
    },
    "train.restored_best": {
        "en": "The weights were restored to epoch {best}, the best val_loss (restore_best_weights).",
        "ko": "가중치는 val_loss가 가장 좋았던 에포크 {best}의 것으로 되돌렸습니다(restore_best_weights).",
    },
    "train.stopped": {
        "en": {
            "count": "epochs",
            "one": "Stopped after {epochs} epoch.",
            "other": "Stopped after {epochs} epochs.",
        },
        "ko": "{epochs} 에포크 후 멈췄습니다.",
    },
    "train.use_lr": {"en": "Use learning rate {lr}", "ko": "학습률 {lr} 사용하기"},
    "train.ready_with_lr": {
        "en": "Ready to train with learning rate {lr}: press Train.",
        "ko": "학습률 {lr}(으)로 학습할 준비가 되었습니다. 학습 시작을 누르세요.",
    },
    "train.boundary_caption": {
        "en": "What the network predicts over the plane after epoch {epoch}.",
        "ko": "에포크 {epoch} 후 신경망이 평면 전체에 대해 예측한 결과입니다.",
    },
    "train.boundary_caption_restored": {
        "en": "What the final model predicts over the plane: the weights of epoch {epoch}, restored by "
        "EarlyStopping.",
        "ko": "최종 모델이 평면 전체에 대해 예측한 결과입니다. EarlyStopping이 되돌린 에포크 {epoch}의 "
        "가중치입니다.",
    },
    "train.download_history": {"en": "Download history (CSV)", "ko": "학습 기록 내려받기 (CSV)"},
    "train.go_evaluate": {"en": "Next: evaluate the model", "ko": "다음: 모델 평가하기"},
    # ------------------------------------------------------------ evaluate page
    "eval.title": {"en": "🔍 Evaluate", "ko": "🔍 평가"},
    "eval.no_run": {
        "en": "No finished run yet in this session: train a model first.",
        "ko": "이 세션에 끝난 학습이 아직 없습니다. 먼저 모델을 학습하세요.",
    },
    "eval.run": {"en": "Run", "ko": "학습 기록"},
    "eval.run_label": {
        "en": {
            "count": "epochs",
            "one": "{name} ({dataset}, {epochs} epoch)",
            "other": "{name} ({dataset}, {epochs} epochs)",
        },
        "ko": "{name} ({dataset}, {epochs} 에포크)",
    },
    "eval.test_metrics": {
        "en": {
            "count": "n",
            "one": "Test set ({n} example the model never saw)",
            "other": "Test set ({n} examples the model never saw)",
        },
        "ko": "테스트 세트 (모델이 본 적 없는 샘플 {n}개)",
    },
    "eval.metric.loss": {"en": "Test loss", "ko": "테스트 손실"},
    "eval.metric.accuracy": {"en": "Test accuracy", "ko": "테스트 정확도"},
    "eval.metric.mae": {"en": "Test MAE", "ko": "테스트 MAE"},
    "eval.metric.mse": {"en": "MSE", "ko": "MSE"},
    "eval.metric.r2": {"en": "R²", "ko": "R²"},
    "eval.threshold_title": {"en": "Decision threshold", "ko": "결정 임계값"},
    "eval.positive_class": {
        "en": "Positive class (what the threshold looks for)",
        "ko": "양성 클래스 (임계값이 찾는 클래스)",
    },
    "eval.positive_class_help": {
        "en": "Precision, recall, the threshold and the chart below are about this class. Pick the class "
        "a miss would cost most, e.g. the disease a screening test must not miss.",
        "ko": "정밀도, 재현율, 임계값과 아래 그래프는 모두 이 클래스에 대한 것입니다. 놓치면 가장 큰 문제가 되는 "
        "클래스를 고르세요. 예: 검진에서 놓치면 안 되는 질병.",
    },
    "eval.threshold_help": {
        "en": "The model gives every example a probability P({positive}). At or above the threshold the "
        "prediction is {positive}; below it, {negative}. Lower the threshold to catch more {positive} "
        "cases (higher recall of {positive}) at the price of more false alarms (lower precision).",
        "ko": "모델은 샘플마다 확률 P({positive})를 냅니다. 이 확률이 임계값 이상이면 예측은 {positive}, "
        "미만이면 {negative}입니다. 임계값을 낮추면 {positive} 사례를 더 많이 잡아내지만"
        "({positive} 재현율 상승) 잘못된 경보도 늘어납니다(정밀도 하락).",
    },
    "eval.threshold": {
        "en": "P({positive}) ≥ threshold → predict {positive}",
        "ko": "P({positive}) ≥ 임계값 → 예측: {positive}",
    },
    "eval.confusion": {"en": "Confusion matrix", "ko": "혼동 행렬"},
    "eval.matrix_values": {"en": "Show in the cells", "ko": "칸에 표시할 값"},
    "eval.matrix_counts": {"en": "Counts", "ko": "개수"},
    "eval.matrix_percent": {"en": "% of each actual class", "ko": "실제 클래스별 %"},
    "eval.report": {"en": "Classification report", "ko": "분류 리포트"},
    "eval.matrix_click": {
        "en": "Click a cell to see its test examples below.",
        "ko": "칸을 클릭하면 아래에 그 칸의 테스트 예제가 나옵니다.",
    },
    "eval.examples_title": {"en": "The examples behind a cell", "ko": "칸 뒤의 예제"},
    "eval.examples_cell": {
        "en": "Cell of the confusion matrix (actual → predicted)",
        "ko": "혼동 행렬의 칸 (실제 → 예측)",
    },
    "eval.examples_pick": {
        "en": "Click a cell of the matrix, or pick one here",
        "ko": "행렬의 칸을 클릭하거나 여기서 고르세요",
    },
    "eval.examples_none": {
        "en": "No test example is actually {actual} and predicted {predicted}.",
        "ko": "실제가 {actual}이고 {predicted}(으)로 예측된 테스트 예제가 없습니다.",
    },
    "eval.examples_count": {
        "en": {
            "count": "count",
            "one": "**1** test example is actually {actual} and predicted {predicted}.",
            "other": "**{count}** test examples are actually {actual} and predicted "
            "{predicted}; the {shown} the model was most confident about come first.",
        },
        "ko": "실제 {actual}, 예측 {predicted}인 테스트 예제는 **{count}**개입니다. "
        "모델이 가장 확신한 {shown}개를 확신이 큰 순서로 보여 줍니다.",
    },
    "eval.examples_col_row": {"en": "test row", "ko": "테스트 행"},
    "eval.examples_col_actual": {"en": "actual", "ko": "실제"},
    "eval.examples_col_predicted": {"en": "predicted", "ko": "예측"},
    "eval.examples_col_confidence": {
        "en": "confidence (P of predicted class)",
        "ko": "확신도 (예측 클래스의 확률)",
    },
    "eval.examples_col_review": {"en": "review", "ko": "리뷰"},
    "eval.examples_points": {
        "en": "this cell's test points",
        "ko": "이 칸의 테스트 점",
    },
    "eval.examples_no_words": {
        "en": "The word list (imdb_word_index.json) is not on the server, so the reviews "
        "cannot be turned back into words. Put it in the data folder next to imdb.npz.",
        "ko": "서버에 단어 목록(imdb_word_index.json)이 없어 리뷰를 단어로 되돌릴 수 없습니다. "
        "데이터 폴더의 imdb.npz 옆에 넣어 주세요.",
    },
    "eval.examples_data_changed": {
        "en": "The examples cannot be shown: the dataset loaded now has {loaded} test rows "
        "that differ from the {saved} this run was tested on (its file changed since). "
        "Train again to see them.",
        "ko": "예제를 보여 줄 수 없습니다: 지금 불러온 데이터의 테스트 행 {loaded}개가 이 실행이 "
        "평가한 {saved}개와 다릅니다(그 사이 파일이 바뀌었습니다). 다시 훈련하면 볼 수 있습니다.",
    },
    "eval.softmax_title": {"en": "Softmax outputs and argmax", "ko": "softmax 출력과 argmax"},
    "eval.softmax_help": {
        "en": "Each row is one test example: the probabilities sum to 1 and argmax picks the class.",
        "ko": "각 행은 테스트 샘플 하나입니다. 확률의 합은 1이고 argmax가 클래스를 고릅니다.",
    },
    "eval.row": {"en": "Test example", "ko": "테스트 샘플 번호"},
    "eval.argmax_line": {
        "en": "argmax → {cls} (p = {p}); the true class is {truth}.",
        "ko": "argmax → {cls} (p = {p}), 실제 클래스는 {truth}입니다.",
    },
    "eval.pred_vs_actual": {"en": "Predicted against actual", "ko": "예측값과 실제값"},
    "eval.boundary": {"en": "Decision boundary", "ko": "결정 경계"},
    "eval.neurons": {"en": "What each hidden neuron computes", "ko": "각 은닉 뉴런이 계산하는 것"},
    "eval.neurons_help": {
        "en": "Each small map is one neuron's output over the input plane: the features the network "
        "engineered for itself. Later layers combine them into the final boundary.",
        "ko": "작은 지도 하나가 입력 평면 전체에 대한 뉴런 하나의 출력입니다. 신경망이 스스로 만든 특성이며, "
        "뒤쪽 층이 이것들을 조합해 최종 경계를 만듭니다.",
    },
    "eval.layer_title": {"en": "Hidden layer {n}", "ko": "은닉층 {n}"},
    "eval.history": {"en": "Training history", "ko": "학습 기록"},
    # ------------------------------------------------------------ draw page
    "draw.title": {"en": "✏️ Draw a digit", "ko": "✏️ 숫자 그리기"},
    "draw.model_default": {
        "en": "Answering: the default digit model that ships with the app (Dense 784-256-128-10, "
        "{params} parameters, {accuracy} on the MNIST test set). Train a model on MNIST and "
        "yours answers instead.",
        "ko": "답하는 모델: 앱에 들어 있는 기본 숫자 모델 (Dense 784-256-128-10, 파라미터 {params}개, "
        "MNIST 테스트 정확도 {accuracy}). MNIST로 모델을 학습하면 내 모델이 대신 답합니다.",
    },
    "draw.model_session": {
        "en": "Answering: {name}, the MNIST model you trained in this session ({params} "
        "parameters, {accuracy} on the MNIST test set).",
        "ko": "답하는 모델: {name}, 이 세션에서 내가 MNIST로 학습한 모델 (파라미터 {params}개, "
        "MNIST 테스트 정확도 {accuracy}).",
    },
    "draw.mode": {"en": "Mode", "ko": "모드"},
    "draw.mode.draw": {"en": "Draw with the mouse or a finger", "ko": "마우스나 손가락으로 그리기"},
    "draw.mode.browse": {"en": "Browse MNIST test images", "ko": "MNIST 테스트 이미지 둘러보기"},
    "draw.clear": {"en": "Clear", "ko": "지우기"},
    "draw.empty": {
        "en": "Draw a digit (0–9) on the black square. Draw it big: a tiny digit drawn with this thick pen turns into a blob.",
        "ko": "검은 사각형에 숫자(0–9)를 하나 그려 보세요. 크게 그리세요. 굵은 펜으로 아주 작게 그리면 뭉개집니다.",
    },
    "draw.prediction": {"en": "Prediction", "ko": "예측"},
    "draw.confidence": {"en": "{p} confident", "ko": "확신도 {p}"},
    "draw.truth": {"en": "The true label is {digit}.", "ko": "실제 정답은 {digit}입니다."},
    "draw.model_sees": {
        "en": "What the network receives: your drawing cropped to its ink, scaled into a 20×20 box and "
        "centred by its centre of mass in 28×28 pixels, like every MNIST digit.",
        "ko": "신경망이 받는 입력: 잉크 부분만 잘라 20×20 상자에 맞추고, 무게 중심이 28×28의 가운데에 "
        "오도록 옮긴 그림입니다. 모든 MNIST 숫자가 이렇게 만들어졌습니다.",
    },
    "draw.test_image_input": {
        "en": "The 28×28 test image, as the network receives it.",
        "ko": "신경망이 받는 그대로의 28×28 테스트 이미지입니다.",
    },
    "draw.only_wrong": {
        "en": {
            "count": "n",
            "one": "Only the {n} test image the model gets wrong",
            "other": "Only the {n} test images the model gets wrong",
        },
        "ko": "모델이 틀린 테스트 이미지 {n}개만 보기",
    },
    "draw.none_wrong": {
        "en": "The model gets every test image right.",
        "ko": "모델이 모든 테스트 이미지를 맞혔습니다.",
    },
    "draw.example": {"en": "Image (1 to {n})", "ko": "이미지 (1 ~ {n})"},
    "draw.test_index": {"en": "MNIST test image #{index}", "ko": "MNIST 테스트 이미지 #{index}"},
}
