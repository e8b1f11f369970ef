"""Network-view messages: key -> {"en": English, "ko": Korean}.

The network diagram (`playground.charts_network`, `ui.network_views`) and
the MNIST and IMDB views of the Evaluate page. Hover texts are Plotly HTML.
"""

MESSAGES: dict[str, dict] = {
    # The diagram's labels and hover texts.
    "net.pixel": {"en": "pixel ({row}, {col})", "ko": "픽셀 ({row}, {col})"},
    "net.more": {"en": "+{count} more", "ko": "+{count}개 더"},
    "net.inputs_title": {"en": "Inputs ({units})", "ko": "입력 ({units})"},
    "net.layer_title": {"en": "Layer {n}<br>{units} {act}", "ko": "층 {n}<br>{units} {act}"},
    "net.output_title": {"en": "Output<br>{units} {act}", "ko": "출력<br>{units} {act}"},
    "net.hidden_neuron": {
        "en": "<b>Layer {layer}, neuron {index}</b>",
        "ko": "<b>층 {layer}, 뉴런 {index}</b>",
    },
    "net.output_neuron": {"en": "<b>Output {index}</b>", "ko": "<b>출력 {index}</b>"},
    "net.bias": {"en": "bias {value}", "ko": "편향 {value}"},
    "net.mean_grid": {
        "en": "mean output {mean} over {points} grid points",
        "ko": "격자점 {points}개에서 평균 출력 {mean}",
    },
    "net.mean_rows": {
        "en": "mean output {mean} over {points} test rows",
        "ko": "테스트 행 {points}개에서 평균 출력 {mean}",
    },
    "net.range": {"en": "from {low} to {high}", "ko": "범위 {low} ~ {high}"},
    "net.dead_hover": {
        "en": "<b>dead</b>: relu output is 0 on every point, so no gradient reaches it",
        "ko": "<b>죽은 뉴런</b>: 모든 점에서 relu 출력이 0이라 기울기가 전달되지 않습니다",
    },
    "net.saturated_hover": {
        "en": "<b>saturated</b>: almost always at the flat ends, where its slope is near 0",
        "ko": "<b>포화</b>: 거의 항상 기울기가 0에 가까운 평평한 끝에 있습니다",
    },
    "net.edge_hover": {
        "en": "weight {weight}<br>{source} → {target}",
        "ko": "가중치 {weight}<br>{source} → {target}",
    },
    # The pages' texts around the diagram.
    "net.title": {"en": "Inside the network", "ko": "네트워크 들여다보기"},
    "net.live_title": {"en": "After epoch {epoch}", "ko": "{epoch} 에포크 후"},
    "net.saved_title": {
        "en": "The saved model (weights of epoch {epoch})",
        "ko": "저장된 모델 ({epoch} 에포크의 가중치)",
    },
    "net.caption_map": {
        "en": "Each neuron is drawn as the feature it computes: its output over the input plane "
        "(white at 0, or at 0.5 for sigmoid and softmax outputs; blue above, orange below; "
        "each neuron on its own scale). Lines are "
        "weights: blue positive, orange negative, wider is larger.",
        "ko": "각 뉴런은 자신이 계산하는 특성으로 그려집니다: 입력 평면 위에서의 출력"
        "(0이 흰색, sigmoid와 softmax 출력은 0.5가 흰색; 그보다 크면 파랑, 작으면 주황; "
        "뉴런마다 자기 눈금). 선은 가중치입니다: "
        "파랑은 양수, 주황은 음수, 굵을수록 큽니다.",
    },
    "net.caption_histogram": {
        "en": "Each neuron is drawn as the histogram of its output over {points} fixed test rows "
        "(10 bins from its smallest to its largest output). Lines are weights: blue positive, "
        "orange negative, wider is larger.",
        "ko": "각 뉴런은 고정된 테스트 행 {points}개에 대한 출력의 히스토그램으로 그려집니다"
        "(가장 작은 출력부터 가장 큰 출력까지 10개 구간). 선은 가중치입니다: 파랑은 양수, "
        "주황은 음수, 굵을수록 큽니다.",
    },
    "net.rule_edges": {
        "en": "Lines: in each layer, the {shown} strongest connections (largest |weight|) "
        "between the neurons drawn; the widest layer has {total} connections.",
        "ko": "선: 층마다 그려진 뉴런 사이의 가장 강한 연결(|가중치|가 가장 큰 것) {shown}개; "
        "가장 큰 층의 연결은 {total}개입니다.",
    },
    "net.rule_neurons": {
        "en": "A layer wider than {count} neurons shows its first {count}; an input column "
        "wider than {count} shows the {count} inputs that move the first layer most (the size "
        "of their outgoing weights times how much they vary over the sample rows), in input "
        "order.",
        "ko": "뉴런이 {count}개보다 많은 층은 처음 {count}개를 보여 줍니다. 입력이 {count}개보다 "
        "많으면 첫 층을 가장 크게 움직이는 입력(나가는 가중치의 크기 × 샘플 행에서 그 입력이 "
        "변하는 정도) {count}개를 입력 순서대로 보여 줍니다.",
    },
    "net.rule_marks": {
        "en": "Red outline: a dead relu unit (output 0 on every point), or a saturated "
        "sigmoid/tanh unit (within {edge}% of its range's ends on at least {share}% of the "
        "points). Such units barely learn: their gradient is about 0.",
        "ko": "빨간 테두리: 죽은 relu 뉴런(모든 점에서 출력 0) 또는 포화된 sigmoid/tanh 뉴런"
        "(점의 {share}% 이상에서 출력이 범위 끝 {edge}% 안쪽). 이런 뉴런은 기울기가 거의 0이라 "
        "거의 배우지 못합니다.",
    },
    "net.marked_count": {
        "en": {
            "count": "count",
            "one": "{count} neuron drawn here is dead or saturated.",
            "other": "{count} neurons drawn here are dead or saturated.",
        },
        "ko": "여기 그려진 뉴런 중 {count}개가 죽었거나 포화되었습니다.",
    },
    "net.waiting": {
        "en": "The diagram appears after the first epoch.",
        "ko": "다이어그램은 첫 에포크가 끝나면 나타납니다.",
    },
    "net.unavailable": {
        "en": "This run was saved without the points its diagram is drawn on; train it again "
        "to see its network.",
        "ko": "이 실행은 다이어그램을 그릴 점 없이 저장되었습니다. 네트워크를 보려면 다시 "
        "훈련하세요.",
    },
    # MNIST views.
    "net.mnist_weights_title": {
        "en": "What the first layer looks for",
        "ko": "첫 번째 층이 찾는 것",
    },
    "net.mnist_weights_help": {
        "en": "Each image is one first-layer neuron's 784 weights placed on the 28×28 digit: "
        "blue pixels raise its output, orange pixels lower it, white ones do not matter. "
        "Showing the first {shown} of {units} neurons.",
        "ko": "각 그림은 첫 번째 층 뉴런 하나의 가중치 784개를 28×28 숫자 위에 놓은 것입니다: "
        "파란 픽셀은 출력을 올리고, 주황 픽셀은 내리고, 흰 픽셀은 상관이 없습니다. "
        "뉴런 {units}개 중 처음 {shown}개를 보여 줍니다.",
    },
    "net.weight": {"en": "weight", "ko": "가중치"},
    "net.weight_hover": {
        "en": "row %{{y}}, column %{{x}}<br>weight %{{z:.3f}}<extra></extra>",
        "ko": "행 %{{y}}, 열 %{{x}}<br>가중치 %{{z:.3f}}<extra></extra>",
    },
    "net.mnist_average_title": {
        "en": "Average test digit, right and wrong answers",
        "ko": "맞힌 답과 틀린 답의 평균 테스트 숫자",
    },
    "net.mnist_average_help": {
        "en": "Top row: for each true class, the average of the test digits the model got "
        "right; bottom row: of those it got wrong. Empty where there are none.",
        "ko": "윗줄: 실제 클래스마다 모델이 맞힌 테스트 숫자의 평균, 아랫줄: 틀린 숫자의 "
        "평균입니다. 해당하는 숫자가 없으면 비어 있습니다.",
    },
    "net.right_title": {"en": "{cls} ✓", "ko": "{cls} ✓"},
    "net.wrong_title": {"en": "{cls} ✗", "ko": "{cls} ✗"},
    "net.pixel_value": {"en": "pixel", "ko": "픽셀"},
    "net.pixel_hover": {
        "en": "row %{{y}}, column %{{x}}<br>mean pixel %{{z:.0f}}<extra></extra>",
        "ko": "행 %{{y}}, 열 %{{x}}<br>평균 픽셀 %{{z:.0f}}<extra></extra>",
    },
    "net.mnist_mismatch": {
        "en": "The test digits could not be matched with this run's answers "
        "({rows} rows loaded, {answers} answers saved), so the averages are not shown.",
        "ko": "테스트 숫자를 이 실행의 답과 맞출 수 없어(불러온 행 {rows}개, 저장된 답 "
        "{answers}개) 평균을 보여 주지 않습니다.",
    },
    # IMDB views.
    "net.imdb_title": {"en": "Words the network weighs", "ko": "네트워크가 무게를 두는 단어"},
    "net.imdb_help": {
        "en": "For each word alone: P(positive) of a review holding just that word, minus "
        "P(positive) of the empty review ({empty}). Read from the trained network.",
        "ko": "단어 하나씩: 그 단어만 있는 리뷰의 P(긍정)에서 빈 리뷰의 P(긍정)({empty})을 "
        "뺀 값입니다. 훈련된 네트워크에서 읽었습니다.",
    },
    "net.imdb_positive": {"en": "Towards positive", "ko": "긍정 쪽으로"},
    "net.imdb_negative": {"en": "Towards negative", "ko": "부정 쪽으로"},
    "net.push_axis": {"en": "change in P(positive)", "ko": "P(긍정)의 변화"},
    "net.review_label": {
        "en": "Type a review (English) and see what the network makes of it",
        "ko": "리뷰를 (영어로) 입력하고 네트워크가 어떻게 읽는지 보세요",
    },
    "net.review_result": {
        "en": "P(positive) = **{p}**: the network reads this review as **{verdict}**.",
        "ko": "P(긍정) = **{p}**: 네트워크는 이 리뷰를 **{verdict}**(으)로 읽습니다.",
    },
    "net.review_words_title": {
        "en": "Each word's push (P(review) − P(review without it))",
        "ko": "단어별 영향 (P(리뷰) − P(그 단어를 뺀 리뷰))",
    },
    "net.review_unknown": {
        "en": "Outside the 10,000-word vocabulary, so the network cannot see them: {words}",
        "ko": "10,000단어 어휘 밖이라 네트워크가 볼 수 없는 단어: {words}",
    },
    "net.review_empty": {
        "en": "None of these words is in the network's 10,000-word vocabulary.",
        "ko": "이 단어들은 모두 네트워크의 10,000단어 어휘 밖에 있습니다.",
    },
    "net.imdb_no_words": {
        "en": "The word list (imdb_word_index.json) was not found when this run was trained, "
        "so its inputs have no words. Put the file in the data folder and train again.",
        "ko": "이 실행을 훈련할 때 단어 목록(imdb_word_index.json)을 찾지 못해 입력에 단어가 "
        "없습니다. 파일을 데이터 폴더에 넣고 다시 훈련하세요.",
    },
}
