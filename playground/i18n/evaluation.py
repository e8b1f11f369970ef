"""evaluation messages: key -> (English, Korean).

Keys "chart.*" are the titles, axes and legends of `playground.charts`;
keys "evaluation.*" are texts made by `playground.evaluation` (table
columns, the overfitting note). The Evaluate page's own strings ("eval.*")
live in the ui catalog.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # Metric names (st.metric labels, chart axes, legends).
    "chart.loss": ("Loss", "손실"),
    "chart.accuracy": ("Accuracy", "정확도"),
    "chart.precision": ("Precision", "정밀도"),
    "chart.recall": ("Recall", "재현율"),
    "chart.f1": ("F1 score", "F1 점수"),
    "chart.mse": ("MSE (mean squared error)", "MSE (평균 제곱 오차)"),
    "chart.mae": ("MAE (mean absolute error)", "MAE (평균 절대 오차)"),
    "chart.r2": ("R² (coefficient of determination)", "R² (결정 계수)"),
    # Training-history charts.
    "chart.epoch": ("Epoch", "에포크"),
    "chart.train": ("train", "훈련"),
    "chart.validation": ("validation", "검증"),
    "chart.best_epoch": ("best epoch {epoch}", "최적 에포크 {epoch}"),
    "evaluation.overfit_note": (
        "Overfitting: validation loss has been rising since epoch {epoch} while training loss "
        "kept falling. The model is memorizing the training data. Try EarlyStopping with "
        "restore_best_weights, fewer epochs, or a smaller model.",
        "과대적합: 훈련 손실은 계속 줄어드는데 검증 손실은 {epoch} 에포크 이후 다시 오르고 있습니다. "
        "모델이 훈련 데이터를 외우고 있다는 뜻입니다. restore_best_weights를 켠 EarlyStopping을 쓰거나, "
        "에포크 수를 줄이거나, 더 작은 모델을 써 보세요.",
    ),
    # Confusion matrix, class balance, probabilities.
    "chart.predicted": ("Predicted", "예측"),
    "chart.actual": ("Actual", "실제"),
    "chart.count": ("Count", "개수"),
    "chart.cell_hover": (
        # A Plotly hovertemplate: %{{...}} are Plotly's fields, braces doubled for str.format.
        "Actual: %{{y}}<br>Predicted: %{{x}}<br>Count: %{{customdata[2]}}<br>"
        "Share of actual %{{y}}: %{{customdata[3]:.1f}}%",
        "실제: %{{y}}<br>예측: %{{x}}<br>개수: %{{customdata[2]}}<br>"
        "실제 %{{y}} 중 비율: %{{customdata[3]:.1f}}%",
    ),
    "chart.class": ("Class", "클래스"),
    "chart.target": ("Target", "타깃"),
    "chart.prediction": ("Prediction", "예측값"),
    "chart.probability": ("Probability", "확률"),
    "chart.probability_of": ("P({name})", "P({name})"),
    "chart.test_examples": ("test examples", "테스트 샘플"),
    "chart.perfect_line": ("perfect prediction (y = x)", "완벽한 예측 (y = x)"),
    # 2-D input plane and hidden neurons.
    "chart.feature_x1": ("x₁", "x₁"),
    "chart.feature_x2": ("x₂", "x₂"),
    "chart.neuron": ("neuron {index}", "뉴런 {index}"),
    "chart.neurons_shown": ("(first {shown} of {total} neurons)", "(뉴런 {total}개 중 처음 {shown}개)"),
    # Threshold.
    "chart.threshold": ("Threshold", "임계값"),
    "chart.threshold_at": ("threshold {threshold:.2f}", "임계값 {threshold:.2f}"),
    "chart.threshold_on": ("Threshold on P({name})", "P({name})의 임계값"),
    "chart.positive": ("positive", "양성"),
    "chart.precision_of": ("Precision of {name}", "{name} 정밀도"),
    "chart.recall_of": ("Recall of {name}", "{name} 재현율"),
    # Softmax table columns.
    "evaluation.col_row": ("test row", "테스트 행"),
    "evaluation.col_sum": ("sum", "합계"),
    "evaluation.col_argmax": ("argmax (predicted)", "argmax (예측)"),
    "evaluation.col_actual": ("actual", "실제"),
}
