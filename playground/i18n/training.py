"""Messages of the background trainer: key -> {"en": English, "ko": Korean}.

"train.*" keys explain how a run ended badly (the worker's failure codes);
"chance.*" keys say why a finished run does no better than guessing.
"""

MESSAGES: dict[str, dict] = {
    # ------------------------------------------------------------ divergence
    "train.diverged": {
        "en": "Training stopped at epoch {epoch}: the loss became {loss}, so the weights blew up. "
        "The learning rate ({learning_rate:g}) is too high: each step jumps past the minimum and "
        "lands further away. Try a 10× smaller learning rate, {suggestion:g}.",
        "ko": "{epoch}번째 에포크에서 학습을 멈췄습니다. 손실이 {loss}이(가) 되어 가중치가 폭발했습니다. "
        "학습률({learning_rate:g})이 너무 커서 한 걸음마다 최솟값을 지나쳐 점점 더 멀어집니다. "
        "10배 작은 학습률 {suggestion:g}을(를) 써 보세요.",
    },
    "train.exploded": {
        "en": "Training stopped at epoch {epoch}: the loss reached {loss:.3g}, more than 100 times "
        "{reference:.3g}, the loss of a network that has learned nothing yet. The weights blew up. "
        "The learning rate ({learning_rate:g}) is too high: each step jumps past the minimum and "
        "lands further away. Try a 10× smaller learning rate, {suggestion:g}.",
        "ko": "{epoch}번째 에포크에서 학습을 멈췄습니다. 손실이 {loss:.3g}까지 올라, 아직 아무것도 배우지 않은 "
        "신경망의 손실 {reference:.3g}의 100배를 넘었습니다. 가중치가 폭발한 것입니다. "
        "학습률({learning_rate:g})이 너무 커서 한 걸음마다 최솟값을 지나쳐 점점 더 멀어집니다. "
        "10배 작은 학습률 {suggestion:g}을(를) 써 보세요.",
    },
    # ------------------------------------------------------------ failures
    "train.worker_died": {
        "en": "The training process stopped unexpectedly (exit code {exitcode}), possibly because it ran "
        "out of memory. A fresh worker has taken its place: try again, perhaps with a smaller "
        "model, fewer samples or a smaller batch size.",
        "ko": "학습 프로세스가 예기치 않게 종료되었습니다(종료 코드 {exitcode}). 메모리가 부족했을 수 있습니다. "
        "새 작업자가 준비되었으니 다시 시도해 보세요. 모델이나 샘플 수, 배치 크기를 줄이면 도움이 됩니다.",
    },
    "train.trainer_lost": {
        "en": "The trainer running this job went away (its process stopped or its machine left "
        "the cluster). A fresh trainer has taken its place: press Train to try again.",
        "ko": "이 작업을 학습하던 트레이너가 사라졌습니다(프로세스가 멈췄거나 그 컴퓨터가 클러스터에서 "
        "빠졌습니다). 새 트레이너가 준비되었으니 학습 시작을 눌러 다시 시도해 보세요.",
    },
    "train.failed": {
        "en": "Training failed because of an unexpected problem on the server. Press Train to try again; "
        "if it happens again, tell your teacher (the server's log has the details).",
        "ko": "서버에서 예상하지 못한 문제가 생겨 학습에 실패했습니다. 학습 시작을 눌러 다시 시도해 보세요. "
        "다시 실패하면 선생님께 알려 주세요(자세한 내용은 서버 로그에 있습니다).",
    },
    "train.disk_full": {
        "en": "The server's disk is full, so this run cannot be saved. Tell your teacher: nothing you "
        "change here can fix it.",
        "ko": "서버의 디스크가 가득 차서 이 실행을 저장할 수 없습니다. 선생님께 알려 주세요. "
        "여기서 설정을 바꿔서는 해결되지 않습니다.",
    },
    "train.disk_not_writable": {
        "en": "The server cannot save runs: its runs folder is missing or not writable. Tell your "
        "teacher (the server's log names the folder).",
        "ko": "서버가 실행 결과를 저장할 수 없습니다. 실행 폴더가 없거나 쓸 수 없습니다. "
        "선생님께 알려 주세요(서버 로그에 폴더 이름이 있습니다).",
    },
    # ------------------------------------------------------------ chance level
    "chance.title": {
        "en": "🎲 This model does no better than always guessing “{guess}”.",
        "ko": "🎲 이 모델은 항상 “{guess}”(이)라고 찍는 것보다 나을 게 없습니다.",
    },
    "chance.numbers": {
        "en": {
            "count": "n",
            "one": "Its test accuracy is {accuracy:.1%}; always answering “{guess}” scores "
            "{guess_accuracy:.1%} on the same {n} test example, and with {n} example a "
            "difference of up to {points:.1f} percentage points is what luck alone "
            "gives.",
            "other": "Its test accuracy is {accuracy:.1%}; always answering “{guess}” scores "
            "{guess_accuracy:.1%} on the same {n} test examples, and with {n} examples "
            "a difference of up to {points:.1f} percentage points is what luck alone "
            "gives.",
        },
        "ko": "테스트 정확도는 {accuracy:.1%}입니다. 같은 테스트 샘플 {n}개에서 항상 “{guess}”(이)라고 답하면 "
        "{guess_accuracy:.1%}를 맞힙니다. 샘플이 {n}개일 때 {points:.1f}%p까지의 차이는 운으로도 생깁니다.",
    },
    "chance.title_regression": {
        "en": "🎲 This model does no better than always guessing {guess:.4g}, the average training target.",
        "ko": "🎲 이 모델은 항상 훈련 타깃의 평균 {guess:.4g}(이)라고 찍는 것보다 나을 게 없습니다.",
    },
    "chance.numbers_regression": {
        "en": {
            "count": "n",
            "one": "Its test MSE is {mse:.4g}; always guessing {guess:.4g} gives an MSE of "
            "{guess_mse:.4g} on the same {n} test example (R² = {r2}).",
            "other": "Its test MSE is {mse:.4g}; always guessing {guess:.4g} gives an MSE of "
            "{guess_mse:.4g} on the same {n} test examples (R² = {r2}).",
        },
        "ko": "테스트 MSE는 {mse:.4g}입니다. 같은 테스트 샘플 {n}개에서 항상 {guess:.4g}(이)라고 찍으면 MSE가 "
        "{guess_mse:.4g}입니다(R² = {r2}).",
    },
    "chance.reasons": {"en": "Likely reasons:", "ko": "가능한 원인:"},
    "chance.reason.lr_high": {
        "en": "The learning rate {lr:g} is far above Keras's default for {optimizer} ({default:g}): "
        "steps that big jump over the good weights.",
        "ko": "학습률 {lr:g}은(는) Keras의 {optimizer} 기본값({default:g})보다 훨씬 큽니다. "
        "걸음이 너무 커서 좋은 가중치를 뛰어넘어 버립니다.",
    },
    "chance.reason.lr_low": {
        "en": "The learning rate {lr:g} is far below Keras's default for {optimizer} ({default:g}): "
        "the weights hardly moved.",
        "ko": "학습률 {lr:g}은(는) Keras의 {optimizer} 기본값({default:g})보다 훨씬 작습니다. "
        "가중치가 거의 움직이지 않았습니다.",
    },
    "chance.reason.no_hidden": {
        "en": "There is no hidden layer: without one the network can only draw a straight line between "
        "the classes, and this data needs a curve. Add a hidden layer on the Model page.",
        "ko": "은닉층이 없습니다. 은닉층이 없으면 신경망은 클래스 사이에 직선 하나만 그을 수 있는데, "
        "이 데이터는 곡선이 필요합니다. 모델 페이지에서 은닉층을 추가하세요.",
    },
    "chance.reason.unscaled": {
        "en": "The inputs are not scaled (values up to {max:g}): the first layer's sums are huge and "
        "the training steps badly balanced. Choose standardize or 0–1 scaling on the Data page.",
        "ko": "입력이 스케일링되지 않았습니다(값이 최대 {max:g}). 첫 층의 합이 너무 커서 학습이 "
        "균형을 잃습니다. 데이터 페이지에서 표준화나 0–1 스케일링을 고르세요.",
    },
    "chance.reason.stuck": {
        "en": "The training loss ended at {loss:.3f}, about what a constant guess scores "
        "({guess_loss:.3f}): even on its training data the network found nothing in the inputs "
        "that beats guessing.",
        "ko": "훈련 손실이 {loss:.3f}로 끝나, 늘 같은 값을 찍을 때의 손실({guess_loss:.3f})과 거의 같습니다. "
        "훈련 데이터에서조차 신경망이 입력에서 찍기보다 나은 단서를 찾지 못했습니다.",
    },
    "chance.reason.still_falling": {
        "en": "The training loss was still falling at the end ({first:.3f} at epoch 1, {last:.3f} at "
        "epoch {epochs}): more epochs may help.",
        "ko": "학습이 끝날 때도 훈련 손실이 계속 줄고 있었습니다(에포크 1에서 {first:.3f}, 에포크 "
        "{epochs}에서 {last:.3f}). 에포크를 늘리면 나아질 수 있습니다.",
    },
    "chance.reason.memorized": {
        "en": "It scores {train_accuracy:.1%} on its own training rows: it memorized them instead of "
        "learning a rule that carries over to new data. More data, a smaller model or "
        "EarlyStopping help.",
        "ko": "자기 훈련 데이터에서는 {train_accuracy:.1%}를 맞힙니다. 새 데이터에도 통하는 규칙을 배우지 "
        "않고 훈련 데이터를 외운 것입니다. 데이터를 늘리거나, 모델을 줄이거나, EarlyStopping을 쓰면 "
        "도움이 됩니다.",
    },
    "chance.reason.unclear": {
        "en": "None of the usual causes stands out: try more epochs, more units, or a learning rate "
        "closer to Keras's default.",
        "ko": "흔한 원인이 뚜렷하게 보이지 않습니다. 에포크나 유닛을 늘리거나, 학습률을 Keras 기본값에 "
        "가깝게 바꿔 보세요.",
    },
}
