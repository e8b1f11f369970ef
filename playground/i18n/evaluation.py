"""evaluation messages: key -> {"en": English, "ko": Korean}.

Keys "chart.*" are the titles, axes and legends of `playground.charts`;
keys "evaluation.*" are texts made by `playground.evaluation` (table
columns, the overfitting note). The Evaluate page's own strings ("eval.*")
live in the ui catalog.
"""

MESSAGES: dict[str, dict] = {
    # Metric names (st.metric labels, chart axes, legends).
    "chart.loss": {"en": "Loss", "ko": "손실"},
    "chart.accuracy": {"en": "Accuracy", "ko": "정확도"},
    "chart.mse": {"en": "MSE (mean squared error)", "ko": "MSE (평균 제곱 오차)"},
    "chart.mae": {"en": "MAE (mean absolute error)", "ko": "MAE (평균 절대 오차)"},
    # Training-history charts.
    "chart.epoch": {"en": "Epoch", "ko": "에포크"},
    "chart.train": {"en": "train", "ko": "훈련"},
    "chart.validation": {"en": "validation", "ko": "검증"},
    "chart.best_epoch": {"en": "best epoch {epoch}", "ko": "최적 에포크 {epoch}"},
    "evaluation.overfit_note": {
        "en": "Overfitting: validation loss has been rising since epoch {epoch} while training loss "
        "kept falling. The model is memorizing the training data. Try EarlyStopping with "
        "restore_best_weights, fewer epochs, or a smaller model.",
        "ko": "과대적합: 훈련 손실은 계속 줄어드는데 검증 손실은 {epoch} 에포크 이후 다시 오르고 있습니다. "
        "모델이 훈련 데이터를 외우고 있다는 뜻입니다. restore_best_weights를 켠 EarlyStopping을 쓰거나, "
        "에포크 수를 줄이거나, 더 작은 모델을 써 보세요.",
    },
    # Confusion matrix, class balance, probabilities.
    "chart.predicted": {"en": "Predicted", "ko": "예측"},
    "chart.actual": {"en": "Actual", "ko": "실제"},
    "chart.count": {"en": "Count", "ko": "개수"},
    "chart.cell_hover": {
        # A Plotly hovertemplate: %{{...}} are Plotly's fields, braces doubled for str.format.
        "en": "Actual: %{{y}}<br>Predicted: %{{x}}<br>Count: %{{customdata[2]}}<br>"
        "Share of actual %{{y}}: %{{customdata[3]:.1f}}%",
        "ko": "실제: %{{y}}<br>예측: %{{x}}<br>개수: %{{customdata[2]}}<br>"
        "실제 %{{y}} 중 비율: %{{customdata[3]:.1f}}%",
    },
    "chart.class": {"en": "Class", "ko": "클래스"},
    "chart.target": {"en": "Target", "ko": "타깃"},
    "chart.prediction": {"en": "Prediction", "ko": "예측값"},
    "chart.probability": {"en": "Probability", "ko": "확률"},
    "chart.probability_of": {"en": "P({name})", "ko": "P({name})"},
    "chart.test_examples": {"en": "test examples", "ko": "테스트 샘플"},
    "chart.perfect_line": {"en": "perfect prediction (y = x)", "ko": "완벽한 예측 (y = x)"},
    # 2-D input plane and hidden neurons.
    "chart.feature_x1": {"en": "x₁", "ko": "x₁"},
    "chart.feature_x2": {"en": "x₂", "ko": "x₂"},
    "chart.neuron": {"en": "neuron {index}", "ko": "뉴런 {index}"},
    "chart.neurons_shown": {
        "en": "(first {shown} of {total} neurons)",
        "ko": "(뉴런 {total}개 중 처음 {shown}개)",
    },
    # Threshold.
    "chart.threshold_at": {"en": "threshold {threshold:.2f}", "ko": "임계값 {threshold:.2f}"},
    "chart.threshold_on": {"en": "Threshold on P({name})", "ko": "P({name})의 임계값"},
    "chart.positive": {"en": "positive", "ko": "양성"},
    "chart.precision_of": {"en": "Precision of {name}", "ko": "{name} 정밀도"},
    "chart.recall_of": {"en": "Recall of {name}", "ko": "{name} 재현율"},
    # Softmax table columns.
    "evaluation.col_row": {"en": "test row", "ko": "테스트 행"},
    "evaluation.col_sum": {"en": "sum", "ko": "합계"},
    "evaluation.col_argmax": {"en": "argmax (predicted)", "ko": "argmax (예측)"},
    "evaluation.col_actual": {"en": "actual", "ko": "실제"},
    # ROC curve.
    "chart.roc_auc": {"en": "ROC curve, AUC = {auc:.3f}", "ko": "ROC 곡선, AUC = {auc:.3f}"},
    "chart.roc_no_auc": {
        "en": "ROC curve (no AUC: the test set has one class only)",
        "ko": "ROC 곡선 (테스트 세트에 클래스가 하나뿐이라 AUC 없음)",
    },
    "chart.roc_chance": {"en": "guessing (AUC = 0.5)", "ko": "무작위 추측 (AUC = 0.5)"},
    "chart.roc_fpr": {"en": "False positive rate", "ko": "거짓 양성 비율 (FPR)"},
    "chart.roc_tpr": {
        "en": "True positive rate (recall of {name})",
        "ko": "참 양성 비율 (TPR, {name} 재현율)",
    },
}
