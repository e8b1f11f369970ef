"""data messages: key -> {"en": English, "ko": Korean}.

Key scheme:
    data.name.<id>      display name of a dataset
    data.note.<what>    notes a loader attaches to `Dataset.notes`
    data.<error>        `DatasetError` codes raised by `playground.datasets`
"""

MESSAGES: dict[str, dict] = {
    # ------------------------------------------------------------ names
    "data.name.moons": {"en": "Two moons", "ko": "두 개의 반달 (moons)"},
    "data.name.circles": {"en": "Circles", "ko": "동심원 (circles)"},
    "data.name.xor": {"en": "XOR", "ko": "XOR (사분면)"},
    "data.name.spiral": {"en": "Spiral", "ko": "나선 (spiral)"},
    "data.name.gaussians": {"en": "Two Gaussians", "ko": "두 개의 가우시안 덩어리"},
    "data.name.iris": {"en": "Iris flowers", "ko": "붓꽃 (iris)"},
    "data.name.wine": {"en": "Wine", "ko": "와인 (wine)"},
    "data.name.breast_cancer": {"en": "Breast cancer", "ko": "유방암 (breast cancer)"},
    "data.name.diabetes": {"en": "Diabetes (regression)", "ko": "당뇨병 (회귀)"},
    "data.name.mnist": {"en": "MNIST handwritten digits", "ko": "MNIST 손글씨 숫자"},
    "data.name.imdb": {"en": "IMDB movie reviews", "ko": "IMDB 영화 리뷰"},
    "data.name.csv": {"en": "Your own CSV", "ko": "내 CSV 파일"},
    # ------------------------------------------------------------ notes
    "data.note.text_not_scaled": {
        "en": "Multi-hot vectors are already 0 or 1, so the scaling choice ({scaling}) is not applied. "
        "They are stored as uint8 to save memory.",
        "ko": "멀티-핫 벡터는 이미 0 또는 1이라서 스케일링 설정({scaling})을 적용하지 않습니다. "
        "메모리를 아끼려고 uint8로 저장합니다.",
    },
    "data.note.word_index_missing": {
        "en": "The IMDB word index (imdb_word_index.json) was not found, so reviews cannot be shown as words. "
        "Put it in the data folder (PLAYGROUND_DATA_DIR) to see them.",
        "ko": "IMDB 단어 사전(imdb_word_index.json)을 찾지 못해 리뷰를 단어로 보여 줄 수 없습니다. "
        "데이터 폴더(PLAYGROUND_DATA_DIR)에 넣으면 볼 수 있습니다.",
    },
    "data.note.task_fixed": {
        "en": "The task of this dataset is always {fixed}; the chosen task ({task}) is ignored.",
        "ko": "이 데이터셋의 과제는 항상 {fixed}입니다. 선택한 과제({task})는 무시됩니다.",
    },
    "data.note.task_inferred": {
        "en": "Task inferred from the target column '{target}': {task}.",
        "ko": "타깃 열 '{target}'을(를) 보고 과제를 {task}(으)로 추정했습니다.",
    },
    "data.note.subset": {
        "en": "Using the first {kept} of {total} training examples (change the sample count to use more).",
        "ko": "훈련 예제 {total}개 중 앞의 {kept}개만 사용합니다 (샘플 수를 바꾸면 더 쓸 수 있습니다).",
    },
    "data.note.test_subset": {
        "en": "Using the first {kept} of {total} test examples, to save memory.",
        "ko": "메모리를 아끼려고 테스트 예제 {total}개 중 앞의 {kept}개만 사용합니다.",
    },
    "data.note.loaded_from": {"en": "Loaded from {path}.", "ko": "{path}에서 불러왔습니다."},
    "data.note.split_not_stratified": {
        "en": "Some class has fewer than 2 rows, so the train/test split could not keep the class "
        "proportions (not stratified).",
        "ko": "행이 2개보다 적은 클래스가 있어 훈련/테스트 분할에서 클래스 비율을 유지하지 못했습니다 "
        "(층화 분할 아님).",
    },
    "data.note.dropped_missing_target": {
        "en": {
            "count": "count",
            "one": "Dropped {count} row whose target '{target}' is missing.",
            "other": "Dropped {count} rows whose target '{target}' is missing.",
        },
        "ko": "타깃 '{target}' 값이 비어 있는 행 {count}개를 뺐습니다.",
    },
    "data.note.imputed_median": {
        "en": {
            "count": "count",
            "one": "Filled {count} missing number with the column median: {columns}.",
            "other": "Filled {count} missing numbers with the column median: {columns}.",
        },
        "ko": "비어 있는 숫자 {count}개를 열의 중앙값으로 채웠습니다: {columns}.",
    },
    "data.note.missing_category": {
        "en": {
            "count": "count",
            "one": 'Filled {count} missing text value with the category "missing": {columns}.',
            "other": 'Filled {count} missing text values with the category "missing": {columns}.',
        },
        "ko": '비어 있는 텍스트 값 {count}개를 "missing" 범주로 채웠습니다: {columns}.',
    },
    "data.note.one_hot": {
        "en": {
            "count": "count",
            "one": "One-hot encoded the text in {columns} into {count} 0/1 column.",
            "other": "One-hot encoded the text in {columns} into {count} 0/1 columns.",
        },
        "ko": "텍스트 열 {columns}을(를) 0/1 열 {count}개로 원-핫 인코딩했습니다.",
    },
    "data.note.dropped_high_cardinality": {
        "en": "Not used as inputs: text with more than {limit} different values, which looks like "
        "ids or free text: {columns}.",
        "ko": "서로 다른 값이 {limit}개보다 많은 텍스트 열은 뺐습니다 (ID나 자유 텍스트로 보입니다): {columns}.",
    },
    "data.note.dropped_empty_columns": {
        "en": "Not used as inputs, having no values at all: {columns}.",
        "ko": "값이 하나도 없는 열을 뺐습니다: {columns}.",
    },
    "data.note.csv_encoding": {
        "en": "Read the file as {encoding} text (detected automatically).",
        "ko": "파일을 {encoding} 텍스트로 읽었습니다 (자동으로 알아냈습니다).",
    },
    "data.note.csv_delimiter": {
        "en": "Values are separated by '{delimiter}' (detected automatically).",
        "ko": "값 사이의 구분 기호는 '{delimiter}'입니다 (자동으로 알아냈습니다).",
    },
    "data.note.decimal_comma": {
        "en": "Read numbers written with a decimal comma (3,14 = 3.14) in: {columns}.",
        "ko": "소수점을 쉼표로 쓴 숫자(3,14 = 3.14)로 읽은 열: {columns}.",
    },
    "data.note.thousands": {
        "en": "Read numbers written with thousands separators (1,234 = 1234) in: {columns}.",
        "ko": "천 단위 구분 기호가 있는 숫자(1,234 = 1234)로 읽은 열: {columns}.",
    },
    "data.note.skipped_ragged_rows": {
        "en": {
            "count": "count",
            "one": "Skipped {count} row with more values than the header has columns "
            "({expected}): line {lines}. Check that line in your file.",
            "other": "Skipped {count} rows with more values than the header has columns "
            "({expected}): lines {lines}. Check those lines in your file.",
        },
        "ko": "머리글의 열 {expected}개보다 값이 많은 행 {count}개를 건너뛰었습니다 ({lines}번째 줄). 파일에서 그 줄을 확인하세요.",
    },
    "data.note.rows_sampled": {
        "en": {
            "count": "kept",
            "one": "The table has {total} rows, more than this server uses at once (the limits: "
            "rows ≤ {max_rows}, rows × input columns ≤ {max_cells}), so a random sample "
            "of {kept} row is used.",
            "other": "The table has {total} rows, more than this server uses at once (the "
            "limits: rows ≤ {max_rows}, rows × input columns ≤ {max_cells}), so a "
            "random sample of {kept} rows is used.",
        },
        "ko": "표에 행이 {total}개 있어 이 서버가 한 번에 쓰는 양(행 최대 {max_rows}개, 값 최대 {max_cells}개: 행 × 입력 열)보다 "
        "많으므로, 무작위로 뽑은 {kept}개 행을 씁니다.",
    },
    "data.note.renamed_columns": {
        "en": "Some column names were empty or repeated, so they were renamed: {columns}.",
        "ko": "비어 있거나 겹치는 열 이름이 있어 이름을 바꿨습니다: {columns}.",
    },
    "data.note.out_of_range_numbers": {
        "en": {
            "count": "count",
            "one": "Treated {count} number that is infinite or too large for the network "
            "(beyond ±3.4e38, the float32 range) as a missing value: {columns}.",
            "other": "Treated {count} numbers that are infinite or too large for the network "
            "(beyond ±3.4e38, the float32 range) as missing values: {columns}.",
        },
        "ko": "무한대이거나 신경망이 다루기에 너무 큰 숫자(float32 범위인 ±3.4e38 밖) {count}개를 빈 값으로 처리했습니다: {columns}.",
    },
    "data.note.booleans": {
        "en": "True/False values became 1/0 inputs in: {columns}.",
        "ko": "True/False 열을 1/0 입력으로 바꿨습니다: {columns}.",
    },
    "data.note.dates": {
        "en": "Dates became numbers, the days since 1970-01-01, in: {columns}.",
        "ko": "날짜 열을 숫자(1970-01-01부터 지난 날 수)로 바꿨습니다: {columns}.",
    },
    # --------------------------------------------------------- upload
    "data.csv_upload_help": {
        "en": "One header line with the column names, then one row per example. Values are numbers or short "
        "text categories; you choose the column to predict below. Commas, semicolons or tabs between "
        "values; UTF-8 or Korean Excel (CP949) text.",
        "ko": "첫 줄에 열 이름, 그 아래에 예제마다 한 행. 값은 숫자나 짧은 텍스트 범주이며, 예측할 열은 아래에서 "
        "고릅니다. 값 사이는 쉼표, 세미콜론 또는 탭; UTF-8 또는 한국어 Excel(CP949) 텍스트.",
    },
    "data.csv_reading": {"en": "Reading the file…", "ko": "파일을 읽는 중…"},
    # ----------------------------------------------------------- errors
    "data.unknown_dataset": {
        "en": "Unknown dataset '{name}'. Choose one of: {choices}.",
        "ko": "알 수 없는 데이터셋 '{name}'입니다. 다음 중에서 고르세요: {choices}.",
    },
    "data.bad_scaling": {
        "en": "Argument `scaling` must be one of {choices}. Received: scaling='{scaling}'",
        "ko": "`scaling`은 {choices} 중 하나여야 합니다. 받은 값: scaling='{scaling}'",
    },
    "data.bad_task": {
        "en": "Argument `task` must be 'auto' or one of {choices}. Received: task='{task}'",
        "ko": "`task`는 'auto' 또는 {choices} 중 하나여야 합니다. 받은 값: task='{task}'",
    },
    "data.bad_test_fraction": {
        "en": "The test fraction must be between 0 and 1 (for example 0.2). Received: test_fraction={value}",
        "ko": "테스트 비율은 0과 1 사이여야 합니다 (예: 0.2). 받은 값: test_fraction={value}",
    },
    "data.bad_n_samples": {
        "en": "The number of samples must be at least {minimum}. Received: n_samples={value}",
        "ko": "샘플 수는 {minimum} 이상이어야 합니다. 받은 값: n_samples={value}",
    },
    "data.bad_noise": {
        "en": "The noise must be 0 or more (for example 0.2). Received: noise={value}",
        "ko": "노이즈는 0 이상이어야 합니다 (예: 0.2). 받은 값: noise={value}",
    },
    "data.too_few_rows": {
        "en": {
            "count": "rows",
            "one": "Too few rows to split into training and test sets: {rows} row with test "
            "fraction {fraction}. Use more rows or another test fraction.",
            "other": "Too few rows to split into training and test sets: {rows} rows with test "
            "fraction {fraction}. Use more rows or another test fraction.",
        },
        "ko": "행이 너무 적어 훈련/테스트 세트로 나눌 수 없습니다: 행 {rows}개, 테스트 비율 {fraction}. 행을 늘리거나 테스트 비율을 바꾸세요.",
    },
    "data.mnist_unavailable": {
        "en": "MNIST is not on this server and could not be downloaded (is it offline?). "
        "To use MNIST without internet, download mnist.npz from {url} on a computer that has "
        "internet, put it in a folder on the server and start the app with "
        "PLAYGROUND_DATA_DIR set to that folder (or copy it into {cache}). "
        "The server tries the download again in about {minutes} min.",
        "ko": "이 서버에 MNIST가 없고 내려받지도 못했습니다 (인터넷에 연결되어 있지 않나요?). "
        "인터넷 없이 MNIST를 쓰려면 인터넷이 되는 컴퓨터에서 {url} 에서 mnist.npz를 내려받아 "
        "서버의 한 폴더에 넣고, PLAYGROUND_DATA_DIR를 그 폴더로 설정해 앱을 시작하세요 "
        "({cache}에 복사해도 됩니다). 서버는 약 {minutes}분 뒤에 다시 내려받기를 시도합니다.",
    },
    "data.imdb_unavailable": {
        "en": "IMDB is not on this server and could not be downloaded (is it offline?). "
        "To use IMDB without internet, download imdb.npz and imdb_word_index.json from {url} "
        "on a computer that has internet, put both in a folder on the server and start the app "
        "with PLAYGROUND_DATA_DIR set to that folder (or copy them into {cache}). "
        "The server tries the download again in about {minutes} min.",
        "ko": "이 서버에 IMDB가 없고 내려받지도 못했습니다 (인터넷에 연결되어 있지 않나요?). "
        "인터넷 없이 IMDB를 쓰려면 인터넷이 되는 컴퓨터에서 {url} 에서 imdb.npz와 "
        "imdb_word_index.json을 내려받아 서버의 한 폴더에 함께 넣고, PLAYGROUND_DATA_DIR를 "
        "그 폴더로 설정해 앱을 시작하세요 ({cache}에 복사해도 됩니다). "
        "서버는 약 {minutes}분 뒤에 다시 내려받기를 시도합니다.",
    },
    "data.npz_unreadable": {
        "en": "The data file {path} could not be read ({reason}). Replace it with a file in the Keras format.",
        "ko": "데이터 파일 {path}을(를) 읽을 수 없습니다 ({reason}). Keras 형식의 파일로 바꾸세요.",
    },
    "data.csv_no_file": {
        "en": "No CSV file has been uploaded yet. Upload one first.",
        "ko": "아직 올린 CSV 파일이 없습니다. 먼저 파일을 올리세요.",
    },
    "data.csv_not_found": {
        "en": "The uploaded CSV '{file}' is no longer on the server. Upload it again.",
        "ko": "올린 CSV '{file}'이(가) 서버에 더 이상 없습니다. 다시 올리세요.",
    },
    "data.upload_too_large": {
        "en": "The CSV file is too large: {size_mb:.1f} MB, the limit is {limit_mb} MB. Upload a smaller file.",
        "ko": "CSV 파일이 너무 큽니다: {size_mb:.1f} MB이고 한도는 {limit_mb} MB입니다. 더 작은 파일을 올리세요.",
    },
    "data.csv_empty": {
        "en": "The CSV file is empty: it has no header or no rows. Upload a file with a header line and data rows.",
        "ko": "CSV 파일이 비어 있습니다: 머리글 줄이나 데이터 행이 없습니다. 머리글과 데이터 행이 있는 파일을 올리세요.",
    },
    "data.csv_unreadable": {
        "en": "The file could not be read as a CSV table. Save it from your spreadsheet as CSV "
        "(comma-separated values) with one header line, and upload it again.",
        "ko": "파일을 CSV 표로 읽을 수 없습니다. 스프레드시트에서 머리글 한 줄이 있는 CSV(쉼표로 구분된 값)로 "
        "저장해서 다시 올리세요.",
    },
    "data.csv_header_only": {
        "en": {
            "count": "columns",
            "one": "The CSV has a header line ({columns} column) but no data rows. Add one row "
            "per example below it.",
            "other": "The CSV has a header line ({columns} columns) but no data rows. Add one "
            "row per example below it.",
        },
        "ko": "CSV에 머리글 줄(열 {columns}개)만 있고 데이터 행이 없습니다. 그 아래에 예제마다 한 행씩 넣으세요.",
    },
    "data.csv_excel_file": {
        "en": "This file is an Excel workbook ({format}) with a .csv name, not a CSV text file. In Excel choose "
        'File › Save As › "CSV UTF-8 (Comma delimited)" (or "CSV") and upload that file.',
        "ko": "이 파일은 이름만 .csv인 Excel 통합 문서({format})이며 CSV 텍스트 파일이 아닙니다. Excel에서 "
        '파일 › 다른 이름으로 저장 › "CSV UTF-8(쉼표로 분리)"(또는 "CSV")를 골라 저장한 파일을 올리세요.',
    },
    "data.csv_binary_file": {
        "en": "This is a {format} file, not a CSV table of text. Upload a .csv file saved from a spreadsheet "
        "or a text editor.",
        "ko": "이 파일은 {format} 파일이며 텍스트로 된 CSV 표가 아닙니다. 스프레드시트나 텍스트 편집기에서 "
        "저장한 .csv 파일을 올리세요.",
    },
    "data.csv_header_too_long": {
        "en": "The first line is longer than {limit} characters (about {columns} column names or more), so it is "
        "not a header this server can read. The first line must list the column names, for example "
        "height,weight,label; keep only the columns you need.",
        "ko": "첫 줄이 {limit}자보다 길어(열 이름 약 {columns}개 이상) 이 서버가 읽을 수 있는 머리글이 아닙니다. "
        "첫 줄에는 열 이름이 있어야 합니다(예: height,weight,label). 필요한 열만 남기세요.",
    },
    "data.csv_too_many_columns": {
        "en": "The CSV has {count} columns, more than the {limit} this server accepts. Keep only the columns "
        "you need and upload it again.",
        "ko": "CSV에 열이 {count}개 있어 이 서버가 받는 {limit}개를 넘습니다. 필요한 열만 남겨서 다시 올리세요.",
    },
    "data.csv_cell_too_long": {
        "en": "Line {line} has a value longer than {limit} characters, which is not a table cell. "
        'Check that line (a missing closing quote " makes the rest of the file one value).',
        "ko": "{line}번째 줄에 {limit}자보다 긴 값이 있어 표의 칸으로 볼 수 없습니다. 그 줄을 확인하세요 "
        '(닫는 따옴표 "가 빠지면 파일의 나머지 전체가 값 하나가 됩니다).',
    },
    "data.csv_ragged": {
        "en": {
            "count": "expected",
            "one": "Line {line} has {values} values but the header has {expected} column; rows "
            "like this: {count} of {rows}. Check the delimiter and the quotes in your "
            "file, and that every row has one value per column.",
            "other": "Line {line} has {values} values but the header has {expected} columns; "
            "rows like this: {count} of {rows}. Check the delimiter and the quotes in "
            "your file, and that every row has one value per column.",
        },
        "ko": "{line}번째 줄에는 값이 {values}개 있지만 머리글의 열은 {expected}개이며, {rows}개 행 중 {count}개가 이렇습니다. "
        "파일의 구분자와 따옴표를 확인하고, 모든 행이 열마다 값 하나씩 갖도록 하세요.",
    },
    "data.csv_too_many_features": {
        "en": "One-hot encoding would turn the inputs into {count} columns, more than the {limit} this server "
        "allows. Text columns with many different values add the most: {columns}. Remove some of them "
        "from the file, or choose another target.",
        "ko": "원-핫 인코딩을 하면 입력 열이 {count}개가 되어 이 서버가 허용하는 {limit}개를 넘습니다. "
        "서로 다른 값이 많은 텍스트 열이 가장 많이 늘어납니다: {columns}. 그중 일부를 파일에서 빼거나 "
        "다른 타깃을 고르세요.",
    },
    "data.csv_parse_timeout": {
        "en": {
            "count": "seconds",
            "one": "Reading the file took longer than {seconds} second, so it was stopped to "
            "keep the server fast for everyone. Upload a smaller file (fewer rows or "
            "columns).",
            "other": "Reading the file took longer than {seconds} seconds, so it was stopped to "
            "keep the server fast for everyone. Upload a smaller file (fewer rows or "
            "columns).",
        },
        "ko": "파일을 읽는 데 {seconds}초보다 오래 걸려 모두를 위해 서버를 빠르게 유지하려고 중단했습니다. 더 작은 파일(행이나 열이 더 적은 파일)을 "
        "올리세요.",
    },
    "data.csv_parse_memory": {
        "en": "Reading the file needed more than {limit_mb} MB of memory, so it was stopped. Upload a smaller "
        "file (fewer rows or columns).",
        "ko": "파일을 읽는 데 메모리가 {limit_mb} MB보다 많이 필요해서 중단했습니다. 더 작은 파일(행이나 열이 "
        "더 적은 파일)을 올리세요.",
    },
    "data.csv_parse_failed": {
        "en": "The file could not be read: the reader stopped unexpectedly. Check that it is a CSV file and "
        "upload it again; if it keeps happening, tell your teacher.",
        "ko": "파일을 읽지 못했습니다: 읽는 도중 예기치 않게 멈췄습니다. CSV 파일인지 확인하고 다시 올리세요. "
        "계속 그러면 선생님께 알려 주세요.",
    },
    "data.csv_server_busy": {
        "en": "The server is reading other students' files right now. Wait a few seconds and try again.",
        "ko": "서버가 지금 다른 학생들의 파일을 읽고 있습니다. 몇 초 기다렸다가 다시 해 보세요.",
    },
    "data.upload_not_saved": {
        "en": "The upload could not be saved on the server (its disk may be full or read-only). "
        "Try again in a moment; if it keeps happening, tell your teacher.",
        "ko": "올린 파일을 서버에 저장하지 못했습니다 (디스크가 가득 찼거나 읽기 전용일 수 있습니다). "
        "잠시 후 다시 해 보고, 계속 그러면 선생님께 알려 주세요.",
    },
    "data.csv_no_target": {
        "en": "Choose the target column to predict. Columns: {columns}.",
        "ko": "예측할 타깃 열을 고르세요. 열 목록: {columns}.",
    },
    "data.csv_unknown_target": {
        "en": "There is no column '{target}' in the CSV. Choose one of: {columns}.",
        "ko": "CSV에 '{target}' 열이 없습니다. 다음 중에서 고르세요: {columns}.",
    },
    "data.csv_single_class": {
        "en": "The target '{target}' has only one value ({value}), so there is nothing to classify. "
        "Choose a target with at least two different values.",
        "ko": "타깃 '{target}'의 값이 하나뿐이라({value}) 분류할 것이 없습니다. "
        "서로 다른 값이 둘 이상인 타깃을 고르세요.",
    },
    "data.csv_text_target_regression": {
        "en": "The target '{target}' holds text (for example '{example}'), so it cannot be a regression target. "
        "Choose a numeric column, or a classification task.",
        "ko": "타깃 '{target}'에 텍스트가 있어(예: '{example}') 회귀 타깃이 될 수 없습니다. "
        "숫자 열을 고르거나 분류 과제를 선택하세요.",
    },
    "data.csv_binary_needs_two": {
        "en": "Binary classification needs exactly 2 classes, but the target '{target}' has {count}. "
        "Choose multiclass classification instead.",
        "ko": "이진 분류에는 클래스가 정확히 2개 있어야 하지만 타깃 '{target}'에는 {count}개가 있습니다. "
        "다중 분류를 선택하세요.",
    },
    "data.csv_too_many_classes": {
        "en": "The target '{target}' has {count} different values, more than the {limit} classes allowed. "
        "Choose regression if it is a number, or another target column.",
        "ko": "타깃 '{target}'에 서로 다른 값이 {count}개 있어 허용된 클래스 수 {limit}개를 넘습니다. "
        "숫자라면 회귀를 선택하거나 다른 타깃 열을 고르세요.",
    },
    "data.csv_no_features": {
        "en": "No input columns are left besides the target '{target}'. The CSV needs at least one other usable column.",
        "ko": "타깃 '{target}' 말고 남은 입력 열이 없습니다. CSV에 쓸 수 있는 다른 열이 하나 이상 있어야 합니다.",
    },
}
