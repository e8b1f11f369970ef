"""data messages: key -> (English, Korean).

Key scheme:
    data.name.<id>      display name of a dataset
    data.note.<what>    notes a loader attaches to `Dataset.notes`
    data.<error>        `DatasetError` codes raised by `playground.datasets`
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------ names
    "data.name.moons": ("Two moons", "두 개의 반달 (moons)"),
    "data.name.circles": ("Circles", "동심원 (circles)"),
    "data.name.xor": ("XOR", "XOR (사분면)"),
    "data.name.spiral": ("Spiral", "나선 (spiral)"),
    "data.name.gaussians": ("Two Gaussians", "두 개의 가우시안 덩어리"),
    "data.name.iris": ("Iris flowers", "붓꽃 (iris)"),
    "data.name.wine": ("Wine", "와인 (wine)"),
    "data.name.breast_cancer": ("Breast cancer", "유방암 (breast cancer)"),
    "data.name.diabetes": ("Diabetes (regression)", "당뇨병 (회귀)"),
    "data.name.mnist": ("MNIST handwritten digits", "MNIST 손글씨 숫자"),
    "data.name.imdb": ("IMDB movie reviews", "IMDB 영화 리뷰"),
    "data.name.csv": ("Your own CSV", "내 CSV 파일"),
    # ------------------------------------------------------------ notes
    "data.note.text_not_scaled": (
        "Multi-hot vectors are already 0 or 1, so the scaling choice ({scaling}) is not applied. "
        "They are stored as uint8 to save memory.",
        "멀티-핫 벡터는 이미 0 또는 1이라서 스케일링 설정({scaling})을 적용하지 않습니다. "
        "메모리를 아끼려고 uint8로 저장합니다.",
    ),
    "data.note.word_index_missing": (
        "The IMDB word index (imdb_word_index.json) was not found, so reviews cannot be shown as words. "
        "Put it in the data folder (PLAYGROUND_DATA_DIR) to see them.",
        "IMDB 단어 사전(imdb_word_index.json)을 찾지 못해 리뷰를 단어로 보여 줄 수 없습니다. "
        "데이터 폴더(PLAYGROUND_DATA_DIR)에 넣으면 볼 수 있습니다.",
    ),
    "data.note.task_fixed": (
        "The task of this dataset is always {fixed}; the chosen task ({task}) is ignored.",
        "이 데이터셋의 과제는 항상 {fixed}입니다. 선택한 과제({task})는 무시됩니다.",
    ),
    "data.note.task_inferred": (
        "Task inferred from the target column '{target}': {task}.",
        "타깃 열 '{target}'을(를) 보고 과제를 {task}(으)로 추정했습니다.",
    ),
    "data.note.subset": (
        "Using the first {kept} of {total} training examples (change the sample count to use more).",
        "훈련 예제 {total}개 중 앞의 {kept}개만 사용합니다 (샘플 수를 바꾸면 더 쓸 수 있습니다).",
    ),
    "data.note.test_subset": (
        "Using the first {kept} of {total} test examples, to save memory.",
        "메모리를 아끼려고 테스트 예제 {total}개 중 앞의 {kept}개만 사용합니다.",
    ),
    "data.note.loaded_from": ("Loaded from {path}.", "{path}에서 불러왔습니다."),
    "data.note.split_not_stratified": (
        "Some class has fewer than 2 rows, so the train/test split could not keep the class "
        "proportions (not stratified).",
        "행이 2개보다 적은 클래스가 있어 훈련/테스트 분할에서 클래스 비율을 유지하지 못했습니다 "
        "(층화 분할 아님).",
    ),
    "data.note.dropped_missing_target": (
        "Dropped {count} row(s) whose target '{target}' is missing.",
        "타깃 '{target}' 값이 비어 있는 행 {count}개를 뺐습니다.",
    ),
    "data.note.imputed_median": (
        "Filled {count} missing number(s) with the column median: {columns}.",
        "비어 있는 숫자 {count}개를 열의 중앙값으로 채웠습니다: {columns}.",
    ),
    "data.note.missing_category": (
        "Filled {count} missing text value(s) with the category \"missing\": {columns}.",
        "비어 있는 텍스트 값 {count}개를 \"missing\" 범주로 채웠습니다: {columns}.",
    ),
    "data.note.one_hot": (
        "One-hot encoded the text column(s) {columns} into {count} 0/1 column(s).",
        "텍스트 열 {columns}을(를) 0/1 열 {count}개로 원-핫 인코딩했습니다.",
    ),
    "data.note.dropped_high_cardinality": (
        "Dropped text column(s) with more than {limit} different values (they look like ids or free text): {columns}.",
        "서로 다른 값이 {limit}개보다 많은 텍스트 열은 뺐습니다 (ID나 자유 텍스트로 보입니다): {columns}.",
    ),
    "data.note.dropped_empty_columns": (
        "Dropped column(s) with no values at all: {columns}.",
        "값이 하나도 없는 열을 뺐습니다: {columns}.",
    ),
    # ----------------------------------------------------------- errors
    "data.unknown_dataset": (
        "Unknown dataset '{name}'. Choose one of: {choices}.",
        "알 수 없는 데이터셋 '{name}'입니다. 다음 중에서 고르세요: {choices}.",
    ),
    "data.bad_scaling": (
        "Argument `scaling` must be one of {choices}. Received: scaling='{scaling}'",
        "`scaling`은 {choices} 중 하나여야 합니다. 받은 값: scaling='{scaling}'",
    ),
    "data.bad_task": (
        "Argument `task` must be 'auto' or one of {choices}. Received: task='{task}'",
        "`task`는 'auto' 또는 {choices} 중 하나여야 합니다. 받은 값: task='{task}'",
    ),
    "data.bad_test_fraction": (
        "The test fraction must be between 0 and 1 (for example 0.2). Received: test_fraction={value}",
        "테스트 비율은 0과 1 사이여야 합니다 (예: 0.2). 받은 값: test_fraction={value}",
    ),
    "data.bad_n_samples": (
        "The number of samples must be at least {minimum}. Received: n_samples={value}",
        "샘플 수는 {minimum} 이상이어야 합니다. 받은 값: n_samples={value}",
    ),
    "data.bad_noise": (
        "The noise must be 0 or more (for example 0.2). Received: noise={value}",
        "노이즈는 0 이상이어야 합니다 (예: 0.2). 받은 값: noise={value}",
    ),
    "data.too_few_rows": (
        "Too few rows to split into training and test sets: {rows} row(s) with test fraction {fraction}. "
        "Use more rows or another test fraction.",
        "행이 너무 적어 훈련/테스트 세트로 나눌 수 없습니다: 행 {rows}개, 테스트 비율 {fraction}. "
        "행을 늘리거나 테스트 비율을 바꾸세요.",
    ),
    "data.mnist_unavailable": (
        "MNIST is not on this server and could not be downloaded (is it offline?). "
        "To use MNIST without internet, download mnist.npz from {url} on a computer that has "
        "internet, put it in a folder on the server and start the app with "
        "PLAYGROUND_DATA_DIR set to that folder (or copy it into {cache}). "
        "The server tries the download again in about {minutes} min.",
        "이 서버에 MNIST가 없고 내려받지도 못했습니다 (인터넷에 연결되어 있지 않나요?). "
        "인터넷 없이 MNIST를 쓰려면 인터넷이 되는 컴퓨터에서 {url} 에서 mnist.npz를 내려받아 "
        "서버의 한 폴더에 넣고, PLAYGROUND_DATA_DIR를 그 폴더로 설정해 앱을 시작하세요 "
        "({cache}에 복사해도 됩니다). 서버는 약 {minutes}분 뒤에 다시 내려받기를 시도합니다.",
    ),
    "data.imdb_unavailable": (
        "IMDB is not on this server and could not be downloaded (is it offline?). "
        "To use IMDB without internet, download imdb.npz and imdb_word_index.json from {url} "
        "on a computer that has internet, put both in a folder on the server and start the app "
        "with PLAYGROUND_DATA_DIR set to that folder (or copy them into {cache}). "
        "The server tries the download again in about {minutes} min.",
        "이 서버에 IMDB가 없고 내려받지도 못했습니다 (인터넷에 연결되어 있지 않나요?). "
        "인터넷 없이 IMDB를 쓰려면 인터넷이 되는 컴퓨터에서 {url} 에서 imdb.npz와 "
        "imdb_word_index.json을 내려받아 서버의 한 폴더에 함께 넣고, PLAYGROUND_DATA_DIR를 "
        "그 폴더로 설정해 앱을 시작하세요 ({cache}에 복사해도 됩니다). "
        "서버는 약 {minutes}분 뒤에 다시 내려받기를 시도합니다.",
    ),
    "data.npz_unreadable": (
        "The data file {path} could not be read ({reason}). Replace it with a file in the Keras format.",
        "데이터 파일 {path}을(를) 읽을 수 없습니다 ({reason}). Keras 형식의 파일로 바꾸세요.",
    ),
    "data.csv_no_file": (
        "No CSV file has been uploaded yet. Upload one first.",
        "아직 올린 CSV 파일이 없습니다. 먼저 파일을 올리세요.",
    ),
    "data.csv_not_found": (
        "The uploaded CSV '{file}' is no longer on the server. Upload it again.",
        "올린 CSV '{file}'이(가) 서버에 더 이상 없습니다. 다시 올리세요.",
    ),
    "data.upload_too_large": (
        "The CSV file is too large: {size_mb:.1f} MB, the limit is {limit_mb} MB. Upload a smaller file.",
        "CSV 파일이 너무 큽니다: {size_mb:.1f} MB이고 한도는 {limit_mb} MB입니다. 더 작은 파일을 올리세요.",
    ),
    "data.csv_empty": (
        "The CSV file is empty: it has no header or no rows. Upload a file with a header line and data rows.",
        "CSV 파일이 비어 있습니다: 머리글 줄이나 데이터 행이 없습니다. 머리글과 데이터 행이 있는 파일을 올리세요.",
    ),
    "data.csv_unreadable": (
        "The file could not be read as CSV ({reason}). Save it as comma-separated values (.csv) "
        "with one header line, and upload it again.",
        "파일을 CSV로 읽을 수 없습니다 ({reason}). 머리글 한 줄이 있는 쉼표 구분 값(.csv)으로 "
        "저장해서 다시 올리세요.",
    ),
    "data.csv_no_target": (
        "Choose the target column to predict. Columns: {columns}.",
        "예측할 타깃 열을 고르세요. 열 목록: {columns}.",
    ),
    "data.csv_unknown_target": (
        "There is no column '{target}' in the CSV. Choose one of: {columns}.",
        "CSV에 '{target}' 열이 없습니다. 다음 중에서 고르세요: {columns}.",
    ),
    "data.csv_single_class": (
        "The target '{target}' has only one value ({value}), so there is nothing to classify. "
        "Choose a target with at least two different values.",
        "타깃 '{target}'의 값이 하나뿐이라({value}) 분류할 것이 없습니다. "
        "서로 다른 값이 둘 이상인 타깃을 고르세요.",
    ),
    "data.csv_text_target_regression": (
        "The target '{target}' holds text (for example '{example}'), so it cannot be a regression target. "
        "Choose a numeric column, or a classification task.",
        "타깃 '{target}'에 텍스트가 있어(예: '{example}') 회귀 타깃이 될 수 없습니다. "
        "숫자 열을 고르거나 분류 과제를 선택하세요.",
    ),
    "data.csv_binary_needs_two": (
        "Binary classification needs exactly 2 classes, but the target '{target}' has {count}. "
        "Choose multiclass classification instead.",
        "이진 분류에는 클래스가 정확히 2개 있어야 하지만 타깃 '{target}'에는 {count}개가 있습니다. "
        "다중 분류를 선택하세요.",
    ),
    "data.csv_too_many_classes": (
        "The target '{target}' has {count} different values, more than the {limit} classes allowed. "
        "Choose regression if it is a number, or another target column.",
        "타깃 '{target}'에 서로 다른 값이 {count}개 있어 허용된 클래스 수 {limit}개를 넘습니다. "
        "숫자라면 회귀를 선택하거나 다른 타깃 열을 고르세요.",
    ),
    "data.csv_no_features": (
        "No input columns are left besides the target '{target}'. The CSV needs at least one other usable column.",
        "타깃 '{target}' 말고 남은 입력 열이 없습니다. CSV에 쓸 수 있는 다른 열이 하나 이상 있어야 합니다.",
    ),
}
