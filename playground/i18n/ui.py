"""Page texts and option names: key -> (English, Korean)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------ navigation
    "page.home": ("Home", "홈"),
    "page.data": ("Data", "데이터"),
    "page.model": ("Model", "모델"),
    "page.train": ("Train", "학습"),
    "page.evaluate": ("Evaluate", "평가"),
    "page.draw": ("Draw", "그리기"),
    "ui.unexpected_error": ("Something went wrong: {detail}", "문제가 발생했습니다: {detail}"),
    # ------------------------------------------------------------ home
    "home.title": ("🧠 Deep Learning Playground", "🧠 딥러닝 놀이터"),
    "home.intro": (
        "Build a real Keras neural network, train it on real data while the charts fill in epoch "
        "by epoch, and then look at what it learned.",
        "진짜 Keras 신경망을 만들고, 에포크마다 차트가 채워지는 것을 보며 실제 데이터로 학습시킨 뒤, "
        "모델이 무엇을 배웠는지 살펴보세요.",
    ),
    "home.step_data": ("1. Pick a dataset, split it and scale it.",
                       "1. 데이터셋을 고르고, 나누고, 스케일링합니다."),
    "home.step_model": ("2. Stack Dense layers; choose the output, loss and optimizer.",
                        "2. Dense 층을 쌓고 출력층, 손실 함수, 옵티마이저를 고릅니다."),
    "home.step_train": ("3. Train in the background and watch loss and accuracy live.",
                        "3. 백그라운드에서 학습하며 손실과 정확도를 실시간으로 봅니다."),
    "home.step_evaluate": ("4. Confusion matrix, threshold, report and what each neuron learned.",
                           "4. 혼동 행렬, 임계값, 분류 리포트, 각 뉴런이 배운 것을 봅니다."),
    "home.step_draw": ("5. Draw a digit and watch the model guess it live.",
                       "5. 숫자를 그리고 모델이 실시간으로 맞히는 것을 봅니다."),
    "home.quick_start": (
        "Everything starts with sensible defaults: open **Train** and press the button to see a "
        "network learn the two moons in a few seconds.",
        "모든 설정에 기본값이 있습니다. **학습** 페이지에서 버튼을 누르면 몇 초 만에 신경망이 "
        "두 개의 반달 데이터를 학습하는 것을 볼 수 있습니다.",
    ),
    "home.credits": (
        "Real TensorFlow/Keras under the hood. MNIST: Y. LeCun, C. Cortes, C. J. C. Burges "
        "(CC BY-SA 3.0). IMDB: A. Maas et al.",
        "내부에서 실제 TensorFlow/Keras가 동작합니다. MNIST: Y. LeCun, C. Cortes, C. J. C. Burges "
        "(CC BY-SA 3.0). IMDB: A. Maas 외.",
    ),
    # ------------------------------------------------------------ option names
    "task.auto": ("Automatic", "자동"),
    "task.regression": ("Regression", "회귀"),
    "task.binary": ("Binary classification", "이진 분류"),
    "task.multiclass": ("Multiclass classification", "다중 분류"),
    "act.auto": ("auto", "자동"),
    "act.relu": ("relu", "relu"),
    "act.sigmoid": ("sigmoid", "sigmoid"),
    "act.tanh": ("tanh", "tanh"),
    "act.elu": ("elu", "elu"),
    "act.leaky_relu": ("leaky relu", "leaky relu"),
    "act.linear": ("linear", "linear (선형)"),
    "act.softmax": ("softmax", "softmax"),
    "loss.auto": ("auto", "자동"),
    "loss.sparse_categorical_crossentropy": ("sparse_categorical_crossentropy",
                                             "sparse_categorical_crossentropy"),
    "loss.categorical_crossentropy": ("categorical_crossentropy", "categorical_crossentropy"),
    "loss.binary_crossentropy": ("binary_crossentropy", "binary_crossentropy"),
    "loss.mse": ("mse (mean squared error)", "mse (평균 제곱 오차)"),
    "loss.mae": ("mae (mean absolute error)", "mae (평균 절대 오차)"),
    "labels.integer": ("integers (0, 1, 2…)", "정수 (0, 1, 2…)"),
    "labels.onehot": ("one-hot (to_categorical)", "원-핫 (to_categorical)"),
    "opt.adam": ("Adam", "Adam"),
    "opt.sgd": ("SGD with momentum", "SGD (모멘텀)"),
    "opt.rmsprop": ("RMSprop", "RMSprop"),
    "opt.adagrad": ("Adagrad", "Adagrad"),
    # ------------------------------------------------------------ data page
    "data.title": ("📊 Data", "📊 데이터"),
    "data.dataset": ("Dataset", "데이터셋"),
    "data.about.moons": ("Two interleaving half circles: a curved boundary a straight line cannot draw.",
                         "서로 맞물린 두 반원: 직선으로는 나눌 수 없는 곡선 경계입니다."),
    "data.about.circles": ("A ring around a disc: the network must learn a closed boundary.",
                           "원판을 둘러싼 고리: 신경망이 닫힌 경계를 배워야 합니다."),
    "data.about.xor": ("Four quadrants, opposite corners share a class: the classic problem a single neuron cannot solve.",
                       "네 사분면 중 마주 보는 구석이 같은 클래스: 뉴런 하나로는 풀 수 없는 고전 문제입니다."),
    "data.about.spiral": ("Two intertwined spirals: hard, needs several layers.",
                          "서로 감긴 두 나선: 어려운 문제라 여러 층이 필요합니다."),
    "data.about.gaussians": ("Two Gaussian blobs: almost linearly separable, the easy warm-up.",
                             "두 개의 가우시안 덩어리: 거의 직선으로 나뉘는 쉬운 준비 문제입니다."),
    "data.about.iris": ("150 iris flowers, 4 measurements, 3 species (scikit-learn).",
                        "붓꽃 150송이, 측정값 4개, 품종 3개 (scikit-learn)."),
    "data.about.wine": ("178 wines, 13 chemical measurements, 3 cultivars (scikit-learn).",
                        "와인 178개, 화학 측정값 13개, 품종 3개 (scikit-learn)."),
    "data.about.breast_cancer": ("569 tumours, 30 features, malignant or benign (scikit-learn).",
                                 "종양 569개, 특성 30개, 악성 또는 양성 (scikit-learn)."),
    "data.about.diabetes": ("442 patients, 10 features, predict disease progression: a regression (scikit-learn).",
                            "환자 442명, 특성 10개, 질병 진행도 예측: 회귀 문제 (scikit-learn)."),
    "data.about.mnist": ("70,000 handwritten digits, 28×28 grey pixels, 10 classes.",
                         "손글씨 숫자 70,000개, 28×28 흑백 픽셀, 10개 클래스."),
    "data.about.imdb": ("Movie reviews as 10,000-word multi-hot vectors: positive or negative.",
                        "10,000개 단어의 멀티-핫 벡터로 바꾼 영화 리뷰: 긍정 또는 부정."),
    "data.about.csv": ("Your own table: upload a CSV and choose the column to predict.",
                       "나만의 표: CSV를 올리고 예측할 열을 고르세요."),
    "data.n_samples": ("Number of points", "점의 개수"),
    "data.n_samples_help": ("At most {maximum:,} points on this server (PLAYGROUND_MAX_SAMPLES).",
                            "이 서버에서는 최대 {maximum:,}개까지 만들 수 있습니다(PLAYGROUND_MAX_SAMPLES)."),
    "data.noise": ("Noise", "노이즈"),
    "data.train_limit": ("Training examples to use (0 = all)", "사용할 학습 샘플 수 (0 = 전부)"),
    "data.train_limit_help": (
        "keras.datasets gives all {total:,} training examples; the app keeps {default:,} by default so "
        "that a first run is quick. 0 = all {total:,}. Fewer examples train faster; all of them "
        "generalise better.",
        "keras.datasets는 학습 샘플 {total:,}개를 모두 주지만, 이 앱은 첫 학습이 빠르도록 기본으로 "
        "{default:,}개만 씁니다. 0 = 전부({total:,}개). 샘플이 적으면 빨리 학습하고, 전부 쓰면 "
        "일반화가 더 잘 됩니다.",
    ),
    "data.test_fraction": ("Test set share", "테스트 세트 비율"),
    "data.official_split": ("This dataset comes with its official test set, which is kept.",
                            "이 데이터셋은 공식 테스트 세트를 그대로 사용합니다."),
    "data.scaling": ("Input scaling", "입력 스케일링"),
    "data.scaling.standard": ("Standardize (mean 0, std 1)", "표준화 (평균 0, 표준편차 1)"),
    "data.scaling.minmax": ("Scale to 0–1", "0–1로 조정"),
    "data.scaling.none": ("None (raw values)", "없음 (원래 값)"),
    "data.scaling_help": (
        "Keras does no scaling: model.fit uses the numbers as they are. The app standardizes by "
        "default, because networks learn best from small inputs. Try 'None' on MNIST to see raw "
        "0–255 pixels train badly.",
        "Keras는 스케일링을 하지 않고 model.fit이 숫자를 그대로 씁니다. 신경망은 작은 입력값에서 가장 "
        "잘 배우기 때문에 이 앱은 기본으로 표준화합니다. MNIST에서 '없음'을 골라 0–255 원래 픽셀로는 "
        "학습이 잘 안 되는 것을 확인해 보세요.",
    ),
    "data.seed": ("Random seed", "랜덤 시드"),
    "data.csv_upload": ("Upload a CSV file (at most {limit} MB)", "CSV 파일 올리기 (최대 {limit} MB)"),
    "data.csv_needed": ("Upload a CSV file to continue. The first row must hold the column names.",
                        "계속하려면 CSV 파일을 올리세요. 첫 줄에는 열 이름이 있어야 합니다."),
    "data.target": ("Target column (what to predict)", "타깃 열 (예측할 값)"),
    "data.task": ("Task", "문제 유형"),
    "data.loading": ("Loading the data…", "데이터를 불러오는 중…"),
    "data.task_label": ("Task", "문제 유형"),
    "data.train_rows": ("Training rows", "학습 샘플"),
    "data.test_rows": ("Test rows", "테스트 샘플"),
    "data.input_shape": ("Input shape", "입력 형태"),
    "data.input_range": ("Inputs the network receives range from {low} to {high}.",
                         "신경망이 받는 입력값의 범위: {low} ~ {high}"),
    "data.mnist_credit": ("MNIST by Y. LeCun, C. Cortes and C. J. C. Burges, CC BY-SA 3.0.",
                          "MNIST: Y. LeCun, C. Cortes, C. J. C. Burges, CC BY-SA 3.0."),
    "data.balance": ("Class balance", "클래스 분포"),
    "data.table": ("First rows, as the network sees them", "신경망이 보는 그대로의 처음 몇 행"),
    "data.target_column": ("target", "타깃"),
    "data.table_truncated": ("Showing {shown} of {total} input columns.",
                             "입력 열 {total}개 중 {shown}개를 보여 줍니다."),
    "data.next": ("Next: build the model", "다음: 모델 만들기"),
    # ------------------------------------------------------------ model page
    "model.title": ("🧱 Model", "🧱 모델"),
    "model.fix_data": ("Go to the Data page", "데이터 페이지로 가기"),
    "model.dataset_line": ("Dataset: {dataset} · {task} · {inputs} inputs · {classes} classes",
                           "데이터셋: {dataset} · {task} · 입력 {inputs}개 · 클래스 {classes}개"),
    "model.hidden_layers": ("Hidden layers", "은닉층"),
    "model.hidden_help": (
        "Each hidden Dense layer builds new features out of the previous layer's outputs: "
        "feature engineering done by the network.",
        "각 은닉 Dense 층은 이전 층의 출력으로 새로운 특성을 만듭니다. 신경망이 스스로 하는 특성 공학입니다.",
    ),
    "model.units": ("Layer {n}: units", "{n}층: 유닛 수"),
    "model.activation": ("Activation", "활성화 함수"),
    "model.move_up": ("Move up", "위로"),
    "model.move_down": ("Move down", "아래로"),
    "model.remove": ("Remove this layer", "이 층 삭제"),
    "model.add_layer": ("Add a layer", "층 추가"),
    "model.output": ("Output layer and loss", "출력층과 손실 함수"),
    "model.auto_head": ("Chosen for this task: Dense({units}, activation='{activation}') with loss='{loss}'.",
                        "이 문제에 맞게 선택됨: Dense({units}, activation='{activation}'), loss='{loss}'"),
    "model.output_activation": ("Output activation", "출력 활성화 함수"),
    "model.output_units": ("Output units (0 = auto)", "출력 유닛 수 (0 = 자동)"),
    "model.output_units_help": ("Classes need one unit each with softmax; yes/no needs 1 sigmoid unit; a number needs 1 linear unit.",
                                "softmax는 클래스마다 유닛 하나, 예/아니오는 sigmoid 유닛 1개, 숫자 예측은 linear 유닛 1개가 필요합니다."),
    "model.loss": ("Loss", "손실 함수"),
    "model.labels": ("Labels", "레이블"),
    "model.labels_help": ("Integer labels go with sparse_categorical_crossentropy; one-hot labels with categorical_crossentropy.",
                          "정수 레이블은 sparse_categorical_crossentropy와, 원-핫 레이블은 categorical_crossentropy와 함께 씁니다."),
    "model.training": ("Compile and fit", "compile과 fit"),
    "model.optimizer": ("Optimizer", "옵티마이저"),
    "model.learning_rate": ("Learning rate", "학습률"),
    "model.momentum": ("Momentum", "모멘텀"),
    "model.epochs": ("Epochs", "에포크"),
    "model.batch_size": ("Batch size", "배치 크기"),
    "model.validation_split": ("Validation split", "검증 데이터 비율"),
    "model.seed": ("Seed", "시드"),
    "model.early_stopping": ("EarlyStopping", "EarlyStopping (조기 종료)"),
    "model.early_stopping_help": ("Stops when val_loss has not improved for 'patience' epochs.",
                                  "val_loss가 'patience' 에포크 동안 좋아지지 않으면 멈춥니다."),
    "model.patience": ("Patience", "patience (인내 에포크)"),
    "model.restore_best": ("Restore best weights", "가장 좋은 가중치로 복원"),
    "model.keras_defaults": (
        "Every setting starts at Keras's own default, except the epochs and the validation split; "
        "the ? next to each control says why.",
        "모든 설정은 Keras 기본값에서 시작합니다. 에포크와 검증 데이터 비율만 다르며, 각 입력란 옆의 ?에 "
        "이유가 있습니다.",
    ),
    "model.learning_rate_help": (
        "Each optimizer starts at its Keras default: Adam 0.001, SGD 0.01, RMSprop 0.001, "
        "Adagrad 0.001. A rate you have not changed follows when you switch the optimizer.",
        "옵티마이저마다 Keras 기본값에서 시작합니다: Adam 0.001, SGD 0.01, RMSprop 0.001, "
        "Adagrad 0.001. 학습률을 바꾸지 않았다면 옵티마이저를 바꿀 때 새 기본값으로 따라갑니다.",
    ),
    "model.momentum_help": (
        "Keras's default is 0 (plain SGD); 0.9 is a common choice that speeds up learning.",
        "Keras 기본값은 0(모멘텀 없는 SGD)입니다. 학습을 빠르게 하려고 흔히 0.9를 씁니다.",
    ),
    "model.epochs_help": (
        "Keras's default is 1 epoch. The app starts at {default} so that the loss curve has a shape "
        "to look at.",
        "Keras 기본값은 1 에포크입니다. 손실 곡선의 모양을 볼 수 있도록 이 앱은 {default}에서 시작합니다.",
    ),
    "model.batch_size_help": (
        "Rows per gradient step. Keras's default: 32.",
        "경사 하강 한 번에 쓰는 행 수입니다. Keras 기본값: 32.",
    ),
    "model.validation_split_help": (
        "Keras's default is 0.0 (no validation data). The app holds out {default:.0%} of the training "
        "rows so that validation loss can be compared with training loss, and overfitting seen.",
        "Keras 기본값은 0.0(검증 데이터 없음)입니다. 학습 손실과 검증 손실을 비교해 과대적합을 볼 수 "
        "있도록 이 앱은 학습 데이터의 {default:.0%}를 떼어 둡니다.",
    ),
    "model.seed_help": (
        "Any whole number from 0 to 4,294,967,295; the same seed repeats the same run.",
        "0부터 4,294,967,295 사이의 아무 정수나 됩니다. 같은 시드면 같은 결과가 다시 나옵니다.",
    ),
    "model.patience_help": (
        "Epochs without a better val_loss before training stops. Keras's default: 0 "
        "(stop at the first one).",
        "val_loss가 나아지지 않아도 기다리는 에포크 수입니다. Keras 기본값: 0(처음 나빠질 때 바로 멈춤).",
    ),
    "model.restore_best_help": (
        "Keras's default is off: the model keeps the last epoch's weights. On, it goes back to the "
        "epoch with the best val_loss.",
        "Keras 기본값은 꺼짐입니다. 끄면 마지막 에포크의 가중치를 쓰고, 켜면 val_loss가 가장 좋았던 "
        "에포크로 되돌립니다.",
    ),
    "model.summary": ("model.summary()", "model.summary()"),
    "model.col_layer": ("Layer (type)", "층 (종류)"),
    "model.col_shape": ("Output shape", "출력 형태"),
    "model.col_params": ("Param #", "파라미터 수"),
    "model.total_params": ("Total params", "전체 파라미터 수"),
    "model.next": ("Next: train it", "다음: 학습하기"),
    "checks.all_good": ("No problems found: this model is ready to train.",
                        "문제가 없습니다. 이 모델은 바로 학습할 수 있습니다."),
    "checks.fix_prefix": ("Fix:", "해결 방법:"),
    # ------------------------------------------------------------ train page
    "train.title": ("🏋️ Train", "🏋️ 학습"),
    "train.experiment_line": ("{dataset} · hidden {layers} · {optimizer} lr={lr} · {epochs} epochs · batch {batch}",
                              "{dataset} · 은닉층 {layers} · {optimizer} 학습률={lr} · {epochs} 에포크 · 배치 {batch}"),
    "train.checks": ("Checks before training", "학습 전 점검"),
    "train.blocked": ("This model cannot train yet: open 'Checks before training' above to see why.",
                      "이 모델은 아직 학습할 수 없습니다. 위의 '학습 전 점검'을 열어 이유를 확인하세요."),
    "train.go_fix": ("Fix it on the Model page", "모델 페이지에서 고치기"),
    "train.start": ("Train", "학습 시작"),
    "train.stop": ("Stop", "멈추기"),
    "train.ready": ("Press Train to start. The charts below fill in as each epoch ends.",
                    "학습 시작을 누르세요. 에포크가 끝날 때마다 아래 차트가 채워집니다."),
    "train.queued": ("Waiting for a free trainer: you are number {position} in the queue, "
                     "about {wait} to go.",
                     "빈 학습기를 기다리는 중입니다. 대기 순서: {position}번째, 약 {wait} 남았습니다."),
    "train.queued_behind_own": ("This run starts when your current run ends (queue number {position}, "
                                "about {wait} to go).",
                                "지금 학습 중인 실행이 끝나면 이 실행이 시작됩니다 "
                                "(대기 순서 {position}번째, 약 {wait} 남음)."),
    "train.sidebar_queued": ("⏳ Your run: number {position} in the queue, about {wait} to go.",
                             "⏳ 내 실행: 대기 순서 {position}번째, 약 {wait} 남음."),
    "train.sidebar_running": ("🏋️ Your run: {progress}", "🏋️ 내 실행: {progress}"),
    "train.sidebar_starting": ("⏳ Your run is starting…", "⏳ 내 실행을 시작하는 중…"),
    "train.wait_seconds": ("{seconds} s", "{seconds}초"),
    "train.wait_minutes": ("{minutes} min", "{minutes}분"),
    "train.already_active": ("A run of yours is still training. Stop it and start the new one, "
                             "or queue the new one to start when it ends?",
                             "아직 학습 중인 실행이 있습니다. 그것을 멈추고 새로 시작할까요, "
                             "아니면 끝난 뒤에 시작하도록 새 실행을 대기열에 넣을까요?"),
    "train.stop_and_start": ("Stop it and train the new one", "멈추고 새로 학습하기"),
    "train.queue_after": ("Queue the new one after it", "끝난 뒤에 학습하도록 대기열에 넣기"),
    "train.cancel": ("Cancel", "취소"),
    "train.previous_running": ("Your earlier run is training too: {progress}.",
                               "이전 실행도 학습 중입니다: {progress}."),
    "train.starting": ("Starting the trainer: TensorFlow is loading, this takes a few seconds…",
                       "학습기를 준비하는 중입니다. TensorFlow를 불러오는 데 몇 초 걸립니다…"),
    "train.starting_run": ("Starting your run…", "실행을 시작하는 중…"),
    "train.preparing": ("Loading the data and building the model…", "데이터를 불러오고 모델을 만드는 중…"),
    "train.progress_epoch": ("Epoch {epoch}/{epochs}", "에포크 {epoch}/{epochs}"),
    "train.progress_batch": ("Epoch {epoch}/{epochs} · batch {step}/{steps}",
                             "에포크 {epoch}/{epochs} · 배치 {step}/{steps}"),
    "train.finished": ("Finished after {epochs} epochs.", "{epochs} 에포크 후 학습이 끝났습니다."),
    "train.early_restored": (
        "EarlyStopping stopped it early at epoch {stopped}: val_loss had not improved for "
        "{patience} epochs. The weights were restored to epoch {best}, the best val_loss.",
        "val_loss가 {patience} 에포크 동안 좋아지지 않아 EarlyStopping이 에포크 {stopped}에서 학습을 "
        "일찍 멈췄습니다. 가중치는 val_loss가 가장 좋았던 에포크 {best}의 것으로 되돌렸습니다."),
    "train.early_kept": (
        "EarlyStopping stopped it early at epoch {stopped}: val_loss had not improved for "
        "{patience} epochs. The model keeps epoch {stopped}'s weights (restore_best_weights is off; "
        "the best val_loss was at epoch {best}).",
        "val_loss가 {patience} 에포크 동안 좋아지지 않아 EarlyStopping이 에포크 {stopped}에서 학습을 "
        "일찍 멈췄습니다. restore_best_weights가 꺼져 있어 모델은 에포크 {stopped}의 가중치를 "
        "그대로 씁니다(val_loss가 가장 좋았던 때는 에포크 {best})."),
    "train.restored_best": (
        "The weights were restored to epoch {best}, the best val_loss (restore_best_weights).",
        "가중치는 val_loss가 가장 좋았던 에포크 {best}의 것으로 되돌렸습니다(restore_best_weights)."),
    "train.stopped": ("Stopped after {epochs} epochs.", "{epochs} 에포크 후 멈췄습니다."),
    "train.use_lr": ("Use learning rate {lr}", "학습률 {lr} 사용하기"),
    "train.ready_with_lr": ("Ready to train with learning rate {lr}: press Train.",
                            "학습률 {lr}(으)로 학습할 준비가 되었습니다. 학습 시작을 누르세요."),
    "train.boundary_caption": ("What the network predicts over the plane after epoch {epoch}.",
                               "에포크 {epoch} 후 신경망이 평면 전체에 대해 예측한 결과입니다."),
    "train.boundary_caption_restored": (
        "What the final model predicts over the plane: the weights of epoch {epoch}, restored by "
        "EarlyStopping.",
        "최종 모델이 평면 전체에 대해 예측한 결과입니다. EarlyStopping이 되돌린 에포크 {epoch}의 "
        "가중치입니다."),
    "train.download_history": ("Download history (CSV)", "학습 기록 내려받기 (CSV)"),
    "train.go_evaluate": ("Next: evaluate the model", "다음: 모델 평가하기"),
    # ------------------------------------------------------------ evaluate page
    "eval.title": ("🔍 Evaluate", "🔍 평가"),
    "eval.no_run": ("No finished run yet in this session: train a model first.",
                    "이 세션에 끝난 학습이 아직 없습니다. 먼저 모델을 학습하세요."),
    "eval.run": ("Run", "학습 기록"),
    "eval.run_label": ("Run {n}: {dataset}, {epochs} epochs", "{n}번 학습: {dataset}, {epochs} 에포크"),
    "eval.test_metrics": ("Test set ({n} examples the model never saw)",
                          "테스트 세트 (모델이 본 적 없는 샘플 {n}개)"),
    "eval.metric.loss": ("Test loss", "테스트 손실"),
    "eval.metric.accuracy": ("Test accuracy", "테스트 정확도"),
    "eval.metric.mae": ("Test MAE", "테스트 MAE"),
    "eval.metric.mse": ("MSE", "MSE"),
    "eval.metric.r2": ("R²", "R²"),
    "eval.threshold_title": ("Decision threshold", "결정 임계값"),
    "eval.positive_class": ("Positive class (what the threshold looks for)",
                            "양성 클래스 (임계값이 찾는 클래스)"),
    "eval.positive_class_help": (
        "Precision, recall, the threshold and the chart below are about this class. Pick the class "
        "a miss would cost most, e.g. the disease a screening test must not miss.",
        "정밀도, 재현율, 임계값과 아래 그래프는 모두 이 클래스에 대한 것입니다. 놓치면 가장 큰 문제가 되는 "
        "클래스를 고르세요. 예: 검진에서 놓치면 안 되는 질병.",
    ),
    "eval.threshold_help": (
        "The model gives every example a probability P({positive}). At or above the threshold the "
        "prediction is {positive}; below it, {negative}. Lower the threshold to catch more {positive} "
        "cases (higher recall of {positive}) at the price of more false alarms (lower precision).",
        "모델은 샘플마다 확률 P({positive})를 냅니다. 이 확률이 임계값 이상이면 예측은 {positive}, "
        "미만이면 {negative}입니다. 임계값을 낮추면 {positive} 사례를 더 많이 잡아내지만"
        "({positive} 재현율 상승) 잘못된 경보도 늘어납니다(정밀도 하락).",
    ),
    "eval.threshold": ("P({positive}) ≥ threshold → predict {positive}",
                       "P({positive}) ≥ 임계값 → 예측: {positive}"),
    "eval.confusion": ("Confusion matrix", "혼동 행렬"),
    "eval.matrix_values": ("Show in the cells", "칸에 표시할 값"),
    "eval.matrix_counts": ("Counts", "개수"),
    "eval.matrix_percent": ("% of each actual class", "실제 클래스별 %"),
    "eval.report": ("Classification report", "분류 리포트"),
    "eval.softmax_title": ("Softmax outputs and argmax", "softmax 출력과 argmax"),
    "eval.softmax_help": ("Each row is one test example: the probabilities sum to 1 and argmax picks the class.",
                          "각 행은 테스트 샘플 하나입니다. 확률의 합은 1이고 argmax가 클래스를 고릅니다."),
    "eval.row": ("Test example", "테스트 샘플 번호"),
    "eval.argmax_line": ("argmax → {cls} (p = {p}); the true class is {truth}.",
                         "argmax → {cls} (p = {p}), 실제 클래스는 {truth}입니다."),
    "eval.pred_vs_actual": ("Predicted against actual", "예측값과 실제값"),
    "eval.boundary": ("Decision boundary", "결정 경계"),
    "eval.neurons": ("What each hidden neuron computes", "각 은닉 뉴런이 계산하는 것"),
    "eval.neurons_help": (
        "Each small map is one neuron's output over the input plane: the features the network "
        "engineered for itself. Later layers combine them into the final boundary.",
        "작은 지도 하나가 입력 평면 전체에 대한 뉴런 하나의 출력입니다. 신경망이 스스로 만든 특성이며, "
        "뒤쪽 층이 이것들을 조합해 최종 경계를 만듭니다.",
    ),
    "eval.layer_title": ("Hidden layer {n}", "은닉층 {n}"),
    "eval.history": ("Training history", "학습 기록"),
    # ------------------------------------------------------------ draw page
    "draw.title": ("✏️ Draw a digit", "✏️ 숫자 그리기"),
    "draw.model_default": (
        "Answering: the default digit model that ships with the app (Dense 784-256-128-10, "
        "{params} parameters, {accuracy} on the MNIST test set). Train a model on MNIST and "
        "yours answers instead.",
        "답하는 모델: 앱에 들어 있는 기본 숫자 모델 (Dense 784-256-128-10, 파라미터 {params}개, "
        "MNIST 테스트 정확도 {accuracy}). MNIST로 모델을 학습하면 내 모델이 대신 답합니다.",
    ),
    "draw.model_session": (
        "Answering: the MNIST model you trained in this session ({params} parameters, "
        "{accuracy} on the MNIST test set).",
        "답하는 모델: 이 세션에서 내가 MNIST로 학습한 모델 (파라미터 {params}개, "
        "MNIST 테스트 정확도 {accuracy}).",
    ),
    "draw.mode": ("Mode", "모드"),
    "draw.mode.draw": ("Draw with the mouse or a finger", "마우스나 손가락으로 그리기"),
    "draw.mode.browse": ("Browse MNIST test images", "MNIST 테스트 이미지 둘러보기"),
    "draw.clear": ("Clear", "지우기"),
    "draw.empty": ("Draw a digit (0–9) on the black square. Draw it big: a tiny digit drawn with this thick pen turns into a blob.",
                   "검은 사각형에 숫자(0–9)를 하나 그려 보세요. 크게 그리세요. 굵은 펜으로 아주 작게 그리면 뭉개집니다."),
    "draw.prediction": ("Prediction", "예측"),
    "draw.confidence": ("{p} confident", "확신도 {p}"),
    "draw.truth": ("The true label is {digit}.", "실제 정답은 {digit}입니다."),
    "draw.model_sees": (
        "What the network receives: your drawing cropped to its ink, scaled into a 20×20 box and "
        "centred by its centre of mass in 28×28 pixels, like every MNIST digit.",
        "신경망이 받는 입력: 잉크 부분만 잘라 20×20 상자에 맞추고, 무게 중심이 28×28의 가운데에 "
        "오도록 옮긴 그림입니다. 모든 MNIST 숫자가 이렇게 만들어졌습니다.",
    ),
    "draw.test_image_input": ("The 28×28 test image, as the network receives it.",
                              "신경망이 받는 그대로의 28×28 테스트 이미지입니다."),
    "draw.only_wrong": ("Only the {n} test images the model gets wrong",
                        "모델이 틀린 테스트 이미지 {n}개만 보기"),
    "draw.none_wrong": ("The model gets every test image right.", "모델이 모든 테스트 이미지를 맞혔습니다."),
    "draw.example": ("Image (1 to {n})", "이미지 (1 ~ {n})"),
    "draw.test_index": ("MNIST test image #{index}", "MNIST 테스트 이미지 #{index}"),
}
