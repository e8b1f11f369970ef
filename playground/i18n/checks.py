"""checks messages: key -> {"en": English, "ko": Korean}.

Every problem code "check.<code>" has a message (what is wrong, quoting
the value) and "check.<code>.fix" (what to change).
"""

MESSAGES: dict[str, dict] = {
    # -------------------------------------------------------------- names
    "check.unknown_activation": {
        "en": "Hidden layer {layer} has an unknown activation. Received: activation={name!r}.",
        "ko": "은닉층 {layer}의 활성화 함수를 알 수 없습니다. 받은 값: activation={name!r}.",
    },
    "check.unknown_activation.fix": {
        "en": "Pick one of: {choices}.",
        "ko": "다음 중 하나를 고르세요: {choices}.",
    },
    "check.unknown_output_activation": {
        "en": "The output activation is unknown. Received: output_activation={name!r}.",
        "ko": "출력층 활성화 함수를 알 수 없습니다. 받은 값: output_activation={name!r}.",
    },
    "check.unknown_output_activation.fix": {
        "en": "Pick Auto or one of: {choices}.",
        "ko": "자동(Auto) 또는 다음 중 하나를 고르세요: {choices}.",
    },
    "check.unknown_loss": {
        "en": "The loss function is unknown. Received: loss={name!r}.",
        "ko": "손실 함수를 알 수 없습니다. 받은 값: loss={name!r}.",
    },
    "check.unknown_loss.fix": {
        "en": "Pick Auto or one of: {choices}.",
        "ko": "자동(Auto) 또는 다음 중 하나를 고르세요: {choices}.",
    },
    "check.unknown_optimizer": {
        "en": "The optimizer is unknown. Received: optimizer={name!r}.",
        "ko": "옵티마이저를 알 수 없습니다. 받은 값: optimizer={name!r}.",
    },
    "check.unknown_optimizer.fix": {
        "en": "Pick one of: {choices}.",
        "ko": "다음 중 하나를 고르세요: {choices}.",
    },
    "check.unknown_label_encoding": {
        "en": "The label encoding is unknown. Received: label_encoding={name!r}.",
        "ko": "레이블 인코딩 방식을 알 수 없습니다. 받은 값: label_encoding={name!r}.",
    },
    "check.unknown_label_encoding.fix": {
        "en": "Pick one of: {choices}.",
        "ko": "다음 중 하나를 고르세요: {choices}.",
    },
    # -------------------------------------------------------------- sizes
    "check.dropout_drops_everything": {
        "en": "The Dropout rate of hidden layer {layer} is {value}: a rate of 1 or more drops "
        "every unit, so nothing reaches the next layer and Keras refuses it. Received: "
        "dropout={value}.",
        "ko": "은닉층 {layer}의 Dropout 비율이 {value}입니다. 1 이상이면 모든 유닛을 끄므로 다음 층에 "
        "아무것도 전달되지 않고, Keras도 이 값을 받지 않습니다. 받은 값: dropout={value}.",
    },
    "check.dropout_drops_everything.fix": {
        "en": "Set the Dropout of layer {layer} below 1: 0.2 to 0.5 is typical, 0 turns it off.",
        "ko": "은닉층 {layer}의 Dropout을 1보다 작게 정하세요. 보통 0.2~0.5를 쓰고, 0이면 꺼집니다.",
    },
    "check.dropout_out_of_range": {
        "en": "The Dropout rate of hidden layer {layer} must be from 0 up to (not including) 1. "
        "Received: dropout={value}.",
        "ko": "은닉층 {layer}의 Dropout 비율은 0 이상 1 미만이어야 합니다. 받은 값: dropout={value}.",
    },
    "check.dropout_out_of_range.fix": {
        "en": "Set the Dropout of layer {layer} to 0 (off) or a rate such as 0.2.",
        "ko": "은닉층 {layer}의 Dropout을 0(끔)이나 0.2 같은 비율로 정하세요.",
    },
    "check.penalty_out_of_range": {
        "en": "The {name} penalty of hidden layer {layer} must be from 0 to {maximum}. "
        "Received: {name}={value}.",
        "ko": "은닉층 {layer}의 {name} 페널티는 0에서 {maximum} 사이여야 합니다. 받은 값: {name}={value}.",
    },
    "check.penalty_out_of_range.fix": {
        "en": "Set {name} of layer {layer} to 0 (off) or a small factor: 0.0001 to 0.01 is typical.",
        "ko": "은닉층 {layer}의 {name}을(를) 0(끔)이나 작은 값으로 정하세요. 보통 0.0001~0.01을 씁니다.",
    },
    "check.too_many_layers": {
        "en": "The model has {layers} hidden layers; this server allows at most {max_layers}.",
        "ko": "은닉층이 {layers}개입니다. 이 서버에서는 최대 {max_layers}개까지 쓸 수 있습니다.",
    },
    "check.too_many_layers.fix": {
        "en": "Remove hidden layers until at most {max_layers} are left.",
        "ko": "은닉층을 {max_layers}개 이하가 될 때까지 지우세요.",
    },
    "check.units_out_of_range": {
        "en": "The units of hidden layer {layer} must be from 1 to {max_units}. Received: "
        "units={units}.",
        "ko": "은닉층 {layer}의 유닛 수는 1에서 {max_units} 사이여야 합니다. 받은 값: units={units}.",
    },
    "check.units_out_of_range.fix": {
        "en": "Set the units of layer {layer} to a number from 1 to {max_units}; 16 to 128 is typical.",
        "ko": "은닉층 {layer}의 유닛 수를 1~{max_units} 사이로 정하세요. 보통 16~128 정도를 씁니다.",
    },
    "check.output_units_out_of_range": {
        "en": "The output units must be from 1 to {max_units} (0 means Auto). Received: "
        "output_units={units}.",
        "ko": "출력층 유닛 수는 1에서 {max_units} 사이여야 합니다(0은 자동). 받은 값: output_units={units}.",
    },
    "check.output_units_out_of_range.fix": {
        "en": "Set the output units to Auto, so they follow the task.",
        "ko": "출력층 유닛 수를 자동(Auto)으로 두면 문제 유형에 맞게 정해집니다.",
    },
    "check.too_many_params": {
        "en": "This model has {params:,} parameters, more than this shared server allows "
        "({max_params:,}). The limit is set by the PLAYGROUND_MAX_PARAMS environment variable.",
        "ko": "이 모델의 파라미터는 {params:,}개로, 공용 서버의 한도({max_params:,}개)를 넘습니다. "
        "한도는 PLAYGROUND_MAX_PARAMS 환경 변수로 정합니다.",
    },
    "check.too_many_params.fix": {
        "en": "Use fewer units or fewer layers; the first Dense layer after the inputs usually holds "
        "most parameters (inputs × units + units). A teacher can raise PLAYGROUND_MAX_PARAMS.",
        "ko": "유닛 수나 층 수를 줄이세요. 보통 입력 바로 다음 Dense 층(입력 수 × 유닛 수 + 유닛 수)에 "
        "파라미터가 가장 많습니다. 강사는 PLAYGROUND_MAX_PARAMS 값을 올릴 수 있습니다.",
    },
    # ------------------------------------------------- classification head
    "check.softmax_one_unit": {
        "en": "A softmax over a single output unit always outputs 1.0, whatever the input: "
        "the model cannot learn anything.",
        "ko": "출력 유닛이 1개인 softmax는 입력과 상관없이 항상 1.0을 출력합니다. "
        "모델이 아무것도 배울 수 없습니다.",
    },
    "check.softmax_one_unit.fix": {
        "en": "Use 1 sigmoid unit for two classes, or {classes} softmax units (one per class). "
        "Auto picks the right one.",
        "ko": "클래스가 둘이면 sigmoid 유닛 1개를, 아니면 softmax 유닛 {classes}개(클래스마다 1개)를 쓰세요. "
        "자동(Auto)으로 두면 알맞게 고릅니다.",
    },
    "check.sigmoid_one_unit_multiclass": {
        "en": "One sigmoid unit outputs a single probability (yes/no), but this data has "
        "{classes} classes.",
        "ko": "sigmoid 유닛 1개는 확률 하나(예/아니오)만 출력하는데, 이 데이터에는 클래스가 {classes}개 있습니다.",
    },
    "check.sigmoid_one_unit_multiclass.fix": {
        "en": "Use {classes} softmax units (one per class) with sparse_categorical_crossentropy, "
        "or set the output to Auto.",
        "ko": "softmax 유닛 {classes}개(클래스마다 1개)와 sparse_categorical_crossentropy를 쓰거나, "
        "출력층을 자동(Auto)으로 두세요.",
    },
    "check.binary_loss_multiclass": {
        "en": "binary_crossentropy is for two classes (labels 0 and 1), but this data has "
        "{classes} classes.",
        "ko": "binary_crossentropy는 클래스가 둘(레이블 0과 1)일 때 쓰는 손실인데, 이 데이터에는 "
        "클래스가 {classes}개 있습니다.",
    },
    "check.binary_loss_multiclass.fix": {
        "en": "Use sparse_categorical_crossentropy (integer labels) or categorical_crossentropy "
        "(one-hot labels) with {classes} softmax units, or set the loss to Auto.",
        "ko": "softmax 유닛 {classes}개와 함께 sparse_categorical_crossentropy(정수 레이블) 또는 "
        "categorical_crossentropy(원-핫 레이블)를 쓰거나, 손실을 자동(Auto)으로 두세요.",
    },
    "check.crossentropy_one_unit": {
        "en": "{loss} compares a probability for each class, but the output layer has only 1 unit: "
        "the loss stays the same whatever the model does, so nothing can be learned.",
        "ko": "{loss}는 클래스마다 확률을 비교하는데 출력 유닛이 1개뿐입니다. 모델이 무엇을 하든 "
        "손실이 변하지 않아 아무것도 배울 수 없습니다.",
    },
    "check.crossentropy_one_unit.fix": {
        "en": "Use {classes} softmax units (one per class), or for two classes 1 sigmoid unit "
        "with binary_crossentropy. Auto picks the right one.",
        "ko": "softmax 유닛 {classes}개(클래스마다 1개)를 쓰거나, 클래스가 둘이면 sigmoid 유닛 1개와 "
        "binary_crossentropy를 쓰세요. 자동(Auto)으로 두면 알맞게 고릅니다.",
    },
    "check.categorical_on_integer_labels": {
        "en": "categorical_crossentropy expects one-hot labels (one column per class), but the labels "
        "are integers (one column holding the class number). Keras stops at the first batch "
        'with the classic error "Shapes ({batch}, 1) and ({batch}, {units}) are incompatible" '
        '(this Keras version says "Received: target.shape=({keras_batch},), '
        'output.shape=({keras_batch}, {units})").',
        "ko": "categorical_crossentropy는 원-핫 레이블(클래스마다 한 열)을 기대하는데, 지금 레이블은 "
        "정수(클래스 번호가 든 한 열)입니다. Keras는 첫 배치에서 유명한 오류 "
        '"Shapes ({batch}, 1) and ({batch}, {units}) are incompatible"를 내며 멈춥니다'
        '(이 Keras 버전에서는 "Received: target.shape=({keras_batch},), output.shape=({keras_batch}, {units})"로 '
        "표시됩니다).",
    },
    "check.categorical_on_integer_labels.fix": {
        "en": "Either one-hot the labels: choose the one-hot label encoding here "
        "(in code: y = keras.utils.to_categorical(y, {classes})); or keep integer labels and "
        "use sparse_categorical_crossentropy.",
        "ko": "레이블을 원-핫으로 바꾸거나(여기서 레이블 인코딩을 원-핫으로 선택, 코드로는 "
        "y = keras.utils.to_categorical(y, {classes})), 정수 레이블을 그대로 두고 "
        "sparse_categorical_crossentropy를 쓰세요.",
    },
    "check.sparse_on_onehot_labels": {
        "en": "sparse_categorical_crossentropy expects integer labels (one column holding the class "
        "number), but the labels are one-hot ({classes} columns). Keras stops at the first "
        'batch: "Argument `output` must have rank (ndim) `target.ndim - 1`. Received: '
        'target.shape=({keras_batch}, {classes}), output.shape=({keras_batch}, {units})".',
        "ko": "sparse_categorical_crossentropy는 정수 레이블(클래스 번호가 든 한 열)을 기대하는데, "
        '지금 레이블은 원-핫({classes}열)입니다. Keras는 첫 배치에서 "Argument `output` must have '
        "rank (ndim) `target.ndim - 1`. Received: target.shape=({keras_batch}, {classes}), "
        'output.shape=({keras_batch}, {units})" 오류를 내며 멈춥니다.',
    },
    "check.sparse_on_onehot_labels.fix": {
        "en": "Either use categorical_crossentropy with the one-hot labels, or choose the integer "
        "label encoding and keep sparse_categorical_crossentropy.",
        "ko": "원-핫 레이블에는 categorical_crossentropy를 쓰거나, 레이블 인코딩을 정수로 바꾸고 "
        "sparse_categorical_crossentropy를 그대로 쓰세요.",
    },
    "check.units_mismatch": {
        "en": {
            "count": "units",
            "one": "The output layer has {units} unit, but the data has {classes} classes. A "
            "classifier needs exactly one output unit per class.",
            "other": "The output layer has {units} units, but the data has {classes} classes. A "
            "classifier needs exactly one output unit per class.",
        },
        "ko": "출력층 유닛은 {units}개인데 데이터의 클래스는 {classes}개입니다. 분류 모델은 클래스마다 출력 유닛이 정확히 하나씩 있어야 합니다.",
    },
    "check.units_mismatch.fix": {
        "en": "Set the output units to {classes}, or to Auto.",
        "ko": "출력층 유닛 수를 {classes}로 바꾸거나 자동(Auto)으로 두세요.",
    },
    "check.units_mismatch_binary": {
        "en": "The output layer has {units} units, but this is a two-class problem: it needs "
        "1 sigmoid unit (the probability of class 1) or 2 softmax units (one per class).",
        "ko": "출력층 유닛이 {units}개인데, 이 문제는 클래스가 둘입니다. sigmoid 유닛 1개(클래스 1일 확률) "
        "또는 softmax 유닛 2개(클래스마다 1개)가 필요합니다.",
    },
    "check.units_mismatch_binary.fix": {
        "en": "Set the output units to 1 with sigmoid and binary_crossentropy, or simply to Auto.",
        "ko": "출력층을 sigmoid 유닛 1개와 binary_crossentropy로 바꾸거나, 간단히 자동(Auto)으로 두세요.",
    },
    "check.labels_outputs_mismatch": {
        "en": {
            "count": "width",
            "one": "{loss} compares each output unit with one label column, but the model has "
            "{units} output units and the labels have {width} column. Keras stops with a "
            "shape error.",
            "other": {
                "count": "units",
                "one": "{loss} compares each output unit with one label column, but the "
                "model has {units} output unit and the labels have {width} "
                "columns. Keras stops with a shape error.",
                "other": "{loss} compares each output unit with one label column, but the "
                "model has {units} output units and the labels have {width} "
                "columns. Keras stops with a shape error.",
            },
        },
        "ko": "{loss}는 출력 유닛 하나를 레이블 열 하나와 비교하는데, 출력 유닛은 {units}개이고 레이블은 {width}열입니다. Keras가 shape "
        "오류를 내며 멈춥니다.",
    },
    "check.labels_outputs_mismatch.fix": {
        "en": "Make them match: with {units} outputs use one-hot labels (one column per class); "
        "with integer labels use 1 output unit. Auto picks a matching pair.",
        "ko": "둘을 맞추세요. 출력이 {units}개라면 원-핫 레이블(클래스마다 한 열)을, 정수 레이블이라면 "
        "출력 유닛 1개를 쓰세요. 자동(Auto)으로 두면 맞는 조합을 고릅니다.",
    },
    "check.sigmoid_not_summing": {
        "en": "{units} sigmoid units each output their own probability, so the outputs do not sum "
        "to 1 as {loss} expects: they are not a probability distribution over the classes.",
        "ko": "sigmoid 유닛 {units}개는 각자 따로 확률을 내므로, {loss}가 기대하는 것처럼 합이 1이 되지 "
        "않습니다. 클래스에 대한 확률 분포가 아닙니다.",
    },
    "check.sigmoid_not_summing.fix": {
        "en": "Use softmax for the output layer: its outputs are positive and sum to 1.",
        "ko": "출력층에 softmax를 쓰세요. softmax 출력은 모두 양수이고 합이 1입니다.",
    },
    "check.classification_regression_loss": {
        "en": "{loss} is a regression loss: it measures distances between numbers, not how likely "
        "the right class is. On a classification task it learns slowly and poorly.",
        "ko": "{loss}는 회귀용 손실입니다. 정답 클래스의 확률이 아니라 숫자 사이의 거리를 잽니다. "
        "분류 문제에서는 느리고 나쁘게 학습됩니다.",
    },
    "check.classification_regression_loss.fix": {
        "en": "Use a cross-entropy loss (binary_crossentropy for two classes, "
        "sparse_categorical_crossentropy for more), or set the loss to Auto.",
        "ko": "교차 엔트로피 손실을 쓰세요(클래스가 둘이면 binary_crossentropy, 더 많으면 "
        "sparse_categorical_crossentropy). 또는 손실을 자동(Auto)으로 두세요.",
    },
    "check.classification_output_not_probability": {
        "en": "A {activation} output is not a probability: it can be below 0 or above 1, so "
        "cross-entropy and the threshold on the Evaluate page make little sense.",
        "ko": "{activation} 출력은 확률이 아닙니다. 0보다 작거나 1보다 클 수 있어서 교차 엔트로피나 "
        "평가 페이지의 임계값이 의미가 없어집니다.",
    },
    "check.classification_output_not_probability.fix": {
        "en": "Use sigmoid (1 unit, two classes) or softmax (one unit per class), or set the output "
        "activation to Auto.",
        "ko": "sigmoid(유닛 1개, 클래스 둘) 또는 softmax(클래스마다 유닛 1개)를 쓰거나, 출력층 활성화 "
        "함수를 자동(Auto)으로 두세요.",
    },
    # ------------------------------------------------------ regression head
    "check.onehot_regression_ignored": {
        "en": "One-hot labels only apply to classification; this is a regression task, so the "
        "targets stay numbers and the choice is ignored.",
        "ko": "원-핫 레이블은 분류에만 쓰입니다. 이 문제는 회귀라서 타깃은 숫자 그대로이고 이 선택은 "
        "무시됩니다.",
    },
    "check.onehot_regression_ignored.fix": {
        "en": "Choose the integer label encoding to make the setting match.",
        "ko": "설정을 맞추려면 레이블 인코딩을 정수로 선택하세요.",
    },
    "check.regression_classification_loss": {
        "en": "{loss} is a classification loss, but this task predicts a number (regression).",
        "ko": "{loss}는 분류용 손실인데, 이 문제는 숫자를 예측하는 회귀입니다.",
    },
    "check.regression_classification_loss.fix": {
        "en": "Use mse (mean squared error) or mae (mean absolute error), or set the loss to Auto.",
        "ko": "mse(평균 제곱 오차)나 mae(평균 절대 오차)를 쓰거나, 손실을 자동(Auto)으로 두세요.",
    },
    "check.regression_units": {
        "en": "A regression predicts one number, but the output layer has {units} units.",
        "ko": "회귀는 숫자 하나를 예측하는데, 출력층 유닛이 {units}개입니다.",
    },
    "check.regression_units.fix": {
        "en": "Set the output units to 1, or to Auto.",
        "ko": "출력층 유닛 수를 1 또는 자동(Auto)으로 두세요.",
    },
    "check.regression_softmax": {
        "en": "softmax turns outputs into class probabilities that sum to 1; on a single unit it "
        "always outputs 1.0, so it cannot predict a number.",
        "ko": "softmax는 출력을 합이 1인 클래스 확률로 바꿉니다. 유닛이 1개면 항상 1.0을 출력하므로 "
        "숫자를 예측할 수 없습니다.",
    },
    "check.regression_softmax.fix": {
        "en": "Use a linear output (or relu when only positive values make sense), or set the "
        "output activation to Auto.",
        "ko": "linear 출력(양수만 의미가 있으면 relu)을 쓰거나, 출력층 활성화 함수를 자동(Auto)으로 두세요.",
    },
    "check.regression_sigmoid_range": {
        "en": "A sigmoid output stays between 0 and 1, but the targets range from {low:g} to "
        "{high:g}: the model can never reach them.",
        "ko": "sigmoid 출력은 0과 1 사이에만 있는데, 타깃은 {low:g}부터 {high:g}까지입니다. "
        "모델이 절대 그 값에 닿을 수 없습니다.",
    },
    "check.regression_sigmoid_range.fix": {
        "en": "Use a linear output (or relu for positive targets), or set the output activation to Auto.",
        "ko": "linear 출력(타깃이 양수면 relu)을 쓰거나, 출력층 활성화 함수를 자동(Auto)으로 두세요.",
    },
    "check.regression_sigmoid": {
        "en": "A sigmoid output squeezes predictions into 0..1. The targets fit in that range, but "
        "predictions near the ends learn slowly.",
        "ko": "sigmoid 출력은 예측값을 0~1 사이로 눌러 넣습니다. 타깃은 그 범위 안에 있지만, 양 끝에 "
        "가까운 값은 느리게 학습됩니다.",
    },
    "check.regression_sigmoid.fix": {
        "en": "A linear output is the usual choice for regression (Auto picks it).",
        "ko": "회귀에는 보통 linear 출력을 씁니다(자동(Auto)이 이것을 고릅니다).",
    },
    "check.regression_relu_negative": {
        "en": "A relu output is never negative, but some targets are (the lowest is {low:g}).",
        "ko": "relu 출력은 음수가 될 수 없는데, 일부 타깃은 음수입니다(가장 작은 값 {low:g}).",
    },
    "check.regression_relu_negative.fix": {
        "en": "Use a linear output, or set the output activation to Auto.",
        "ko": "linear 출력을 쓰거나, 출력층 활성화 함수를 자동(Auto)으로 두세요.",
    },
    # ------------------------------------------------------ compile and fit
    "check.learning_rate_not_positive": {
        "en": "The learning rate must be a positive number. Received: learning_rate={value:g}.",
        "ko": "학습률은 양수여야 합니다. 받은 값: learning_rate={value:g}.",
    },
    "check.learning_rate_not_positive.fix": {
        "en": "Try 0.001 to 0.01.",
        "ko": "0.001~0.01 사이 값을 써 보세요.",
    },
    "check.learning_rate_too_high": {
        "en": "A learning rate of {value:g} is very high: each update overshoots, and the loss will "
        "likely explode to NaN within a few steps.",
        "ko": "학습률 값({value:g})이 매우 큽니다. 업데이트마다 너무 멀리 건너뛰어서 손실이 몇 걸음 만에 "
        "NaN으로 폭발할 가능성이 큽니다.",
    },
    "check.learning_rate_too_high.fix": {
        "en": "Try 0.001 to 0.01. You may also train as is and watch the loss blow up.",
        "ko": "0.001~0.01을 써 보세요. 이대로 학습시켜 손실이 폭발하는 모습을 직접 봐도 됩니다.",
    },
    "check.momentum_out_of_range": {
        "en": "SGD momentum must be between 0 and 1. Received: momentum={value:g}.",
        "ko": "SGD 모멘텀은 0과 1 사이여야 합니다. 받은 값: momentum={value:g}.",
    },
    "check.momentum_out_of_range.fix": {
        "en": "Use 0.9, the usual value (0 means plain SGD).",
        "ko": "보통 쓰는 값인 0.9를 쓰세요(0이면 모멘텀 없는 SGD입니다).",
    },
    "check.epochs_out_of_range": {
        "en": "Epochs must be between 1 and {max_epochs} on this server. Received: epochs={value}.",
        "ko": "에포크 수는 이 서버에서 1부터 {max_epochs} 사이여야 합니다. 받은 값: epochs={value}.",
    },
    "check.epochs_out_of_range.fix": {
        "en": "Pick 10 to 50 epochs to start; EarlyStopping can stop earlier when validation loss "
        "stops improving.",
        "ko": "처음에는 10~50 에포크를 써 보세요. EarlyStopping을 켜면 검증 손실이 더 나아지지 않을 때 "
        "일찍 멈춥니다.",
    },
    "check.batch_size_out_of_range": {
        "en": "The batch size must be between 1 and {max_batch_size:,} on this server. "
        "Received: batch_size={value}.",
        "ko": "배치 크기는 이 서버에서 1부터 {max_batch_size:,} 사이여야 합니다. 받은 값: batch_size={value}.",
    },
    "check.batch_size_out_of_range.fix": {
        "en": "Use 32, Keras's default. A teacher can raise the limit with PLAYGROUND_MAX_BATCH_SIZE.",
        "ko": "Keras 기본값인 32를 쓰세요. 강사는 PLAYGROUND_MAX_BATCH_SIZE로 한도를 올릴 수 있습니다.",
    },
    "check.seed_out_of_range": {
        "en": "{name} must be a whole number from 0 to {maximum} (NumPy and Keras take seeds "
        "0 ≤ seed < 2³²). Received: {name}={value}.",
        "ko": "{name}은(는) 0부터 {maximum} 사이의 정수여야 합니다(NumPy와 Keras의 시드는 "
        "0 ≤ seed < 2³²). 받은 값: {name}={value}.",
    },
    "check.seed_out_of_range.fix": {
        "en": "Use any number from 0 to {maximum}; the same seed gives the same run again.",
        "ko": "0부터 {maximum} 사이의 아무 수나 쓰세요. 같은 시드면 같은 결과가 다시 나옵니다.",
    },
    "check.too_many_steps": {
        "en": "This run would take {steps:,} training steps: epochs × batches per epoch = {epochs} "
        "× {steps_per_epoch:,}, at a batch size of {batch_size}. That is more than this "
        "shared server allows ({max_steps:,}).",
        "ko": "이 학습은 {steps:,} 스텝({epochs} 에포크 × 에포크당 {batch_size}행짜리 배치 {steps_per_epoch:,}개)이 "
        "걸려서, 공용 서버의 한도({max_steps:,} 스텝)를 넘습니다.",
    },
    "check.too_many_steps.fix": {
        "en": "Use a batch size of at least {fitting_batch_size:,}, fewer epochs (at most "
        "{fitting_epochs}), or fewer training rows. A teacher can raise "
        "PLAYGROUND_MAX_TRAIN_STEPS.",
        "ko": "배치 크기를 {fitting_batch_size:,} 이상으로 하거나, 에포크를 {fitting_epochs} 이하로 하거나, 학습 행 수를 "
        "줄이세요. 강사는 PLAYGROUND_MAX_TRAIN_STEPS 값을 올릴 수 있습니다.",
    },
    "check.too_much_work": {
        "en": "This run is too big for this shared server: epochs × training rows × parameters = "
        "{epochs} × {rows:,} × {params:,} = {work:,}, about the multiply-adds it needs, and "
        "the limit is {max_work:,} (about {ratio:.1f}× too much).",
        "ko": "이 학습은 공용 서버에서 돌리기에 너무 큽니다. {epochs} 에포크 × 학습 {rows:,}행 × 파라미터 {params:,}개 = "
        "{work:,}(필요한 곱셈-덧셈 횟수에 해당)인데, 한도는 {max_work:,}입니다(약 {ratio:.1f}배 초과).",
    },
    "check.too_much_work.fix": {
        "en": "Use fewer epochs (at most {fitting_epochs}), fewer training rows (the Data page), "
        "or a smaller model (fewer units in the first layer). A teacher can raise "
        "PLAYGROUND_MAX_TRAIN_WORK.",
        "ko": "에포크를 {fitting_epochs} 이하로 하거나, 학습 행 수를 줄이거나(데이터 페이지), 더 작은 모델(첫 층의 유닛 수를 줄이기)을 쓰세요. "
        "강사는 PLAYGROUND_MAX_TRAIN_WORK 값을 올릴 수 있습니다.",
    },
    "check.validation_split_out_of_range": {
        "en": "The validation split must be at least 0 and below 0.9. "
        "Received: validation_split={value:g}.",
        "ko": "검증 분할 비율은 0 이상 0.9 미만이어야 합니다. 받은 값: validation_split={value:g}.",
    },
    "check.validation_split_out_of_range.fix": {
        "en": "Use 0.2: 20% of the training rows are held back to measure validation loss.",
        "ko": "0.2를 쓰세요. 학습 데이터의 20%를 떼어 두고 검증 손실을 잽니다.",
    },
    "check.early_stopping_needs_validation": {
        "en": "EarlyStopping watches val_loss, but with a validation split of 0 there is no "
        "validation data, so val_loss does not exist.",
        "ko": "EarlyStopping은 val_loss를 지켜보는데, 검증 분할 비율이 0이면 검증 데이터가 없어서 "
        "val_loss가 존재하지 않습니다.",
    },
    "check.early_stopping_needs_validation.fix": {
        "en": "Set the validation split to 0.2, or turn EarlyStopping off.",
        "ko": "검증 분할 비율을 0.2로 두거나 EarlyStopping을 끄세요.",
    },
    "check.patience_out_of_range": {
        "en": "EarlyStopping patience (in epochs) must be between 0 and {max_epochs}. Received: "
        "patience={value}.",
        "ko": "EarlyStopping의 patience는 0부터 {max_epochs} 에포크 사이여야 합니다. 받은 값: patience={value}.",
    },
    "check.patience_out_of_range.fix": {
        "en": "Use 0 (Keras's default: stop at the first epoch without a better val_loss), or 5 to "
        "let val_loss wobble for 5 epochs first.",
        "ko": "0(Keras 기본값: val_loss가 나아지지 않는 첫 에포크에서 멈춤)을 쓰거나, val_loss가 "
        "5 에포크 동안 오르내려도 기다리려면 5를 쓰세요.",
    },
    # ------------------------------------------------ inputs, hidden layers
    "check.unscaled_inputs": {
        "en": "The inputs are not scaled: some values reach {max_abs:g} (raw pixels go up to 255). "
        "Large inputs make the first layer's sums huge, so sigmoid/tanh units saturate and "
        "the gradients are badly sized: training is slow or unstable.",
        "ko": "입력이 스케일링되지 않았습니다. 어떤 값은 {max_abs:g}까지 갑니다(원본 픽셀은 255까지). "
        "입력이 크면 첫 층의 합이 너무 커져서 sigmoid/tanh 유닛이 포화되고 기울기 크기도 "
        "엉망이 되어, 학습이 느리거나 불안정해집니다.",
    },
    "check.unscaled_inputs.fix": {
        "en": 'On the Data page choose "standardize" or "scale to 0–1" (for pixels: x / 255). '
        "You may also train as is to see the difference.",
        "ko": '데이터 페이지에서 "표준화" 또는 "0–1로 스케일링"을 고르세요(픽셀이라면 x / 255). '
        "차이를 보려고 이대로 학습시켜 봐도 됩니다.",
    },
    "check.linear_hidden_layers": {
        "en": {
            "count": "layers",
            "one": "The only hidden layer is linear, and a linear layer is one linear map: the "
            "model can only draw straight boundaries, as if it had no hidden layer at "
            "all.",
            "other": "All {layers} hidden layers are linear. Stacked linear layers collapse "
            "into one linear map, so the model can only draw straight boundaries, "
            "however deep it is.",
        },
        "ko": "은닉층 {layers}개가 모두 linear입니다. linear 층을 여러 개 쌓아도 하나의 선형 변환과 같아서, 아무리 깊어도 직선 경계밖에 그릴 "
        "수 없습니다.",
    },
    "check.linear_hidden_layers.fix": {
        "en": "Give the hidden layers a non-linear activation such as relu or tanh so they can "
        "bend the boundary.",
        "ko": "경계를 구부릴 수 있도록 은닉층에 relu나 tanh 같은 비선형 활성화 함수를 쓰세요.",
    },
}
