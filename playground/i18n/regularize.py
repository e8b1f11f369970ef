"""Messages of regularization (Dropout, L1/L2 and the penalty's share of the loss) and of
Pause, Step and Resume on the Train page."""

MESSAGES = {
    # ----------------------------------------------------------- Model page
    "model.regularization": {
        "en": "Regularization: Dropout and L1/L2 weight penalties",
        "ko": "규제: Dropout과 L1/L2 가중치 페널티",
    },
    "model.regularization_help": {
        "en": "Fight overfitting. Dropout(rate) after a layer switches off that share of its "
        "units at random in each training step (never when predicting). L1 and L2 add "
        "`kernel_regularizer=keras.regularizers.L1L2(l1, l2)`: a penalty on large weights "
        "that Keras adds to the loss. 0 turns each one off (Keras's default).",
        "ko": "과대적합을 줄입니다. 층 뒤의 Dropout(rate)은 학습 단계마다 그 비율만큼의 유닛을 무작위로 "
        "끕니다(예측할 때는 끄지 않습니다). L1과 L2는 "
        "`kernel_regularizer=keras.regularizers.L1L2(l1, l2)`를 더합니다. 큰 가중치에 주는 벌점으로, "
        "Keras가 손실에 더합니다. 0이면 꺼집니다(Keras 기본값).",
    },
    "model.dropout": {"en": "Layer {n}: Dropout rate", "ko": "{n}층: Dropout 비율"},
    "model.dropout_help": {
        "en": "keras.layers.Dropout(rate) after this layer; 0.2 to 0.5 is typical, 0 adds none. "
        "A rate of 1 would drop every unit.",
        "ko": "이 층 뒤에 keras.layers.Dropout(rate)를 둡니다. 보통 0.2~0.5, 0이면 넣지 않습니다. "
        "1이면 모든 유닛을 끕니다.",
    },
    "model.penalty": {"en": "Layer {n}: {name} penalty", "ko": "{n}층: {name} 페널티"},
    "model.penalty_help": {
        "en": "The {name} factor of this layer's kernel_regularizer; 0.0001 to 0.01 is typical, "
        "0 adds none.",
        "ko": "이 층 kernel_regularizer의 {name} 계수입니다. 보통 0.0001~0.01, 0이면 넣지 않습니다.",
    },
    "model.regularization_no_params": {
        "en": "Dropout layers have no parameters, and a weight penalty adds none: it only "
        "changes the loss.",
        "ko": "Dropout 층에는 파라미터가 없고, 가중치 페널티도 파라미터를 늘리지 않습니다. 손실만 바꿉니다.",
    },
    # ----------------------------------------------------------- Train page
    "train.penalty_share": {
        "en": "Epoch {epoch}: the loss {loss} includes a weight penalty of {penalty} "
        "({share} % of the loss); the rest, {data_loss}, comes from the data.",
        "ko": "에포크 {epoch}: 손실 {loss}에는 가중치 페널티 {penalty}(손실의 {share}%)가 들어 있습니다. "
        "나머지 {data_loss}는 데이터에서 나온 손실입니다.",
    },
    "train.pause": {"en": "Pause", "ko": "일시정지"},
    "train.resume": {"en": "Resume", "ko": "계속하기"},
    "train.step": {"en": "Step: one epoch", "ko": "한 에포크만"},
    "train.pause_help": {
        "en": "Pause at the end of the current epoch (at the end of epoch 1 when none has ended yet).",
        "ko": "지금 에포크가 끝나면 멈춥니다(아직 끝난 에포크가 없으면 에포크 1이 끝날 때).",
    },
    "train.step_help": {
        "en": "Train exactly one more epoch, then pause again: watch the boundary form epoch "
        "by epoch.",
        "ko": "딱 한 에포크만 더 학습하고 다시 멈춥니다. 경계가 에포크마다 만들어지는 모습을 볼 수 있습니다.",
    },
    "train.pausing": {
        "en": "Pausing at the end of this epoch…",
        "ko": "이번 에포크가 끝나면 멈춥니다…",
    },
    "train.paused": {
        "en": "Paused after epoch {epoch}. Your paused run keeps a trainer busy that your class "
        "shares: it is released in {left} (after {timeout} paused), and the run then ends "
        "as stopped with its model saved.",
        "ko": "에포크 {epoch} 후 일시정지했습니다. 일시정지한 실행도 반 전체가 함께 쓰는 학습기를 계속 "
        "차지합니다. {left} 뒤(일시정지 {timeout} 후)에는 학습기를 돌려주고, 실행은 모델을 저장한 채 "
        "멈춤으로 끝납니다.",
    },
    "train.pause_released": {
        "en": "Stopped after epoch {epochs}: it stayed paused longer than {timeout}, so its "
        "trainer was given back to the class. The model of epoch {epochs} is saved; press "
        "Train to start again.",
        "ko": "에포크 {epochs} 후 멈췄습니다. {timeout}보다 오래 일시정지해 있어서 학습기를 반에 돌려주었습니다. "
        "에포크 {epochs}의 모델은 저장되었습니다. 다시 하려면 학습 시작을 누르세요.",
    },
}
