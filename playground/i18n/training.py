"""Messages of the background trainer: key -> (English, Korean)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "train.diverged": (
        "Training stopped at epoch {epoch}: the loss became {loss}, so the weights blew up. "
        "The learning rate ({learning_rate:g}) is too high: each step jumps past the minimum and "
        "lands further away. Try a 10× smaller learning rate, {suggestion:g}.",
        "{epoch}번째 에포크에서 학습을 멈췄습니다. 손실이 {loss}이(가) 되어 가중치가 폭발했습니다. "
        "학습률({learning_rate:g})이 너무 커서 한 걸음마다 최솟값을 지나쳐 점점 더 멀어집니다. "
        "10배 작은 학습률 {suggestion:g}을(를) 써 보세요.",
    ),
    "train.worker_died": (
        "The training process stopped unexpectedly (exit code {exitcode}), possibly because it ran "
        "out of memory. A fresh worker has taken its place: try again, perhaps with a smaller "
        "model, fewer samples or a smaller batch size.",
        "학습 프로세스가 예기치 않게 종료되었습니다(종료 코드 {exitcode}). 메모리가 부족했을 수 있습니다. "
        "새 작업자가 준비되었으니 다시 시도해 보세요. 모델이나 샘플 수, 배치 크기를 줄이면 도움이 됩니다.",
    ),
    "train.failed": (
        "Training failed: {kind}: {detail}",
        "학습에 실패했습니다: {kind}: {detail}",
    ),
}
